import type { MockTrayStore } from '../store.js';
import { renderAuthPage, renderConsentCallbackPage, type AuthPageConfig } from './authPage.js';
import { AUTH_SESSION_PATH, CONNECTED_PATH, CONNECT_PATH, CONSENT_CALLBACK_PATH, finishConsent, startAuthSession, startConsent } from './connectApi.js';
import { renderWizardPage } from './page.js';
import { htmlResponse, newNonce, pageHeaders } from './pageShell.js';
import { saveWizardValues, startWizardSession, WIZARD_SAVE_PATH, WIZARD_SESSION_PATH } from './wizardApi.js';

export interface MockTrayWizardOptions {
  store: MockTrayStore;
  /**
   * The host pages' exact origins (scheme://host:port), like the allowed origins a partner
   * registers: the page posts its messages to these only, never to '*'.
   */
  hostOrigins: readonly string[];
  /**
   * The consent origin's URL (`startMockTray` serves it on its own port), read when a Connect
   * starts. Without one, the wizard's and the auth dialog's Connect say they cannot connect here.
   */
  consentOrigin?: string | (() => string | undefined);
}

const WIZARD_PAGE_PATH = /^\/external\/solutions\/([^/]+)\/configure\/([^/]+)\/?$/;
const AUTH_CREATE_PATH = /^\/external\/auth\/create\/([^/]+)\/([^/]+)\/([^/]+)\/?$/;
const AUTH_EDIT_PATH = /^\/external\/auth\/edit\/([^/]+)\/([^/]+)\/?$/;
const POST_ROUTES = [WIZARD_SESSION_PATH, WIZARD_SAVE_PATH, CONNECT_PATH, CONNECTED_PATH, AUTH_SESSION_PATH];

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
  return new Response(`Not found: ${pathname}. The wizard lives at /external/solutions/{embeddedId}/configure/{solutionInstanceId}?code=…, the auth-only dialog at /external/auth/create/{embeddedId}/{solutionInstanceId}/{externalAuthId}?code=… and /external/auth/edit/{embeddedId}/{authId}?code=…`, {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

/** The path's `{…}` parts, decoded; `null` when it is not a page's path or does not decode. */
function pathParts(pattern: RegExp, pathname: string): string[] | null {
  const match = pattern.exec(pathname);
  try {
    return match ? match.slice(1).map((part) => decodeURIComponent(part)) : null;
  } catch {
    return null;
  }
}

/**
 * Everything on the wizard's origin as one fetch-style handler: the config wizard page, the
 * auth-only dialog's create and edit pages (both framable by the host origins only), the
 * consent callback page, and their JSON API.
 */
export function createMockTrayWizard(options: MockTrayWizardOptions): (request: Request) => Promise<Response> {
  const { store } = options;
  const hostOrigins = [...options.hostOrigins];
  assertHostOrigins(hostOrigins);
  const consentOrigin = () => (typeof options.consentOrigin === 'function' ? options.consentOrigin() : options.consentOrigin);

  return async (request) => {
    const { pathname } = new URL(request.url);
    if (POST_ROUTES.includes(pathname)) {
      if (request.method !== 'POST') return new Response('Use POST.', { status: 405, headers: { allow: 'POST' } });
      if (pathname === WIZARD_SESSION_PATH) return startWizardSession(store, request);
      if (pathname === WIZARD_SAVE_PATH) return saveWizardValues(store, request);
      if (pathname === CONNECT_PATH) return startConsent(store, request, consentOrigin());
      if (pathname === CONNECTED_PATH) return finishConsent(store, request);
      return startAuthSession(store, request);
    }
    const wizard = pathParts(WIZARD_PAGE_PATH, pathname);
    const create = pathParts(AUTH_CREATE_PATH, pathname);
    const edit = pathParts(AUTH_EDIT_PATH, pathname);
    if (!wizard && !create && !edit && pathname !== CONSENT_CALLBACK_PATH) return notFound(pathname);
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Use GET.', { status: 405, headers: { allow: 'GET, HEAD' } });
    const nonce = newNonce();
    if (pathname === CONSENT_CALLBACK_PATH) return htmlResponse(request, renderConsentCallbackPage(nonce), pageHeaders(nonce, 'none'));
    if (wizard) {
      const [embeddedId, solutionInstanceId] = wizard as [string, string];
      // Tray's wizard also works in an iframe; only the host origins may frame it.
      return htmlResponse(request, renderWizardPage({ embeddedId, solutionInstanceId, hostOrigins }, nonce), pageHeaders(nonce, hostOrigins));
    }
    const common = { hostOrigins, accountIdRequired: store.authDialogAccountId !== null };
    const config: AuthPageConfig = create
      ? { ...common, mode: 'create', embeddedId: create[0]!, solutionInstanceId: create[1]!, externalAuthId: create[2]! }
      : { ...common, mode: 'edit', embeddedId: edit![0]!, authId: edit![1]! };
    return htmlResponse(request, renderAuthPage(config, nonce), pageHeaders(nonce, hostOrigins));
  };
}
