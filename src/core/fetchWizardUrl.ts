import { TrayEmbeddedError } from './errors.js';

export interface WizardUrlFetcherOptions {
  /** The handler's wizard-url route. @default '/api/tray/wizard-url' */
  endpoint?: string;
  /** Extra request headers, e.g. a CSRF token. */
  headers?: Record<string, string>;
  /** @default globalThis.fetch, read at call time */
  fetch?: typeof fetch;
}

/**
 * A `getWizardUrl` that asks our server handler (`createTrayHandler`) for a URL with a fresh
 * authorization code. Codes are single-use and expire after about five minutes, so it
 * is called on every open, never cached.
 */
export function createWizardUrlFetcher(options: WizardUrlFetcherOptions = {}): (solutionInstanceId: string) => Promise<string> {
  const endpoint = options.endpoint ?? '/api/tray/wizard-url';
  return async (solutionInstanceId) => {
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify({ solutionInstanceId }),
      });
    } catch (cause) {
      throw new TrayEmbeddedError('network', 'We could not reach the server. Check your connection and try again.', { cause });
    }
    const body = (await response.json().catch(() => null)) as { url?: unknown; error?: { message?: unknown } } | null;
    if (response.status === 401) {
      throw new TrayEmbeddedError('unauthenticated', 'Your session has expired. Sign in again, then retry.');
    }
    if (!response.ok || typeof body?.url !== 'string') {
      const reason = typeof body?.error?.message === 'string' ? ` (${body.error.message})` : '';
      throw new TrayEmbeddedError('invalid_wizard_url', `The setup page could not be opened${reason}.`, { details: body });
    }
    return body.url;
  };
}
