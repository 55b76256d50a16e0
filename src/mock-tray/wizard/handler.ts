import type { MockTrayStore } from '../store.js';
import { renderWizardPage } from './page.js';
import { saveWizardValues, startWizardSession, WIZARD_SAVE_PATH, WIZARD_SESSION_PATH } from './wizardApi.js';

export interface MockTrayWizardOptions {
  store: MockTrayStore;
  /**
   * The host pages' exact origins (scheme://host:port), like the allowed origins a partner
   * registers: the page posts its messages to these only, never to '*'.
   */
  hostOrigins: readonly string[];
}

const WIZARD_PAGE_PATH = /^\/external\/solutions\/([^/]+)\/configure\/([^/]+)\/?$/;

/** Throws unless every entry is a bare origin such as `http://127.0.0.1:5173`. */
export function assertHostOrigins(hostOrigins: readonly string[]): void {
  if (!Array.isArray(hostOrigins) || hostOrigins.length === 0) {
    throw new TypeError('hostOrigins must list at least one origin, such as ["http://127.0.0.1:5173"]: the wizard posts its messages only there.');
  }
  for (const origin of hostOrigins) {
    let parsed: string | null;
    try {
      parsed = new URL(origin).origin;
    } catch {
      parsed = null;
    }
    if (parsed !== origin) {
      throw new TypeError(`hostOrigins entry "${origin}" is not an origin; write scheme://host[:port] with no path or trailing slash.`);
    }
  }
}

function notFound(pathname: string): Response {
  return new Response(`Not found: ${pathname}. The wizard lives at /external/solutions/{embeddedId}/configure/{solutionInstanceId}?code=…`, {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

/** Everything on the wizard's origin as one fetch-style handler: the page and its JSON API. */
export function createMockTrayWizard(options: MockTrayWizardOptions): (request: Request) => Promise<Response> {
  const { store } = options;
  const hostOrigins = [...options.hostOrigins];
  assertHostOrigins(hostOrigins);

  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === WIZARD_SESSION_PATH || pathname === WIZARD_SAVE_PATH) {
      if (request.method !== 'POST') return new Response('Use POST.', { status: 405, headers: { allow: 'POST' } });
      return pathname === WIZARD_SESSION_PATH ? startWizardSession(store, request) : saveWizardValues(store, request);
    }
    const match = WIZARD_PAGE_PATH.exec(pathname);
    if (!match) return notFound(pathname);
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Use GET.', { status: 405, headers: { allow: 'GET, HEAD' } });
    let embeddedId: string;
    let solutionInstanceId: string;
    try {
      embeddedId = decodeURIComponent(match[1]!);
      solutionInstanceId = decodeURIComponent(match[2]!);
    } catch {
      return notFound(pathname);
    }
    const nonce = btoa(globalThis.crypto.randomUUID());
    const html = renderWizardPage({ embeddedId, solutionInstanceId, hostOrigins }, nonce);
    return new Response(request.method === 'HEAD' ? null : html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': [
          "default-src 'none'",
          `script-src 'nonce-${nonce}'`,
          `style-src 'nonce-${nonce}'`,
          "connect-src 'self'",
          "base-uri 'none'",
          "form-action 'none'",
          // Tray's wizard also works in an iframe; only the host origins may frame it.
          `frame-ancestors ${hostOrigins.join(' ')}`,
        ].join('; '),
      },
    });
  };
}
