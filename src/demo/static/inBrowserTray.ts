import { createInProcessTray } from '../../mock-tray/inProcess.js';
import { createMockListingApi, SEED_ACCESS_TOKEN, SEED_ORGANIZATION_ID, SEED_SOLUTION_VERSION_ID } from '../../mock-tray/listing/index.js';
import { createMockTrayStore, type MockTrayStore } from '../../mock-tray/store.js';
import type { DemoConfig } from '../config.js';
import { createDemoEvents, demoBeforeEnable, DEMO_EVENTS_PATH } from '../partner/partnerHooks.js';

/** What mock-wizard.html (the popup) borrows from its opener. */
export interface InBrowserWizardBridge {
  wizard(url: string, init?: RequestInit): Promise<Response>;
  /** The in-page mock's state, for tests and for poking at in devtools. */
  store: MockTrayStore;
}

/** public/mock-wizard.html, relative to the page: the build may be served under any sub-path. */
export const WIZARD_PAGE = 'mock-wizard.html';
/**
 * Where the widgets look for our handler by default (`/api/tray/...`, root-relative, as in a
 * partner's app). The shim answers these inside the page, so none reaches the network,
 * whatever sub-path the build is served under.
 */
const API_BASE = '/api/tray';

/**
 * The static demo's backend, inside the page: the in-process harness (the mock Tray and our
 * real server handler), reached through a `fetch` shim for `/api/tray/*` and the listing API's
 * paths. The widgets and the Apollo client are the same as with `npm run dev`; only the
 * transport differs. The wizard runs in a same-origin popup or frame (mock-wizard.html, beside
 * the page) that renders the mock wizard page. There is no consent origin here: Connect says so.
 */
export function startInBrowserTray(): DemoConfig {
  const origin = window.location.origin;
  const events = createDemoEvents();
  const listing = createMockListingApi({ organizationId: SEED_ORGANIZATION_ID, accessToken: SEED_ACCESS_TOKEN, cors: false });
  const tray = createInProcessTray({
    // Tray's own rate limit, as `npm run dev` has it.
    store: createMockTrayStore(),
    origin,
    basePath: API_BASE,
    extraRoutes: [listing.handle],
    handler: { wizardHost: origin, beforeEnable: demoBeforeEnable, onInstanceEvent: events.onInstanceEvent },
  });

  const networkFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (url.origin !== origin) return networkFetch(input, init);
    if (url.pathname.startsWith(`${API_BASE}/`)) {
      const response = await tray.fetch(input, init);
      if ((url.pathname !== `${API_BASE}/wizard-url` && url.pathname !== `${API_BASE}/auth-url`) || !response.ok) return response;
      // The wizard and auth pages are rendered by mock-wizard.html, which keeps the real URL in its hash.
      const { url: wizardUrl } = (await response.json()) as { url: string };
      return Response.json({ url: `${new URL(WIZARD_PAGE, document.baseURI).href}#${encodeURIComponent(wizardUrl)}` });
    }
    if (url.pathname.endsWith(DEMO_EVENTS_PATH)) {
      return Response.json(await events.next(Number(url.searchParams.get('after')) || 0, init?.signal ?? undefined));
    }
    if (url.pathname.startsWith('/developer/solutions/')) {
      return (await listing.handle(new Request(url, init))) ?? new Response('Not found', { status: 404 });
    }
    return networkFetch(input, init);
  };
  const bridge: InBrowserWizardBridge = { wizard: (url, init) => tray.wizard(new Request(url, init)), store: tray.store };
  (window as unknown as { rteInBrowserTray: InBrowserWizardBridge }).rteInBrowserTray = bridge;

  return {
    mode: 'static',
    apiBase: API_BASE,
    wizardOrigin: origin,
    listing: { apiBaseUrl: origin, accessToken: SEED_ACCESS_TOKEN, solutionVersionId: SEED_SOLUTION_VERSION_ID },
  };
}
