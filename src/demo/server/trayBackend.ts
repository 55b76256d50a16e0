import { createTrayHandler, type TrayHandler } from '../../server/index.js';
import { startMockTray, type RunningMockTray } from '../../mock-tray/server.js';
import { SEED_IDS } from '../../mock-tray/seed.js';
import { createMockTrayStore } from '../../mock-tray/store.js';
import { createMockListingApi, type MockListingApi, SEED_ACCESS_TOKEN, SEED_ORGANIZATION_ID, SEED_SOLUTION_VERSION_ID } from '../../mock-tray/listing/index.js';
import type { DemoConfig } from '../config.js';
import { createDemoEvents, demoBeforeEnable, type DemoEvents } from '../partner/partnerHooks.js';

export interface TrayBackend {
  handler: TrayHandler;
  /** What the demo page reads from /api/demo-config. */
  config: DemoConfig;
  /** Present in mock mode only. */
  tray: RunningMockTray | null;
  /** The mock listing API (mock mode only): tests read what it stores. */
  listing: MockListingApi | null;
  /** What the handler's `onInstanceEvent` reported, for the demo page's events panel. */
  events: DemoEvents;
  close(): Promise<void>;
}

export interface TrayBackendOptions {
  /** The demo page's origins: the mock wizard posts its messages only to these. */
  hostOrigins: string[];
  apiPort?: number;
  wizardPort?: number;
  /** Extra generated instances for the demo user (benchmarks use 500). */
  extraInstances?: number;
  /** The mock's per-token rate limit. @default Tray's 30 per second */
  rateLimitPerSecond?: number;
  env?: Record<string, string | undefined>;
}

export const API_BASE = '/api/tray';

/**
 * Our server handler in front of the mock Tray, or, when TRAY_MASTER_TOKEN is set, in front
 * of real Tray: the same handler either way, as a partner's backend would mount it.
 */
export async function startTrayBackend(options: TrayBackendOptions): Promise<TrayBackend> {
  const env = options.env ?? process.env;
  if (env['TRAY_MASTER_TOKEN']) return realTray(env);

  const listing = createMockListingApi({ organizationId: SEED_ORGANIZATION_ID, accessToken: SEED_ACCESS_TOKEN });
  const store = createMockTrayStore(options.rateLimitPerSecond ? { rateLimitPerSecond: options.rateLimitPerSecond } : {});
  const tray = await startMockTray({
    store,
    hostOrigins: options.hostOrigins,
    apiPort: options.apiPort ?? 0,
    wizardPort: options.wizardPort ?? 0,
    extraRoutes: [listing.handle],
  });
  if (options.extraInstances) {
    tray.store.addGeneratedInstances(options.extraInstances);
  }
  const events = createDemoEvents();
  const handler = createTrayHandler({
    basePath: API_BASE,
    // The partner's side: one solution's enable refused with a reason, every change reported.
    beforeEnable: demoBeforeEnable,
    onInstanceEvent: events.onInstanceEvent,
    masterToken: tray.masterToken,
    graphqlUrl: tray.graphqlUrl,
    embeddedId: tray.embeddedId,
    wizardHost: tray.wizardOrigin,
    // The demo has one signed-in end user, who is also an admin of the partner's app.
    getUser: () => ({ userId: SEED_IDS.demoUser, isAdmin: true }),
  });
  return {
    handler,
    tray,
    listing,
    events,
    config: {
      mode: 'mock',
      apiBase: API_BASE,
      wizardOrigin: tray.wizardOrigin,
      listing: { apiBaseUrl: tray.apiOrigin, accessToken: SEED_ACCESS_TOKEN, solutionVersionId: SEED_SOLUTION_VERSION_ID },
    },
    close: () => {
      events.close();
      return tray.close();
    },
  };
}

function realTray(env: Record<string, string | undefined>): TrayBackend {
  const required = ['TRAY_MASTER_TOKEN', 'TRAY_EMBEDDED_ID', 'TRAY_USER_ID'] as const;
  const missing = required.filter((name) => !env[name]);
  if (missing.length) {
    throw new Error(`Real Tray mode needs ${missing.join(', ')} (TRAY_USER_ID: the Tray user id of the demo's end user).`);
  }
  const region = (env['TRAY_REGION'] ?? 'us').toLowerCase();
  if (region !== 'us' && region !== 'eu' && region !== 'apac') throw new Error(`TRAY_REGION must be us, eu or apac (got "${region}").`);
  const events = createDemoEvents();
  const handler = createTrayHandler({
    basePath: API_BASE,
    onInstanceEvent: events.onInstanceEvent,
    masterToken: env['TRAY_MASTER_TOKEN']!,
    region,
    embeddedId: env['TRAY_EMBEDDED_ID']!,
    wizardHost: env['TRAY_WIZARD_HOST'] || undefined,
    getUser: () => ({ userId: env['TRAY_USER_ID']!, isAdmin: env['TRAY_DEMO_ADMIN'] === 'true' }),
  });
  return {
    handler,
    tray: null,
    listing: null,
    events,
    config: { mode: 'real', apiBase: API_BASE, wizardOrigin: null, listing: null },
    close: async () => events.close(),
  };
}
