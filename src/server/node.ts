/**
 * Mounts a Web-standard handler on `node:http` or Express without importing any Node module
 * (the `/server` entry must stay loadable on Workers): the request and response are described
 * by the few members we use, which `IncomingMessage`/`ServerResponse` already have.
 */

/** The parts of `http.IncomingMessage` (or an Express request) the adapter reads. */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  /** The request line's target: the path (and query) the route is taken from. */
  url?: string | undefined;
  /** Express keeps the full path here when the listener is mounted under a prefix. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Set by Express body parsers (`express.json()`), which have already read the stream. */
  body?: unknown;
}

/** The parts of `http.ServerResponse` the adapter writes. */
export interface NodeResponseLike {
  statusCode: number;
  headersSent?: boolean;
  /** True once `end()` was called; a `close` before that means the client left. */
  writableEnded?: boolean;
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array | string): unknown;
  /** Node's `close` event: lets a client that leaves cancel the work done for it. */
  once?(event: 'close', listener: () => void): unknown;
}

/** What `toNodeListener` passes as the handler's second argument (and so to `getUser`). */
export interface NodeContext<Req extends NodeRequestLike = NodeRequestLike, Res extends NodeResponseLike = NodeResponseLike> {
  req: Req;
  res: Res;
}

export type NodeListener<Req extends NodeRequestLike = NodeRequestLike, Res extends NodeResponseLike = NodeResponseLike> = (
  req: Req,
  res: Res,
) => void;

class BadRequest extends Error {}

/**
 * `http.createServer(toNodeListener(handler))` or `app.use('/api/tray', toNodeListener(handler))`.
 * The handler gets `{ req, res }` as its context, so `getUser(request, { req })` can read
 * Express's `req.session` or `req.user`.
 */
export function toNodeListener<Req extends NodeRequestLike, Res extends NodeResponseLike>(
  handler: (request: Request, context: NodeContext<Req, Res>) => Promise<Response>,
): NodeListener<Req, Res> {
  return (req, res) => {
    void (async () => {
      try {
        let request: Request;
        try {
          request = toRequest(req, res);
        } catch (error) {
          if (!(error instanceof BadRequest)) throw error;
          return writeError(res, 400, 'invalid_request', error.message);
        }
        const response = await handler(request, { req, res });
        res.statusCode = response.status;
        response.headers.forEach((value, name) => {
          if (name !== 'set-cookie') res.setHeader(name, value);
        });
        const cookies = response.headers.getSetCookie?.() ?? [];
        if (cookies.length > 0) res.setHeader('set-cookie', cookies);
        res.end(new Uint8Array(await response.arrayBuffer()));
      } catch {
        writeError(res, 500, 'internal_error', 'The request could not be handled.');
      }
    })();
  };
}

function writeError(res: NodeResponseLike, status: number, code: string, message: string): void {
  if (!res.headersSent) {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
  }
  res.end(JSON.stringify({ error: { code, message } }));
}

// A host name, an IPv4 address or a bracketed IPv6 address, with an optional port: nothing
// that could carry a path, a query or credentials into the URL.
const HOST = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The request's URL: the path from the request line only, the origin from a checked `Host`. */
function requestUrl(req: NodeRequestLike): URL {
  const host = headerValue(req.headers.host) ?? 'localhost';
  if (!HOST.test(host)) throw new BadRequest('The Host header is not a valid host name.');
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    throw new BadRequest('The Host header is not a valid host name.');
  }
  let target = req.originalUrl ?? req.url ?? '/';
  // Absolute-form (`POST http://host/path HTTP/1.1`, sent to proxies): keep its path only.
  if (/^https?:\/\//i.test(target)) {
    try {
      const absolute = new URL(target);
      target = absolute.pathname + absolute.search;
    } catch {
      throw new BadRequest('The request target is not a valid URL.');
    }
  }
  if (!target.startsWith('/')) throw new BadRequest('The request target must be a path.');
  // Set as parts, never parsed against a base: `//evil.example/x` stays a path.
  const query = target.indexOf('?');
  url.pathname = query === -1 ? target : target.slice(0, query);
  url.search = query === -1 ? '' : target.slice(query);
  return url;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function toRequest(req: NodeRequestLike, res: NodeResponseLike): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = requestUrl(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    try {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    } catch {
      throw new BadRequest(`The header "${name}" is not valid.`);
    }
  }
  const controller = new AbortController();
  res.once?.('close', () => {
    if (res.writableEnded !== true) controller.abort();
  });
  const init: RequestInit = { method, headers, signal: controller.signal };
  if (method === 'GET' || method === 'HEAD') return new Request(url, init);
  const parsed = parsedBody(req.body);
  if (parsed !== undefined) {
    // The stream is spent; the declared length described the original bytes, not ours.
    headers.delete('content-length');
    return new Request(url, { ...init, body: parsed });
  }
  return new Request(url, { ...init, body: bodyStream(req), duplex: 'half' } as RequestInit);
}

function parsedBody(body: unknown): string | Uint8Array<ArrayBuffer> | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  try {
    return JSON.stringify(body);
  } catch {
    throw new BadRequest('The parsed request body could not be serialised as JSON.');
  }
}

const encoder = new TextEncoder();

function bodyStream(req: NodeRequestLike): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : (value as Uint8Array));
      },
      cancel() {
        // Not chunks.return(): that destroys the socket before the 413 is sent. Read the rest
        // and drop it, as Node does itself for a body nobody read, so keep-alive survives.
        void (async () => {
          try {
            while (!(await chunks.next()).done);
          } catch {
            // the client went away; nothing to drain
          }
        })();
      },
    },
    // Pull nothing until the handler reads: a body it never reads (401, 404) is left for Node
    // to discard, which keeps the connection reusable.
    { highWaterMark: 0 },
  );
}
