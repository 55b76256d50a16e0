import type { TrayHandlerLogger } from './options.js';
import { GRAPHQL_RESPONSE_TYPE, TrayHandlerError, jsonResponse } from './responses.js';
import { errorMessages, isRateLimited, type TrayResult } from './trayClient.js';

const RETRY_AFTER = { 'retry-after': '1' };

/**
 * Tray's answer, passed to the browser as it came: same body and status, except that Tray's
 * rate limit (an HTTP 200 carrying `access_not_allowed`) becomes a 429 with `Retry-After`
 * so clients and proxies recognise it, body unchanged.
 */
export function forwardResult(result: TrayResult, logger: TrayHandlerLogger): Response {
  if (isRateLimited(result)) {
    logger.warn('Tray rate limit reached (30 requests/s, bursts of 50); answered 429.');
    return jsonResponse(429, result.body, { headers: RETRY_AFTER, contentType: GRAPHQL_RESPONSE_TYPE });
  }
  return jsonResponse(result.status, result.body, { contentType: GRAPHQL_RESPONSE_TYPE });
}

/**
 * The `data` of a call the handler makes for itself (authorize, authorization codes,
 * ownership checks). Anything else becomes an error for the partner to act on; Tray's own
 * messages go to the log only.
 */
export function requireData(result: TrayResult, what: string, logger: TrayHandlerLogger): Record<string, unknown> {
  if (isRateLimited(result)) {
    logger.warn(`Tray rate limit reached while trying to ${what}; answered 429.`);
    throw new TrayHandlerError(429, 'rate_limited', 'Too many requests to Tray right now. Wait a second and try again.', RETRY_AFTER);
  }
  assertMasterTokenAccepted(result, what, logger);
  const data = result.body.data;
  if (result.status >= 400 || result.body.errors?.length || typeof data !== 'object' || data === null) {
    logger.error(`Tray could not ${what}.`, { status: result.status, errors: errorMessages(result) });
    throw new TrayHandlerError(502, 'upstream_error', `Tray could not ${what}. Try again; if it persists, check the server logs.`);
  }
  return data as Record<string, unknown>;
}

/**
 * A 401 on a master-token call is a configuration problem, not the end user's: say so.
 * (On user-token calls a 401 is only a stale token; `withUserToken` retries those.)
 */
export function assertMasterTokenAccepted(result: TrayResult, what: string, logger: TrayHandlerLogger): void {
  if (result.status !== 401) return;
  logger.error(`Tray refused the master token while trying to ${what}.`);
  throw new TrayHandlerError(
    502,
    'upstream_unauthorized',
    'Tray refused the master token. Check TRAY_MASTER_TOKEN and that the region (or graphqlUrl) matches the account.',
  );
}

/** Reads `a.b.c` from parsed JSON without trusting its shape. */
export function pick(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
