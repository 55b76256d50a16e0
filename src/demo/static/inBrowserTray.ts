import { createTrayHandler } from '../../server/index.js';
import { createMockTrayApi } from '../../mock-tray/api.js';
import { SEED_IDS } from '../../mock-tray/seed.js';
import { createMockTrayStore, type MockTrayStore } from '../../mock-tray/store.js';
import { createMockTrayWizard } from '../../mock-tray/wizard/handler.js';
import { createMockListingApi, SEED_ACCESS_TOKEN, SEED_ORGANIZATION_ID, SEED_SOLUTION_VERSION_ID } from '../../mock-tray/listing/index.js';
import type { DemoConfig } from '../config.js';

/** What mock-wizard.html (the popup) borrows from its opener. */
export interface InBrowserWizardBridge {
  wizard(url: string, init?: RequestInit): Promise<Response>;
  /** The in-page mock's state, for tests and for poking at in devtools. */
  store: MockTrayStore;
}

export const WIZARD_PAGE = '/mock-wizard.html';

/**
 * The static demo's backend, inside the page: the mock Tray and our real server handler,
 * reached through a `fetch` shim for `/api/tray/*` and the listing API's paths. The widgets
 * and the Apollo client are the same as with `npm run dev`; only the transport differs.
 * The wizard runs in a same-origin popup (mock-wizard.html) that renders the mock wizard page.
 */
export function startInBrowserTray(): DemoConfig {
  const origin = window.location.origin;
  const store = createMockTrayStore();
  const listing = createMockListingApi({ organizationId: SEED_ORGANIZATION_ID, accessToken: SEED_ACCESS_TOKEN, cors: false });
  const api = createMockTrayApi(store, { extraRoutes: [listing.handle] });
  const wizard = createMockTrayWizard({ store, hostOrigins: [origin] });
  const handler = createTrayHandler({
    basePath: '/api/tray',
    masterToken: store.masterToken,
    embeddedId: store.embeddedId,
    // Never fetched over the network: the handler's fetch option hands requests to the mock.
    graphqlUrl: `${origin}/graphql`,
    wizardHost: origin,
    getUser: () => ({ userId: SEED_IDS.demoUser, isAdmin: true }),
    fetch: (input, init) => api(new Request(input, init)),
  });

  const networkFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (url.origin !== origin) return networkFetch(input, init);
    if (url.pathname.startsWith('/api/tray/')) {
      const response = await handler(new Request(url, init));
      if (url.pathname !== '/api/tray/wizard-url' || !response.ok) return response;
      // The wizard page is rendered by mock-wizard.html, which keeps the real URL in its hash.
      const { url: wizardUrl } = (await response.json()) as { url: string };
      return Response.json({ url: `${origin}${WIZARD_PAGE}#${encodeURIComponent(wizardUrl)}` });
    }
    if (url.pathname.startsWith('/developer/solutions/')) {
      return (await listing.handle(new Request(url, init))) ?? new Response('Not found', { status: 404 });
    }
    return networkFetch(input, init);
  };
  const bridge: InBrowserWizardBridge = { wizard: (url, init) => wizard(new Request(url, init)), store };
  (window as unknown as { rteInBrowserTray: InBrowserWizardBridge }).rteInBrowserTray = bridge;

  return {
    mode: 'static',
    apiBase: '/api/tray',
    wizardOrigin: origin,
    listing: { apiBaseUrl: origin, accessToken: SEED_ACCESS_TOKEN, solutionVersionId: SEED_SOLUTION_VERSION_ID },
  };
}
