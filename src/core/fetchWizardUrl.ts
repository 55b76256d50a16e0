import { errorFrom } from './errorRules.js';
import { TrayEmbeddedError } from './errors.js';
import type { GetWizardUrl } from './instancePort.js';

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
export function createWizardUrlFetcher(options: WizardUrlFetcherOptions = {}): GetWizardUrl {
  return async (solutionInstanceId, request) => {
    const response = await (options.fetch ?? fetch)(options.endpoint ?? '/api/tray/wizard-url', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(request?.customValidation ? { solutionInstanceId, customValidation: true } : { solutionInstanceId }),
    }).catch((cause: unknown) => {
      throw errorFrom(0, null, false, cause);
    });
    const body = (await response.json().catch(() => ({}))) as { url?: unknown };
    if (response.ok && typeof body.url === 'string') return body.url;
    const error = errorFrom(response.status, body, false);
    // Any other refusal (a bad request, an answer without a URL) means the wizard cannot open.
    throw error.code === 'graphql' ? new TrayEmbeddedError('invalid_wizard_url', error.message, { details: body, status: response.status }) : error;
  };
}
