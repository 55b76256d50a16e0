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

export const DEMO_CONFIG_PATH = '/api/demo-config';
