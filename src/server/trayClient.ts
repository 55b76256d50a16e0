import { concat, lenientUtf8 } from './bytes.js';
import { bounded, sleep, type OnStop } from './deadline.js';
import type { MasterBudget, MasterPriority } from './masterBudget.js';
import type { TrayHandlerLogger } from './options.js';
import { TrayHandlerError } from './responses.js';

/** What the handler sends to Tray's GraphQL endpoint. */
export interface GraphQLPayload {
  query: string;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
  /** `JSON.stringify(query)`, when already known; never sent as a field of its own. */
  queryJson?: string | undefined;
}

/** One GraphQL error as Tray reports it. */
export interface TrayGraphQLError {
  message?: unknown;
  extensions?: { code?: unknown; name?: unknown } & Record<string, unknown>;
}

/** Tray's answer: its HTTP status and its JSON body, as Tray sent it (not yet scrubbed). */
export interface TrayResult {
  status: number;
  body: { data?: unknown; errors?: TrayGraphQLError[] } & Record<string, unknown>;
  /** The body's text when it was JSON, exactly as Tray sent it. */
  text?: string;
  /** Set when Tray rate-limited the call (after the one retry): how long it implies waiting. */
  retryAfterMs?: number;
}

export interface TrayCallOptions {
  /** The incoming request's signal: a client that leaves cancels the call. */
  signal?: AbortSignal | undefined;
  /** Master-token calls only: their place in the master budget. @default 'low' */
  priority?: MasterPriority;
}

export type PostToTray = (token: string, payload: GraphQLPayload, options?: TrayCallOptions) => Promise<TrayResult>;

// Tray's limit is per second; an HTTP 200 rate-limit error carries no Retry-After.
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;
const MAX_RATE_LIMIT_WAIT_MS = 5_000;

/**
 * Makes the one function that talks to Tray. Each call is bounded by `timeoutMs` (queueing
 * for the master budget, the request and reading the answer together) and by the client's
 * signal; the answer is read as it streams and cut off past `maxResponseBytes`. Tray's rate
 * limit is waited out once and retried; a second one comes back with `retryAfterMs` set.
 * `getFetch` is called per request so the global `fetch` is looked up when used.
 */
export function createTrayClient(options: {
  graphqlUrl: string;
  masterToken: string;
  getFetch: () => typeof fetch;
  timeoutMs: number;
  maxResponseBytes: number;
  budget: MasterBudget;
  logger: TrayHandlerLogger;
}): PostToTray {
  const { timeoutMs, budget, logger } = options;

  async function attempt(token: string, body: string, call: TrayCallOptions): Promise<TrayResult> {
    const isMaster = token === options.masterToken;
    return bounded(
      async (onStop) => {
        const controller = new AbortController();
        onStop((reason) => controller.abort(reason));
        const signal = controller.signal;
        // Half the time at most in the queue, so the call itself still has time to run.
        if (isMaster) await budget.acquire(call.priority ?? 'low', { maxWaitMs: timeoutMs / 2, signal });
        let response: Response;
        try {
          response = await options.getFetch()(options.graphqlUrl, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
            body,
            signal,
          });
        } catch (error) {
          if (signal.aborted) throw error; // bounded() reports why
          // The cause (DNS, TLS, refused connection) is not for the browser; the status says enough.
          throw new TrayHandlerError(
            502,
            'upstream_unreachable',
            'Tray could not be reached. Try again in a moment; if it persists, check the server can reach the Tray GraphQL endpoint.',
          );
        }
        const text = await readCapped(response, options.maxResponseBytes, onStop);
        const json = parseBody(text);
        const parsed = json ?? statusOnlyBody(response.status);
        if (!parsed) {
          throw new TrayHandlerError(
            502,
            'upstream_invalid_response',
            `Tray answered with HTTP ${response.status} and a body that is not GraphQL JSON. Try again later; if it persists, check graphqlUrl/region.`,
          );
        }
        const result: TrayResult = { status: response.status, body: parsed, ...(json ? { text } : {}) };
        if (isRateLimited(result)) {
          if (isMaster) budget.drain();
          result.retryAfterMs = retryAfterMs(response.headers.get('retry-after'));
        }
        return result;
      },
      {
        ms: timeoutMs,
        signal: call.signal,
        onTimeout: () =>
          new TrayHandlerError(504, 'upstream_timeout', `Tray did not answer within ${timeoutMs} ms. Try again in a moment.`),
      },
    );
  }

  return async function postToTray(token, payload, call = {}) {
    const body = serialize(payload);
    const first = await attempt(token, body, call);
    if (first.retryAfterMs === undefined) return first;
    logger.warn(`Tray rate limit reached (30 requests/s per token); retrying once in ${first.retryAfterMs} ms.`);
    await sleep(first.retryAfterMs, call.signal);
    return attempt(token, body, call);
  };
}

