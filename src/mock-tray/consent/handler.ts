import type { MockTrayStore } from '../store.js';
import { htmlResponse, newNonce, pageHeaders, renderPage } from '../wizard/pageShell.js';
import { inlineScript } from '../wizard/pageScript.js';
import { failure, readJson } from '../wizard/wizardApi.js';

export const CONSENT_AUTHORIZE_PATH = '/oauth/authorize';
export const CONSENT_DECIDE_PATH = '/oauth/decide';

const DECIDE_SCRIPT = String.raw`
  var config = JSON.parse(document.getElementById('wizard-config').textContent);
  function decide(allow) {
    document.getElementById('allow').disabled = true;
    document.getElementById('deny').disabled = true;
    fetch('/oauth/decide', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: config.state, allow: allow }) })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.redirect) window.location.href = answer.redirect;
        else document.getElementById('alert').textContent = (answer.error && answer.error.message) || 'This sign-in could not be completed.';
      }, function () {
        document.getElementById('alert').textContent = 'The request did not complete. Close this window and connect again.';
      });
  }
  document.getElementById('allow').addEventListener('click', function () { decide(true); });
  document.getElementById('deny').addEventListener('click', function () { decide(false); });
`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The mock's stand-in for an OAuth provider, on its own (third) origin: the page that asks the
 * user to allow access, and the decision, which sends the browser back to the wizard origin's
 * callback page with a grant (or `error=access_denied`). Never framed, as providers are not.
 */
export function createMockTrayConsent({ store }: { store: MockTrayStore }): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname === CONSENT_DECIDE_PATH) {
      if (request.method !== 'POST') return new Response('Use POST.', { status: 405, headers: { allow: 'POST' } });
      const { state, allow } = (await readJson(request)) ?? {};
      if (typeof state !== 'string' || typeof allow !== 'boolean') return failure(400, 'bad_request', 'Send JSON { state, allow: true | false }.');
      const consent = allow ? store.consents.approve(state) : store.consents.deny(state);
      if (!consent) return failure(400, 'invalid_state', 'This sign-in request has expired or was already answered. Close this window and connect again.');
      const back = new URL(consent.redirectUri);
      back.searchParams.set('state', state);
      if (consent.code) back.searchParams.set('code', consent.code);
      else back.searchParams.set('error', 'access_denied');
      return Response.json({ redirect: back.href });
    }
    if (url.pathname !== CONSENT_AUTHORIZE_PATH) return new Response(`Not found: ${url.pathname}`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Use GET.', { status: 405, headers: { allow: 'GET, HEAD' } });
    const state = url.searchParams.get('state') ?? '';
    const consent = store.consents.pending(state);
    const nonce = newNonce();
    if (!consent) {
      const main = '  <h1>Sign-in link expired</h1>\n  <p class="alert" role="alert">This sign-in request has expired or was already answered. Close this window and connect again.</p>';
      return htmlResponse(request, renderPage({ title: 'Sign-in expired · Mock provider', nonce, main, script: '' }), pageHeaders(nonce, 'none'), 400);
    }
    store.record({ type: 'consentShown', service: consent.service.id, userId: consent.userId });
    const service = escapeHtml(consent.service.name);
    const main = `  <header>
    <p class="eyebrow">Mock ${service} (a stand-in OAuth provider)</p>
    <h1>Allow Mock Tray to use your ${service} account?</h1>
    <p class="note">Signed in as ${escapeHtml(consent.accountName)}.</p>
  </header>
  <div id="alert" class="alert" role="alert"></div>
  <div class="card">
    <p>Mock Tray will be able to read and write data in ${service} on your behalf.</p>
    <div class="actions">
      <button type="button" id="deny" class="cancel">Deny</button>
      <button type="button" id="allow" class="primary">Allow</button>
    </div>
  </div>`;
    const html = renderPage({ title: `Allow access · Mock ${service}`, nonce, main, config: { state }, script: inlineScript(DECIDE_SCRIPT) });
    return htmlResponse(request, html, pageHeaders(nonce, 'none'));
  };
}
