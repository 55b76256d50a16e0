import { TrayEmbeddedError, type TrayEmbeddedErrorCode } from './errors.js';

const isRecord = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null;

/** The GraphQL `errors[]` of an answer, or `undefined` when it has none. */
export const errorsOf = (body: unknown): unknown[] | undefined =>
  isRecord(body) && Array.isArray(body['errors']) && body['errors'].length > 0 ? body['errors'] : undefined;

/**
 * The one rule that turns an answer into a `TrayEmbeddedError`, for every transport (Apollo,
 * the admin routes, the wizard-url route). `status` is our handler's HTTP status (0: it was
 * never reached; 200 with GraphQL `errors[]`: Tray refused); `body` what it answered with,
 * `{ errors }` or `{ error: { code, message } }`.
 *
 * Tray's exact error for an enable refused by `errorOnEnablingWithMissingValues` is
 * unconfirmed, so an enable (`isEnable`) whose errors mention missing or required values, in the
 * message or the extensions, is `missing_values`, and any other refusal `graphql`; the UI offers
 * "Finish setup" for both, so a wrong guess costs nothing. A 5xx means Tray (or the handler)
 * could not be reached, which trying again may fix. `ENABLE_REFUSED` is the partner's own
 * `beforeEnable` saying no: `refused`, whatever words the partner chose.
 */
export function errorFrom(status: number, body: unknown, isEnable: boolean, cause?: unknown): TrayEmbeddedError {
  const errors = errorsOf(body);
  const reason = isRecord(body) && isRecord(body['error']) ? body['error'] : errors?.[0];
  const text = JSON.stringify(errors ?? reason ?? '');
  const code: TrayEmbeddedErrorCode =
    status === 0 || status === 408 || status >= 500 ? 'network'
    : /"ENABLE_REFUSED"/.test(text) ? 'refused'
    : status === 401 || /unauthenticated/i.test(text) ? 'unauthenticated'
    : status === 403 ? 'forbidden'
    : status === 404 || /"NOT_FOUND"/.test(text) ? 'not_found'
    : status === 429 || /rate limit/i.test(text) ? 'rate_limited'
    : isEnable && /missing|required/i.test(text) ? 'missing_values'
    : 'graphql';
  const message = isRecord(reason) && typeof reason['message'] === 'string' ? reason['message'] : status ? `The server answered ${status}.` : 'Could not reach the server.';
  return new TrayEmbeddedError(code, message, { cause, details: errors ?? reason, status: status || undefined });
}

/**
 * The server is the truth: a change counts only when its answer shows it. An enable the answer
 * does not confirm is treated as refused for missing values (the one documented reason).
 */
export function confirmEnabled<I extends { enabled: boolean }>(instance: I | null | undefined, enabled: boolean): I {
  if (instance?.enabled !== enabled) {
    throw new TrayEmbeddedError(enabled ? 'missing_values' : 'graphql', 'Tray did not confirm the change.', { details: instance });
  }
  return instance;
}

/**
 * The settings a refused enable names as missing, when it names them: the mock Tray lists them
 * in `extensions.missingConfigSlots` (`{ externalId, title }`); real Tray's refusal is
 * unconfirmed and may name none, and then this is empty.
 */
export function missingSettings(error: TrayEmbeddedError): string[] {
  if (error.code !== 'missing_values' || !Array.isArray(error.details)) return [];
  return error.details
    .flatMap((entry) => (isRecord(entry) && isRecord(entry['extensions']) && Array.isArray(entry['extensions']['missingConfigSlots']) ? entry['extensions']['missingConfigSlots'] : []))
    .map((slot: unknown) => (isRecord(slot) ? (slot['title'] ?? slot['externalId']) : undefined))
    .filter((title): title is string => typeof title === 'string' && title !== '');
}
