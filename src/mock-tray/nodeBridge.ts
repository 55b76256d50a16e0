import type { IncomingMessage, ServerResponse } from 'node:http';
import { MockTrayUnreachableError } from './mockTrayFaults.js';

/** Bodies over this size are refused with 413 before any handler sees them. */
export const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  // A copy onto a plain ArrayBuffer: what `Request` accepts as a body.
  return new Uint8Array(Buffer.concat(chunks));
}

/** A Web `Request` for a Node request; `origin` is the server's own (the Host header is not trusted). */
export async function toWebRequest(request: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = request.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request);
  return new Request(new URL(request.url ?? '/', origin), { method, headers, body });
}

/** Writes a Web `Response` to a Node response. */
export async function sendWebResponse(response: Response, target: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length > 0) headers['set-cookie'] = setCookies;
  target.writeHead(response.status, headers);
  target.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/**
 * A Node `request` listener around a fetch-style handler. A thrown handler answers 500 with no
 * details (the error goes to stderr), an oversized body 413; `MockTrayUnreachableError` (the
 * `unreachable` and `loseAnswer` knobs) drops the socket, so the caller's fetch rejects.
 */
export function nodeListener(handler: (request: Request) => Promise<Response>, origin: () => string) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    void (async () => {
      let webResponse: Response;
      try {
        webResponse = await handler(await toWebRequest(request, origin()));
      } catch (error) {
        if (error instanceof MockTrayUnreachableError) {
          response.destroy();
          return;
        }
        if (error instanceof BodyTooLargeError) {
          webResponse = Response.json({ error: { code: 'payload_too_large', message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` } }, { status: 413 });
        } else {
          console.error('mock Tray: handler failed', error);
          webResponse = Response.json({ error: { code: 'internal', message: 'The mock Tray failed to handle this request.' } }, { status: 500 });
        }
      }
      try {
        await sendWebResponse(webResponse, response);
      } catch (error) {
        console.error('mock Tray: could not write the response', error);
        response.destroy();
      }
    })();
  };
}
