import type { ResolvedConfig } from './options.js';
import { TrayHandlerError } from './responses.js';

/**
 * Which browser origins may call the handler. A request without `Origin` (server to server,
 * curl) or from the handler's own origin is served as before; one from an origin listed in
 * `cors.origins` is served with CORS headers; any other is refused with 403 before the body
 * is read or the user looked up. Same-origin POSTs carry `Origin` in every current browser,
 * so this keeps other sites out even where cookies are sent cross-site.
 */
export type OriginVerdict = { kind: 'none' } | { kind: 'own' } | { kind: 'allowed'; origin: string };

export function checkOrigin(request: Request, url: URL, cors: ResolvedConfig['cors']): OriginVerdict {
  const origin = request.headers.get('origin');
  if (origin === null) return { kind: 'none' };
  if (cors.origins.has(origin)) return { kind: 'allowed', origin };
  if (isOwnOrigin(origin, url)) return { kind: 'own' };
  // A proxy in front of the handler may rewrite Host (Vite's dev proxy does: its shorthand sets
  // changeOrigin), so the host no longer matches the page's. The browser's own word, which a
  // page cannot set, still tells a call from the page's origin apart from a cross-site one.
  if (request.headers.get('sec-fetch-site') === 'same-origin') return { kind: 'own' };
  throw new TrayHandlerError(
    403,
    'forbidden_origin',
    `Requests from ${origin === 'null' ? 'an opaque origin' : 'this origin'} are not allowed. ` +
      'Call the handler from your own site, or list the origin in the handler option cors.origins.',
  );
}

/**
 * The handler's own origin, compared by host and port only: behind a proxy that terminates
 * TLS the handler sees `http://` while the browser says `https://`, and the host (which the
 * browser sets and a page cannot forge) is what tells sites apart.
 */
function isOwnOrigin(origin: string, url: URL): boolean {
  try {
    const parsed = new URL(origin);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    return parsed.host === url.host || defaultPortHost(parsed) === defaultPortHost(url);
  } catch {
    return false;
  }
}

/** `host` with the scheme's default port removed from either side of a TLS-terminating proxy. */
function defaultPortHost(url: URL): string {
  return url.port === '' || url.port === '80' || url.port === '443' ? url.hostname : url.host;
}

// Header names as a preflight lists them: tokens separated by commas.
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/** The 204 answer to a preflight from an allowed origin. */
export function preflightResponse(request: Request, origin: string, cors: ResolvedConfig['cors']): Response {
  const requested = request.headers.get('access-control-request-headers')?.trim() ?? '';
  const headers = new Headers({
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': requested !== '' && HEADER_LIST.test(requested) ? requested : 'content-type',
    'access-control-max-age': '600',
    'cache-control': 'no-store',
  });
  addCorsHeaders(headers, origin, cors);
  return new Response(null, { status: 204, headers });
}

/** Adds the CORS headers an allowed origin needs to read a response. */
export function addCorsHeaders(headers: Headers, origin: string, cors: ResolvedConfig['cors']): void {
  headers.set('access-control-allow-origin', origin);
  if (cors.credentials) headers.set('access-control-allow-credentials', 'true');
  // The browser hides every other header from scripts; Retry-After is what a 429 is for.
  headers.set('access-control-expose-headers', 'retry-after');
  headers.append('vary', 'origin');
}
