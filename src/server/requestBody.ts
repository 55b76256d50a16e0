import { concat, strictUtf8 } from './bytes.js';
import { bounded, type OnStop } from './deadline.js';
import { TrayHandlerError } from './responses.js';

/**
 * Refuses bodies that are not declared as JSON. A cross-site `<form>` can POST `text/plain`
 * without a CORS preflight, but not `application/json`; requiring it keeps another site from
 * driving a signed-in user's integrations with their cookies.
 */
export function assertJsonContentType(request: Request): void {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new TrayHandlerError(
      415,
      'unsupported_media_type',
      'Send the request body as JSON with the header "Content-Type: application/json".',
    );
  }
}

function tooLarge(maxBytes: number): TrayHandlerError {
  return new TrayHandlerError(
    413,
    'payload_too_large',
    `The request body is larger than ${maxBytes} bytes. Send a smaller request, or raise maxBodyBytes on the server.`,
  );
}

/**
 * Reads and parses a JSON body of at most `maxBytes`, within `timeoutMs` (408 for a body that
 * never ends). Content-Length is checked first, and the bytes are counted while streaming
 * too, so an absent or lying header cannot get a larger body through.
 */
export async function readJsonBody(request: Request, maxBytes: number, timeoutMs: number): Promise<unknown> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  // No listener on the client's signal: a client that leaves ends the body stream itself.
  const text = await bounded((onStop) => readText(request, maxBytes, onStop), {
    ms: timeoutMs,
    onTimeout: () =>
      new TrayHandlerError(408, 'request_timeout', `The request body did not arrive within ${timeoutMs} ms. Send it again.`),
  });
  if (text.trim() === '') {
    throw new TrayHandlerError(400, 'invalid_json', 'The request body is empty; send a JSON object.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new TrayHandlerError(400, 'invalid_json', 'The request body is not valid JSON; send a JSON object.');
  }
}

async function readText(request: Request, maxBytes: number, onStop: OnStop): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  onStop(stop);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body, or its stream broke: nobody to tell but the status.
      throw new TrayHandlerError(400, 'invalid_request', 'The request body could not be read to its end. Send it again.');
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      stop();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return strictUtf8.decode(concat(chunks, total));
  } catch {
    throw new TrayHandlerError(400, 'invalid_json', 'The request body is not UTF-8 text; send a JSON object.');
  }
}

/** The body as a plain object, or a 400 naming what was expected. */
export function requireObject(body: unknown, expected: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TrayHandlerError(400, 'invalid_request', `The request body must be a JSON object: ${expected}.`);
  }
  return body as Record<string, unknown>;
}

/** A non-empty string field, or a 400 naming the field. */
export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TrayHandlerError(400, 'invalid_request', `"${field}" is required and must be a non-empty string.`);
  }
  return value;
}

/** An optional string field: absent/null → undefined, otherwise it must be a string. */
export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new TrayHandlerError(400, 'invalid_request', `"${field}" must be a string when given.`);
  }
  return value;
}
