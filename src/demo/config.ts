/** What the demo backend tells the page at /api/demo-config. */
export interface DemoConfig {
  /** `mock`: the local mock Tray; `real`: real Tray through the same handler; `static`: in-browser mock. */
  mode: 'mock' | 'real' | 'static';
  /** Where our server handler is mounted. */
  apiBase: string;
  wizardOrigin: string | null;
  /** The mock listing API (the listing editor story); null against real Tray. */
  listing: { apiBaseUrl: string; accessToken: string; solutionVersionId: string } | null;
}

/** Where the dev and preview servers answer (see src/demo/server/startDemo.ts). */
export const DEMO_CONFIG_PATH = '/api/demo-config';

/**
 * What the page asks for: relative to the page, so a static build served under a sub-path
 * asks under that sub-path, never at the domain's root. At `/` it is DEMO_CONFIG_PATH.
 */
export const DEMO_CONFIG_URL = `.${DEMO_CONFIG_PATH}`;
