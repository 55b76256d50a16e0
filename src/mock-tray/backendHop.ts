import { parse } from 'graphql';
import { createHold, FaultRules, type FaultMatch, type FaultOptions, type FaultRule, type Hold, type HoldOptions } from './faults.js';
import { rootFieldsOf } from './rootFields.js';

/** One request the page sent to its backend, as the in-process hop saw it. */
export interface BackendRequest {
  method: string;
  /** The URL's path, e.g. `/api/tray/graphql`. */
  path: string;
  /** Request headers, names lower-case. */
  headers: Record<string, string>;
  /** The parsed JSON body (`null` when there was none or it was not JSON). */
  body: unknown;
  /** For a GraphQL request: its operation name and top-level fields, and its variables. */
  operationName: string | null;
  rootFields: string[];
  variables: Record<string, unknown> | null;
  /** Set when `unreachable` failed it: it never reached the backend. */
  fault?: 'unreachable';
  held?: boolean;
}

/**
 * Which browser requests a knob applies to: a string starting with `/` is a route under the
 * handler's base path (`/wizard-url`, `/admin/instances`); any other string is a GraphQL
 * operation name or root field. Or a predicate over the `BackendRequest`.
 */
export type BackendMatch = FaultMatch<BackendRequest>;

/** The browser → backend hop's log and knobs: what "the request never reached your backend" needs. */
export interface BackendHop {
  /** Every request the page sent, in order, those that never arrived included. */
  readonly requests: readonly BackendRequest[];
  /** The next matching request(s) reject as the browser's fetch does offline (`TypeError: Failed to fetch`). */
  unreachable(match?: BackendMatch, options?: FaultOptions): FaultRule;
  /** Stops matching requests before they reach the backend, until released. */
  hold(match?: BackendMatch, options?: HoldOptions): Hold<BackendRequest>;
  /** Drops every rule not used yet. */
  clear(): void;
}

type Stop = (request: BackendRequest) => Promise<void>;

/** What the browser's `fetch` throws when the server cannot be reached (Chromium's words). */
function failedToFetch(): TypeError {
  return new TypeError('Failed to fetch');
}

function describeGraphql(body: unknown): Pick<BackendRequest, 'operationName' | 'rootFields' | 'variables'> {
  const payload = (typeof body === 'object' && body !== null ? body : {}) as { query?: unknown; operationName?: unknown; variables?: unknown };
  const operationName = typeof payload.operationName === 'string' ? payload.operationName : null;
  const variables = typeof payload.variables === 'object' && payload.variables !== null ? (payload.variables as Record<string, unknown>) : null;
  let rootFields: string[] = [];
  try {
    if (typeof payload.query === 'string') rootFields = rootFieldsOf(parse(payload.query), operationName);
  } catch {
    // Not GraphQL the hop can read: the handler will say what is wrong with it.
  }
  return { operationName, rootFields, variables };
}

function abortPromise(signal: AbortSignal | null | undefined): Promise<never> | null {
  if (!signal) return null;
  return new Promise<never>((_, reject) => {
    const abort = () => reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

/**
 * The page's `fetch` for `basePath/*`, answered by `handler` in process, through the hop's
 * knobs. The request is rebuilt without its `signal` (jsdom's AbortSignal is not the one
 * Node's `Request` accepts); an abort still rejects the returned promise.
 */
export function createBackendHop(options: {
  handler: (request: Request) => Promise<Response>;
  origin: string;
  basePath: string;
}): { hop: BackendHop; fetch: typeof fetch } {
  const { handler, origin, basePath } = options;
  const requests: BackendRequest[] = [];
  const matchString = (request: BackendRequest, match: string) =>
    match.startsWith('/') ? request.path === `${basePath}${match}` : request.operationName === match || request.rootFields.includes(match);
  const failures = new FaultRules<BackendRequest, 'unreachable'>(matchString);
  const holds = new FaultRules<BackendRequest, Stop>(matchString);
  const everything = () => true;

  const hop: BackendHop = {
    requests,
    unreachable: (match = everything, faultOptions) => failures.add(match, 'unreachable', faultOptions),
    hold: (match = everything, holdOptions = {}) => {
      let stop: Stop = () => Promise.resolve();
      const control = createHold<BackendRequest>(holds.add(match, (request) => stop(request), holdOptions), holdOptions);
      stop = control.stop;
      return control.hold;
    },
    clear: () => {
      failures.clear();
      holds.clear();
    },
  };

  const send = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), origin);
    const { signal, ...rest } = init;
    const request = new Request(input instanceof Request ? input : url, rest);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    let body: unknown;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      body = null; // not JSON: logged without a body
    }
    const seen: BackendRequest = {
      method: request.method,
      path: url.pathname,
      headers: Object.fromEntries(request.headers),
      body,
      ...(url.pathname === `${basePath}/graphql` ? describeGraphql(body) : { operationName: null, rootFields: [], variables: null }),
    };
    requests.push(seen);

    const aborted = abortPromise(signal);
    const answer = (async () => {
      const stops = holds.take(seen, true);
      if (stops.length > 0) {
        seen.held = true;
        await Promise.all(stops.map((stop) => stop(seen)));
      }
      if (failures.take(seen).length > 0) {
        seen.fault = 'unreachable';
        throw failedToFetch();
      }
      if (url.origin !== origin || !url.pathname.startsWith(`${basePath}/`)) {
        return Response.json({ error: { code: 'not_found', message: `The in-process backend serves ${basePath}/* on ${origin} only, not ${url.href}.` } }, { status: 404 });
      }
      return handler(request);
    })();
    return aborted ? Promise.race([answer, aborted]) : answer;
  };
  return { hop, fetch: send as typeof fetch };
}
