import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { TrayEmbeddedError } from '../core/errors.js';

/**
 * Maps what Apollo reports to our typed error. Tray's exact error for an enable refused by
 * `errorOnEnablingWithMissingValues` is unconfirmed, so a refused enable whose errors hint
 * at missing values (in message or extensions) becomes `missing_values`, and any other
 * refusal `graphql`; the UI offers "Finish setup" for both, so a wrong guess costs nothing.
 * Our handler answers 401 without a user, 429 with Tray's rate-limit body, 502 when Tray is down.
 */
export function toTrayError(error: unknown, action: 'enable' | 'disable' | 'load'): TrayEmbeddedError {
  if (error instanceof TrayEmbeddedError) return error;
  let errors: unknown = CombinedGraphQLErrors.is(error) ? error.errors : undefined;
  if (ServerError.is(error)) {
    if (error.statusCode === 401) errors = [{ extensions: { code: 'UNAUTHENTICATED' } }];
    else if (error.statusCode < 500) errors = readErrors(error.bodyText) ?? [{ message: error.message }];
  }
  if (!Array.isArray(errors)) {
    return new TrayEmbeddedError('network', 'Could not reach the server.', { cause: error });
  }
  const text = JSON.stringify(errors);
  const message = String((errors[0] as { message?: unknown } | undefined)?.message ?? '');
  const code = /unauthenticated/i.test(text)
    ? 'unauthenticated'
    : action === 'enable' && /missing|required/i.test(text)
      ? 'missing_values'
      : 'graphql';
  return new TrayEmbeddedError(code, message, { cause: error, details: errors });
}

/** `errors` of a GraphQL body, or our handler's `{ error: { message } }`, from a non-2xx answer. */
function readErrors(bodyText: string): unknown[] | undefined {
  try {
    const body = JSON.parse(bodyText) as { errors?: unknown[]; error?: unknown };
    return body.errors ?? (body.error ? [body.error] : undefined);
  } catch {
    return undefined;
  }
}