function serialize(payload: GraphQLPayload): string {
  try {
    // The query's JSON form is worked out once per document (see DocumentPlan.queryJson).
    if (payload.queryJson === undefined) return JSON.stringify(payload);
    let body = `{"query":${payload.queryJson}`;
    if (payload.variables !== undefined) body += `,"variables":${JSON.stringify(payload.variables)}`;
    if (payload.operationName !== undefined) body += `,"operationName":${JSON.stringify(payload.operationName)}`;
    return `${body}}`;
  } catch {
    throw new TrayHandlerError(400, 'invalid_request', '"variables" could not be serialised as JSON. Nothing was sent to Tray.');
  }
}

function tooLarge(maxBytes: number): TrayHandlerError {
  return new TrayHandlerError(
    502,
    'upstream_too_large',
    `Tray's answer is larger than ${maxBytes} bytes (limits.maxResponseBytes). Ask for less (fewer fields, smaller pages).`,
  );
}

/** The body as text, refused as soon as it passes `maxBytes`: never buffered whole first. */
async function readCapped(response: Response, maxBytes: number, onStop: OnStop): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  onStop(() => void reader.cancel().catch(() => undefined));
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return lenientUtf8.decode(concat(chunks, total));
}

function parseBody(text: string): TrayResult['body'] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!('data' in value) && !('errors' in value)) return undefined;
    const body = value as TrayResult['body'];
    if (body.errors !== undefined && !Array.isArray(body.errors)) return undefined;
    return body;
  } catch {
    return undefined;
  }
}

/** A 401, 403 or 429 still means something without a JSON body; give it a GraphQL shape. */
function statusOnlyBody(status: number): TrayResult['body'] | undefined {
  if (status === 401 || status === 403) {
    return { data: null, errors: [{ message: `Tray refused the token (HTTP ${status}).`, extensions: { code: 'UNAUTHENTICATED' } }] };
  }
  if (status === 429) {
    return { data: null, errors: [{ message: 'Rate limit exceeded', extensions: { code: 'access_not_allowed' } }] };
  }
  return undefined;
}

function retryAfterMs(header: string | null): number {
  const seconds = header === null ? NaN : Number(header);
  if (!Number.isFinite(seconds) || seconds < 0) return DEFAULT_RATE_LIMIT_WAIT_MS;
  return Math.min(MAX_RATE_LIMIT_WAIT_MS, seconds * 1000);
}

/** Tray's rate limit: HTTP 200 with `errors[0].extensions.code === 'access_not_allowed'`, or a plain 429. */
export function isRateLimited(result: TrayResult): boolean {
  if (result.status === 429) return true;
  const first = result.body.errors?.[0];
  return (
    first?.extensions?.code === 'access_not_allowed' &&
    typeof first.message === 'string' &&
    /rate limit/i.test(first.message)
  );
}

// Codes GraphQL servers use for a missing, expired or revoked credential. Tray's exact code is
// unconfirmed, so we match the common ones, plus the words Tray's messages are reported to use.
// Not 'unauthorized'/'forbidden' codes: those often mean "not yours", and retrying them would
// let any request cost an extra authorize.
const UNAUTHENTICATED_CODES = new Set(['unauthenticated', 'invalid_token', 'token_expired']);

/** True when Tray refused the credential itself (as opposed to the operation). */
export function isUnauthenticated(result: TrayResult): boolean {
  // A client of Tray's (Kazoo) treats a 403 as a revoked token: so do we, once.
  if (result.status === 401 || result.status === 403) return true;
  return (result.body.errors ?? []).some((error) => {
    const code = error?.extensions?.code;
    if (typeof code === 'string' && UNAUTHENTICATED_CODES.has(code.toLowerCase())) return true;
    const message = typeof error?.message === 'string' ? error.message : '';
    return /access.?token/i.test(message) && /invalid|expired/i.test(message);
  });
}

/** Tray's error messages, for logs (the logger scrubs them). */
export function errorMessages(result: TrayResult): string[] {
  return (result.body.errors ?? []).map((error) => String(error?.message ?? 'unknown error')).slice(0, 5);
}
