import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { createAuthUrlFetcher, type GetAuthUrl } from '../core/fetchAuthUrl.js';
import { createWizardUrlFetcher } from '../core/fetchWizardUrl.js';
import type { GetWizardUrl } from '../core/instancePort.js';
import { createTrayHandler, type TrayHandler, type TrayHandlerOptions, type TrayUser } from '../server/index.js';
import { createMockTrayApi, type MockTrayRoute } from './api.js';
import { createBackendHop, type BackendHop } from './backendHop.js';
import { seedUsers, SEED_IDS } from './seed.js';
import type { MockTrayFaults, MockTrayRequestMatch } from './mockTrayFaults.js';
import type { MockCriteriaIdMode } from './criteriaId.js';
import { createMockTrayStore, type MockTrayStore } from './store.js';
import type { MockTrayRequestLogEntry } from './types.js';
import { createMockTrayWizard } from './wizard/handler.js';
import { WIZARD_SAVE_PATH, WIZARD_SESSION_PATH } from './wizard/wizardApi.js';

export interface InProcessTrayOptions {
  /** The mock's state; the signed-in user must be one of its users. @default a fresh `createMockTrayStore({ seed, rateLimitPerSecond: Infinity })` */
  store?: MockTrayStore;
  /** Without `store`: `false` gives an empty store holding only the signed-in user. @default true */
  seed?: boolean;
  /** What the mock does with `solutionInstances(criteria: { id })` (sets `store.criteriaId`). @default the store's ('honour') */
  criteriaId?: MockCriteriaIdMode;
  /** Who the backend's `getUser` says is signed in; `null`: nobody (the handler answers 401). @default the seed's demo user, as admin */
  user?: TrayUser | null;
  /** Where the handler is mounted. @default '/api/tray' */
  basePath?: string;
  /** The page's origin: relative URLs resolve against it, and the wizard posts to it. @default 'http://app.test' */
  origin?: string;
  /** More routes on the mock API (the listing API). */
  extraRoutes?: readonly MockTrayRoute[];
  /** More `createTrayHandler` options (`wizardHost`, `customValidation`, `logger`, `getUser`…). The
   *  default wizard host is the handler's own (Tray's, `https://embedded.tray.io`); the default logger keeps lines in `handlerLog`. */
  handler?: Partial<Omit<TrayHandlerOptions, 'fetch' | 'basePath' | 'masterToken' | 'embeddedId' | 'graphqlUrl' | 'region'>>;
}

/** A line the handler logged (never with a token in it). */
export interface HandlerLogLine {
  level: 'warn' | 'error';
  message: string;
  details?: Record<string, unknown>;
}

export interface InProcessTray {
  readonly store: MockTrayStore;
  /** The mock Tray's knobs (`store.faults`): between our handler and Tray. */
  readonly faults: MockTrayFaults;
  /** The page → backend hop's knobs and log: between the browser and our handler. */
  readonly backend: BackendHop;
  /** The signed-in user; assign to sign in as someone else, or `null` to sign out. */
  user: TrayUser | null;
  /** Our real server handler, its `fetch` pointed at the mock's API. */
  readonly handler: TrayHandler;
  /** The mock Tray's API origin as a handler (`/graphql` and `extraRoutes`). */
  readonly api: (request: Request) => Promise<Response>;
  /** The mock wizard's origin as a handler (its page and JSON API). */
  readonly wizard: (request: Request) => Promise<Response>;
  /** The page's `fetch` for `basePath/*`: through the hop to the handler, no sockets. */
  readonly fetch: typeof fetch;
  /** What the handler logged. */
  readonly handlerLog: readonly HandlerLogLine[];
  /** One Apollo client on `fetch`, made on first use. */
  readonly client: ApolloClient;
  /** A fresh Apollo client on `fetch` (e.g. a second browser tab). */
  createClient(): ApolloClient;
  /** The library's own fetcher on the handler's `/wizard-url` route: a mock wizard URL with a fresh code. */
  getWizardUrl: GetWizardUrl;
  /** The same on the `/auth-url` route: the auth-only dialog's URL. */
  getAuthUrl: GetAuthUrl;
  /**
   * What the mock wizard page does when the user fills it in: redeems the URL's code and saves
   * `values` (decoded, by externalId). Posting `tray.configPopup.finish` is left to the caller.
   */
  fillWizard(wizardUrl: string, values: Record<string, unknown>): Promise<void>;
  /** The mock's request log, optionally only the requests `match` matches. */
  requests(match?: MockTrayRequestMatch): MockTrayRequestLogEntry[];
  /** The variables of every request that reached the mock with this root field (`updateSolutionInstance`). */
  mutations(rootField: string): Array<Record<string, any>>;
}

