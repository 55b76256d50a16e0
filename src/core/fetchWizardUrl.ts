import { errorFrom } from './errorRules.js';
import { TrayEmbeddedError } from './errors.js';
import type { GetWizardUrl } from './instancePort.js';

export interface WizardUrlFetcherOptions {
  /** The handler's route. @default '/api/tray/wizard-url' (`createAuthUrlFetcher`: '/api/tray/auth-url') */
  endpoint?: string;
  /** Extra request headers, e.g. a CSRF token. */
  headers?: Record<string, string>;
  /** @default globalThis.fetch, read at call time */
  fetch?: typeof fetch;
}

/**
 * POSTs `body` to one of our handler's URL routes and resolves to its `{ url }`; any refusal
 * but the ones a person can act on (network, session, rights, a missing instance) means the
 * page cannot open: `invalid_wizard_url`.
 */
export async function fetchUrl(options: WizardUrlFetcherOptions, endpoint: string, body: unknown): Promise<string> {
  const response = await (options.fetch ?? fetch)(options.endpoint ?? endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
  }).catch((cause: unknown) => {
    throw errorFrom(0, null, false, cause);
  });
  const answer = (await response.json().catch(() => ({}))) as { url?: unknown };
  if (response.ok && typeof answer.url === 'string') return answer.url;
  const error = errorFrom(response.status, answer, false);
  throw error.code === 'graphql' ? new TrayEmbeddedError('invalid_wizard_url', error.message, { details: answer, status: response.status }) : error;
}

/**
 * A `getWizardUrl` that asks our server handler (`createTrayHandler`) for a URL with a fresh
 * authorization code. Codes are single-use and expire after about five minutes, so it
 * is called on every open, never cached.
 */
export function createWizardUrlFetcher(options: WizardUrlFetcherOptions = {}): GetWizardUrl {
  return (solutionInstanceId, request) =>
    // `undefined` is left out of the JSON: the flag is sent only when it is on.
    fetchUrl(options, '/api/tray/wizard-url', { solutionInstanceId, customValidation: request?.customValidation || undefined });
}
