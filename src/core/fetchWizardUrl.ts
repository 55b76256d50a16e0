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
  return async (solutionInstanceId) => {
    const response = await (options.fetch ?? fetch)(options.endpoint ?? '/api/tray/wizard-url', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify({ solutionInstanceId }),
    }).catch((cause: unknown) => {
      throw new TrayEmbeddedError('network', 'Could not reach the server.', { cause });
    });
    const body = (await response.json().catch(() => ({}))) as { url?: unknown; error?: { message?: string } };
    if (response.ok && typeof body.url === 'string') return body.url;
    throw new TrayEmbeddedError(
      response.status === 401 ? 'unauthenticated' : 'invalid_wizard_url',
      body.error?.message ?? `wizard-url answered ${response.status}`,
      { details: body },
    );
  };
}