const WIZARD_PATH = /^\/external\/solutions\/([^/]+)\/configure\/([^/]+)\/?$/;

function matchesName(entry: MockTrayRequestLogEntry, name: string): boolean {
  return entry.operationName === name || entry.rootFields.includes(name);
}

function storeFor(options: InProcessTrayOptions, user: TrayUser | null): MockTrayStore {
  if (options.store) return options.store;
  const store = createMockTrayStore({ seed: options.seed ?? true, rateLimitPerSecond: Infinity });
  if (user && !store.users.has(user.userId)) {
    const known = seedUsers.find((seeded) => seeded.id === user.userId);
    store.createUser(known ?? { id: user.userId, name: user.userId, externalUserId: `ext-${user.userId}` });
  }
  return store;
}

/**
 * Our real server handler in front of the real mock Tray, in one process with no sockets:
 * what a partner's backend serves, for jsdom tests and the demo's scripted stories. The page
 * talks to it through `fetch` (and the Apollo `client` on it); knobs on both hops (`faults`,
 * `backend`) produce the failures and the waits.
 */
export function createInProcessTray(options: InProcessTrayOptions = {}): InProcessTray {
  let user: TrayUser | null = options.user === undefined ? { userId: SEED_IDS.demoUser, isAdmin: true } : options.user;
  const store = storeFor(options, user);
  if (options.criteriaId) store.criteriaId = options.criteriaId;
  const origin = options.origin ?? 'http://app.test';
  const basePath = options.basePath ?? '/api/tray';
  const api = createMockTrayApi(store, { extraRoutes: options.extraRoutes ?? [] });
  const wizard = createMockTrayWizard({ store, hostOrigins: [origin] });
  const handlerLog: HandlerLogLine[] = [];
  const handler = createTrayHandler({
    basePath,
    masterToken: store.masterToken,
    embeddedId: store.embeddedId,
    // Never fetched over a network: `fetch` below hands every request to the mock's API.
    graphqlUrl: 'http://mock-tray.invalid/graphql',
    getUser: () => user,
    logger: {
      warn: (message, details) => handlerLog.push({ level: 'warn', message, ...(details ? { details } : {}) }),
      error: (message, details) => handlerLog.push({ level: 'error', message, ...(details ? { details } : {}) }),
    },
    ...options.handler,
    fetch: (input, init) => api(new Request(input, init)),
  });
  const { hop, fetch } = createBackendHop({ handler, origin, basePath });
  const createClient = () => new ApolloClient({ link: new HttpLink({ uri: `${basePath}/graphql`, fetch }), cache: new InMemoryCache() });
  let client: ApolloClient | undefined;

  const wizardCall = async (url: URL, path: string, body: unknown) => {
    const response = await wizard(new Request(new URL(path, url.origin), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const answer = (await response.json()) as Record<string, any>;
    if (!response.ok) throw new Error(`The mock wizard refused ${path}: ${answer['error']?.message ?? response.status}`);
    return answer;
  };

  return {
    store,
    faults: store.faults,
    backend: hop,
    get user() {
      return user;
    },
    set user(next) {
      user = next;
    },
    handler,
    api,
    wizard,
    fetch,
    handlerLog,
    get client() {
      client ??= createClient();
      return client;
    },
    createClient,
    getWizardUrl: createWizardUrlFetcher({ endpoint: `${basePath}/wizard-url`, fetch }),
    getAuthUrl: createAuthUrlFetcher({ endpoint: `${basePath}/auth-url`, fetch }),
    async fillWizard(wizardUrl, values) {
      const url = new URL(wizardUrl);
      const match = WIZARD_PATH.exec(url.pathname);
      const code = url.searchParams.get('code');
      if (!match || !code) throw new Error(`fillWizard needs a config wizard URL (…/external/solutions/{embeddedId}/configure/{id}?code=…), not ${wizardUrl}.`);
      const session = await wizardCall(url, WIZARD_SESSION_PATH, { embeddedId: decodeURIComponent(match[1]!), solutionInstanceId: decodeURIComponent(match[2]!), code });
      await wizardCall(url, WIZARD_SAVE_PATH, { sessionId: session['sessionId'], values });
    },
    requests: (match) =>
      store.requestLog.filter((entry) => match === undefined || (typeof match === 'string' ? matchesName(entry, match) : match(entry))),
    mutations: (rootField) => store.requestLog.filter((entry) => entry.rootFields.includes(rootField)).map((entry) => entry.variables ?? {}),
  };
}
