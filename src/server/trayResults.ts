import type { TrayHandlerLogger } from './options.js';
import { GRAPHQL_RESPONSE_TYPE, TrayHandlerError } from './responses.js';
import type { SecretRegistry } from './secrets.js';
import { errorMessages, isRateLimited, type TrayResult } from './trayClient.js';

// Tray's answers nest about as deep as the documents allowed (12), plus JSON config values.
const MAX_ANSWER_DEPTH = 256;
// What could hide a secret in JSON text: a JSON escape, and the encodings the scrubber decodes.
const MAY_HIDE_A_SECRET = /[\\%]|&#/;

/** A Tray answer ready for the browser: scrubbed, serialised, shareable between requests. */
export interface Answer {
  status: number;
  body: string;
  retryAfter?: string;
}

/**
 * Tray's answer as the browser gets it: same body and status, every string scrubbed of every
 * secret the handler knows, except that Tray's rate limit (an HTTP 200 carrying
 * `access_not_allowed`) becomes a 429 with `Retry-After` so clients and proxies recognise it.
 */
export function toAnswer(result: TrayResult, secrets: SecretRegistry, logger: TrayHandlerLogger): Answer {
  let body: string;
  try {
    // Text without escapes reads the same decoded: when it holds no secret, it goes on as Tray sent it.
    const clean = result.text !== undefined && !MAY_HIDE_A_SECRET.test(result.text) && !secrets.contains(result.text);
    body = clean ? result.text! : JSON.stringify(secrets.scrubValue(result.body, MAX_ANSWER_DEPTH));
  } catch {
    logger.error(`Tray answered with JSON nested deeper than ${MAX_ANSWER_DEPTH} levels; refused it.`);
    throw new TrayHandlerError(502, 'upstream_invalid_response', 'Tray answered with a body the handler cannot pass on. Try again later.');
  }
  if (isRateLimited(result)) {
    logger.warn('Tray rate limit reached again after one retry; answered 429.');
    return { status: 429, body, retryAfter: retryAfterSeconds(result) };
  }
  return { status: result.status, body };
}

export function answerResponse(answer: Answer): Response {
  return new Response(answer.body, {
    status: answer.status,
    headers: {
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-type': GRAPHQL_RESPONSE_TYPE,
      ...(answer.retryAfter ? { 'retry-after': answer.retryAfter } : {}),
    },
  });
}

/**
 * `result` with `body` in its place, where `body` is made of parts of Tray's own answer only
 * (fields left out, lists cut). When Tray's text held no escape, neither does the new body's
 * (`JSON.stringify` escapes only what such text cannot hold), so it gets its text at once and
 * `toAnswer` checks that text for secrets in one scan instead of walking every string. With
 * escapes, it has no text, and `toAnswer` scrubs it value by value.
 */
export function reshapedResult(result: TrayResult, body: TrayResult['body']): TrayResult {
  const { text, ...rest } = result;
  return text !== undefined && !MAY_HIDE_A_SECRET.test(text) ? { ...rest, body, text: JSON.stringify(body) } : { ...rest, body };
}

/** `toAnswer` then `answerResponse`. */
export function forwardResult(result: TrayResult, secrets: SecretRegistry, logger: TrayHandlerLogger): Response {
  return answerResponse(toAnswer(result, secrets, logger));
}

function retryAfterSeconds(result: TrayResult): string {
  return String(Math.max(1, Math.ceil((result.retryAfterMs ?? 1_000) / 1000)));
}

/**
 * The `data` of a call the handler makes for itself (authorize, authorization codes,
 * ownership checks). Anything else becomes an error for the partner to act on; Tray's own
 * messages go to the log only.
 */
export function requireData(result: TrayResult, what: string, logger: TrayHandlerLogger): Record<string, unknown> {
  if (isRateLimited(result)) {
    logger.warn(`Tray rate limit reached while trying to ${what}, even after one retry; answered 429.`);
    throw new TrayHandlerError(429, 'rate_limited', 'Too many requests to Tray right now. Wait a second and try again.', {
      'retry-after': retryAfterSeconds(result),
    });
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
 * A 401 or 403 on a master-token call is a configuration problem, not the end user's: say so.
 * (On user-token calls it is only a stale token; `withUserToken` retries those.)
 */
export function assertMasterTokenAccepted(result: TrayResult, what: string, logger: TrayHandlerLogger): void {
  if (result.status !== 401 && result.status !== 403) return;
  logger.error(`Tray refused the master token (HTTP ${result.status}) while trying to ${what}.`);
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
