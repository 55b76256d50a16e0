/**
 * Mounts a Web-standard handler on `node:http` or Express without importing any Node module
 * (the `/server` entry must stay loadable on Workers): the request and response are described
 * by the few members we use, which `IncomingMessage`/`ServerResponse` already have.
 */

/** The parts of `http.IncomingMessage` (or an Express request) the adapter reads. */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
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
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array | string): unknown;
}

export type NodeListener = (req: NodeRequestLike, res: NodeResponseLike) => void;

/** `http.createServer(toNodeListener(handler))` or `app.use('/api/tray', toNodeListener(handler))`. */
export function toNodeListener(handler: (request: Request) => Promise<Response>): NodeListener {
  return (req, res) => {
    void (async () => {
      try {
        const response = await handler(toRequest(req));
        res.statusCode = response.status;
        response.headers.forEach((value, name) => {
          if (name !== 'set-cookie') res.setHeader(name, value);
        });
        const cookies = response.headers.getSetCookie?.() ?? [];
        if (cookies.length > 0) res.setHeader('set-cookie', cookies);
        res.end(new Uint8Array(await response.arrayBuffer()));
      } catch {
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader('content-type', 'application/json; charset=utf-8');
        }
        res.end(JSON.stringify({ error: { code: 'internal_error', message: 'The request could not be handled.' } }));
      }
    })();
  };
}

function toRequest(req: NodeRequestLike): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const url = `http://${headers.get('host') ?? 'localhost'}${req.originalUrl ?? req.url ?? '/'}`;
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const parsed = parsedBody(req.body);
  if (parsed !== undefined) {
    // The stream is spent; the declared length described the original bytes, not ours.
    headers.delete('content-length');
    return new Request(url, { method, headers, body: parsed });
  }
  return new Request(url, { method, headers, body: bodyStream(req), duplex: 'half' } as RequestInit);
}

function parsedBody(body: unknown): string | Uint8Array<ArrayBuffer> | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  return JSON.stringify(body);
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
