import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { errorFrom } from '../core/errorRules.js';
import { TrayEmbeddedError } from '../core/errors.js';

/**
 * Maps what Apollo reports to our typed error with the one rule of `core/errorRules.ts`:
 * GraphQL errors as Tray's refusal, a non-2xx answer of our handler by its status (401 without
 * a user, 429 with Tray's rate-limit body, 502 when Tray is down), anything else as a request
 * that never got an answer.
 */
export function toTrayError(error: unknown, action: 'enable' | 'disable' | 'load'): TrayEmbeddedError {
  if (error instanceof TrayEmbeddedError) return error;
  const isEnable = action === 'enable';
  if (CombinedGraphQLErrors.is(error)) return errorFrom(200, { errors: error.errors }, isEnable, error);
  if (ServerError.is(error)) return errorFrom(error.statusCode, parse(error.bodyText), isEnable, error);
  return errorFrom(0, null, isEnable, error);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
