import { createTrayHandler, type TrayHandler } from '../../src/server/index';
import { createMockTrayApi } from '../../src/mock-tray/api';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { createMockTrayStore, type MockTrayStore } from '../../src/mock-tray/store';

/**
 * Our real server handler in front of the real mock Tray, in process (no sockets): what the
 * partner's backend serves, for browser-side tests that call the handler with `fetch`.
 */
export function createInProcessTray(options: { isAdmin?: boolean; signedIn?: boolean } = {}) {
  const store: MockTrayStore = createMockTrayStore({ rateLimitPerSecond: Infinity });
  const api = createMockTrayApi(store);
  const user = { isAdmin: options.isAdmin ?? true, signedIn: options.signedIn ?? true };
  const requests: Array<{ path: string; body: any }> = [];
  const handler: TrayHandler = createTrayHandler({
    basePath: '/api/tray',
    masterToken: store.masterToken,
    graphqlUrl: 'http://mock-tray.test/graphql',
    embeddedId: store.embeddedId,
    wizardHost: 'http://127.0.0.1:9',
    fetch: (input, init) => api(new Request(input, init)),
    getUser: () => (user.signedIn ? { userId: SEED_IDS.demoUser, isAdmin: user.isAdmin } : null),
    logger: { warn: () => {}, error: () => {} },
  });
  /** The browser's `fetch`, answered by the handler. */
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), 'http://app.test'), init);
    requests.push({ path: new URL(request.url).pathname, body: await request.clone().json().catch(() => null) });
    return handler(request);
  }) as typeof globalThis.fetch;
  return { store, handler, fetch, user, requests };
}
