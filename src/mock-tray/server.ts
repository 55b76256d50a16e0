import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockTrayApi, GRAPHQL_PATH, type MockTrayRoute } from './api.js';
import { createMockTrayConsent } from './consent/handler.js';
import { criteriaIdModeFrom, type MockCriteriaIdMode } from './criteriaId.js';
import { nodeListener } from './nodeBridge.js';
import { createMockTrayStore, type MockTrayStore } from './store.js';
import { createMockTrayWizard } from './wizard/handler.js';

export interface StartMockTrayOptions {
  /** Loopback only: `127.0.0.1`, `localhost` or `::1`. @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  apiPort?: number;
  /** The wizard's own port, so it is another origin than the API and the host page. @default 0 */
  wizardPort?: number;
  /** The consent page's port: a third origin, as an OAuth provider's is. @default 0 */
  consentPort?: number;
  /** The host pages' exact origins; the wizard posts its messages only to these. */
  hostOrigins: readonly string[];
  /** @default a fresh seeded `createMockTrayStore()` */
  store?: MockTrayStore;
  /**
   * What `solutionInstances(criteria: { id })` does (Tray's behaviour is unconfirmed): `honour`,
   * `ignore` (all the user's instances) or `reject` (a validation error naming `id`).
   * @default process.env.MOCK_TRAY_CRITERIA_ID, else the store's ('honour')
   */
  criteriaId?: MockCriteriaIdMode;
  /** Tried in order on the API origin after `/graphql`, before the 404 (the listing API mounts here). */
  extraRoutes?: readonly MockTrayRoute[];
}

export interface RunningMockTray {
  /** e.g. `http://127.0.0.1:41234/graphql`: pass it to the server handler as `graphqlUrl`. */
  graphqlUrl: string;
  apiOrigin: string;
  /** e.g. `http://127.0.0.1:41235`: pass it to the server handler as `wizardHost`. */
  wizardOrigin: string;
  /** Where the wizard's and the auth dialog's Connect send the user to allow access. */
  consentOrigin: string;
  store: MockTrayStore;
  masterToken: string;
  embeddedId: string;
  /** Stops the three servers, dropping open connections. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function originOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Starts the mock Tray: the GraphQL API on one port, the config wizard on another, the consent page on a third. */
export async function startMockTray(options: StartMockTrayOptions): Promise<RunningMockTray> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new Error(`The mock Tray binds loopback only (127.0.0.1, localhost or ::1), not "${host}": it hands out tokens to anyone who asks.`);
  }
  const store = options.store ?? createMockTrayStore();
  const criteriaId = options.criteriaId ?? criteriaIdModeFrom(globalThis.process?.env['MOCK_TRAY_CRITERIA_ID']);
  if (criteriaId) store.criteriaId = criteriaId;
  let apiOrigin = '';
  let wizardOrigin = '';
  let consentOrigin = '';
  const wizard = createMockTrayWizard({ store, hostOrigins: options.hostOrigins, consentOrigin: () => consentOrigin });
  const api = createMockTrayApi(store, { extraRoutes: options.extraRoutes ?? [] });
  const apiServer = createServer(nodeListener(api, () => apiOrigin));
  const wizardServer = createServer(nodeListener(wizard, () => wizardOrigin));
  const consentServer = createServer(nodeListener(createMockTrayConsent({ store }), () => consentOrigin));
  const servers = [apiServer, wizardServer, consentServer];
  try {
    apiOrigin = originOf(host, (await listen(apiServer, host, options.apiPort ?? 0)).port);
    wizardOrigin = originOf(host, (await listen(wizardServer, host, options.wizardPort ?? 0)).port);
    consentOrigin = originOf(host, (await listen(consentServer, host, options.consentPort ?? 0)).port);
  } catch (error) {
    await Promise.all(servers.map(close));
    throw error;
  }
  return {
    graphqlUrl: `${apiOrigin}${GRAPHQL_PATH}`,
    apiOrigin,
    wizardOrigin,
    consentOrigin,
    store,
    masterToken: store.masterToken,
    embeddedId: store.embeddedId,
    close: async () => {
      await Promise.all(servers.map(close));
    },
  };
}
