import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { TrayEmbeddedError } from '../core/errors.js';

interface ErrorEntry {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

const MISSING = /missing|required|incomplete|unset/i;
const UNAUTHENTICATED = /^unauthenticated$|^unauthorized$/i;

/**
 * Maps what Apollo reports to our typed error. Tray's exact error for an enable refused by
 * `errorOnEnablingWithMissingValues` is unconfirmed, so a refused enable whose details hint
 * at missing values becomes `missing_values`, and any other refusal becomes `graphql`;
 * the UI offers "Finish setup" for both, so a wrong guess costs nothing.
 */
export function toTrayError(error: unknown, action: 'enable' | 'disable' | 'load'): TrayEmbeddedError {
  if (error instanceof TrayEmbeddedError) return error;
  if (CombinedGraphQLErrors.is(error)) return fromEntries(error.errors as ErrorEntry[], action, error);
  if (ServerError.is(error)) {
    const body = parseBody(error.bodyText);
    if (error.statusCode === 401) return unauthenticated(error);
    if (Array.isArray(body?.errors) && body.errors.length > 0) return fromEntries(body.errors, action, error);
    if (error.statusCode >= 500) return network(error);
    const message = typeof body?.error?.message === 'string' ? body.error.message : error.message;
    return new TrayEmbeddedError('graphql', message, { cause: error, details: body });
  }
  if (ServerParseError.is(error)) return network(error);
  return network(error);
}

function fromEntries(entries: ErrorEntry[], action: string, cause: unknown): TrayEmbeddedError {
  const codes = entries.flatMap((e) => [e.extensions?.code, e.extensions?.name].filter((v): v is string => typeof v === 'string'));
  if (codes.some((code) => UNAUTHENTICATED.test(code))) return unauthenticated(cause);
  const first = entries.map((e) => (typeof e.message === 'string' ? e.message : '')).find(Boolean) ?? '';
  if (codes.includes('access_not_allowed') || /rate limit/i.test(first)) {
    return new TrayEmbeddedError('graphql', 'Too many requests right now. Wait a moment, then try again.', { cause, details: entries });
  }
  const hintsMissing = entries.some(
    (e) => MISSING.test(String(e.message ?? '')) || Object.entries(e.extensions ?? {}).some(([k, v]) => MISSING.test(k) || MISSING.test(String(v))),
  );
  if (action === 'enable' && hintsMissing) {
    return new TrayEmbeddedError('missing_values', first, { cause, details: entries });
  }
  return new TrayEmbeddedError('graphql', first, { cause, details: entries });
}

function parseBody(text: string): { errors?: ErrorEntry[]; error?: { message?: unknown } } | null {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null ? body : null;
  } catch {
    return null;
  }
}

const unauthenticated = (cause: unknown) =>
  new TrayEmbeddedError('unauthenticated', 'Your session has expired. Sign in again, then retry.', { cause });
const network = (cause: unknown) =>
  new TrayEmbeddedError('network', 'We could not reach the server. Check your connection and try again.', { cause });
