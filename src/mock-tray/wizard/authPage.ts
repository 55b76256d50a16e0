import { CONNECT_SCRIPT } from './pageConnectScript.js';
import { renderPage } from './pageShell.js';
import { HOST_SCRIPT, inlineScript } from './pageScript.js';

/** What the auth-only dialog's page knows before its code checks out: which authentication it is for. */
export type AuthPageConfig = {
  embeddedId: string;
  hostOrigins: readonly string[];
  /** The store emulates Tray's enhanced session security: ask the host for the account first. */
  accountIdRequired: boolean;
} & ({ mode: 'create'; solutionInstanceId: string; externalAuthId: string } | { mode: 'edit'; authId: string });

/**
 * The flow of the auth-only dialog's page: (ask the host for the account,) redeem the code,
 * Connect (the consent round trip), then `tray.authpopup.finish` with `{ authType, authId }`;
 * Cancel posts `tray.authpopup.close`, a failure `tray.authPopup.error` (`data.error`), spelled
 * as Tray spells them. Uses pageScript.ts's host messaging and pageConnectScript.ts's `connect`.
 */
const AUTH_FLOW_SCRIPT = String.raw`
  var session = null;
  var done = false;

  function fail(message) {
    setStatus('');
    showAlert(message);
    el('panel').hidden = true;
    post('tray.authPopup.error', { data: { error: message } });
  }

  function show(id) {
    done = true;
    el('panel').hidden = true;
    el(id).hidden = false;
    el(id).querySelector('h2').focus();
  }

  // Enhanced session security: the dialog asks its host which account it is for.
  function askAccount() {
    if (!config.accountIdRequired) return Promise.resolve(undefined);
    setStatus('Waiting for the app to confirm your account…');
    return new Promise(function (resolve) {
      window.addEventListener('message', function answer(event) {
        if (!host || event.source !== host || targetOrigins.indexOf(event.origin) === -1) return;
        if (!event.data || event.data.type !== 'tray.authpopup.accountIdRequest') return;
        window.removeEventListener('message', answer);
        resolve(event.data.data);
      });
      post('tray.authpopup.accountIdRequest');
    });
  }

  el('connect').addEventListener('click', function () {
    if (done || !session) return;
    el('connect').disabled = true;
    setStatus('Waiting for the sign-in window…');
    var target = config.mode === 'edit' ? { authId: config.authId } : { externalAuthId: config.externalAuthId };
    connect(session.sessionId, target).then(function (connected) {
      setStatus('');
      show('finished');
      post('tray.authpopup.finish', { data: { authType: connected.authType, authId: connected.authId } });
    }, function (error) {
      el('connect').disabled = false;
      setStatus('');
      showAlert(error.message);
    });
  });

  el('cancel').addEventListener('click', function () {
    if (done) return;
    show('cancelled');
    post('tray.authpopup.close');
  });

  askAccount().then(function (accountId) {
    setStatus('Loading…');
    var ids = config.mode === 'edit' ? { authId: config.authId } : { solutionInstanceId: config.solutionInstanceId, externalAuthId: config.externalAuthId };
    return request('/auth-api/session', Object.assign({ embeddedId: config.embeddedId, code: code, accountId: accountId }, ids));
  }).then(function (result) {
    if (!result.ok) return fail((result.json.error && result.json.error.message) || 'This sign-in link could not be opened.');
    session = result.json;
    var title = session.authName ? 'Reconnect ' + session.authName : 'Connect ' + session.title;
    el('title').textContent = title;
    document.title = title + ' · Mock Tray';
    el('intro').textContent = 'Sign in to ' + session.service.name + ' in the window that opens, and allow access.';
    el('connect').textContent = (session.authName ? 'Reconnect ' : 'Connect ') + session.service.name;
    setStatus('');
    el('panel').hidden = false;
  }, function () {
    fail('The sign-in could not load: the request did not complete. Close this window and try again.');
  });
`;

/** The auth-only dialog's page (create or edit), served on the wizard's origin. */
export function renderAuthPage(config: AuthPageConfig, nonce: string): string {
  return renderPage({
    title: 'Connect an account · Mock Tray',
    nonce,
    config,
    script: inlineScript(HOST_SCRIPT, CONNECT_SCRIPT, AUTH_FLOW_SCRIPT),
    main: `  <header>
    <p class="eyebrow">Mock Tray sign-in</p>
    <h1 id="title">Loading…</h1>
  </header>
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <div id="alert" class="alert" role="alert"></div>
  <section id="panel" class="card" hidden>
    <p id="intro"></p>
    <div class="actions">
      <button type="button" id="cancel" class="cancel">Cancel</button>
      <button type="button" id="connect" class="primary">Connect</button>
    </div>
  </section>
  <section id="finished" class="card" hidden>
    <h2 tabindex="-1">Connected</h2>
    <p>The account is connected. You can close this window.</p>
  </section>
  <section id="cancelled" class="card" hidden>
    <h2 tabindex="-1">Not connected</h2>
    <p>Nothing changed. You can close this window.</p>
  </section>`,
  });
}

/**
 * The consent page sends the user back here (in the sign-in popup, on the wizard's origin): it
 * hands the grant, or the refusal, to the page that opened the popup, on this origin only.
 */
export function renderConsentCallbackPage(nonce: string): string {
  return renderPage({
    title: 'Signing in · Mock Tray',
    nonce,
    main: '  <p id="status" class="status" role="status">Returning to the setup…</p>',
    script: inlineScript(String.raw`
  var query = new URLSearchParams(window.location.search);
  var message = { type: 'mock-tray.consent', state: query.get('state') };
  if (query.get('code')) message.code = query.get('code');
  else message.error = query.get('error') || 'access_denied';
  if (window.opener) window.opener.postMessage(message, window.location.origin);
  else document.getElementById('status').textContent = 'Open this page from the setup window.';
`),
  });
}
