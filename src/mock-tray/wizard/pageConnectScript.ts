/**
 * The consent round trip of the wizard's auth steps and of the auth-only dialog, as OAuth does
 * it: a popup on the provider's origin (the mock's consent origin, a third origin), which sends
 * the user back to this origin's callback page, which hands the grant to this page by a
 * message; this page then redeems it with its own session. Uses `request` from pageScript.ts.
 * `connect(sessionId, target)` (`target`: `{ externalAuthId }` for a slot, `{ authId }` to
 * reconnect one) resolves to `{ authId, name, authType }`.
 */
export const CONNECT_SCRIPT = String.raw`
  var consentPending = null;

  window.addEventListener('message', function (event) {
    // Only our own callback page, in the very popup we opened, for the consent we started.
    if (!consentPending || event.origin !== window.location.origin || event.source !== consentPending.popup) return;
    var data = event.data;
    if (!data || data.type !== 'mock-tray.consent' || data.state !== consentPending.state) return;
    var pending = consentPending;
    consentPending = null;
    clearInterval(pending.watch);
    // Closed here, once its message is in: a window that closed itself first would look abandoned.
    pending.popup.close();
    if (typeof data.code === 'string') pending.resolve(data.code);
    else pending.reject(new Error('Access was not allowed, so nothing was connected.'));
  });

  function connect(sessionId, target) {
    // Opened in the click, blank, as popup blockers require; sent to the consent page once known.
    var popup = window.open('', 'mock-tray-consent', 'popup,width=480,height=640');
    if (!popup) return Promise.reject(new Error('The sign-in window was blocked. Allow pop-ups for this page, then try again.'));
    return request('/wizard-api/connect', Object.assign({ sessionId: sessionId }, target)).then(function (started) {
      if (!started.ok) {
        popup.close();
        throw new Error((started.json.error && started.json.error.message) || 'The sign-in could not start.');
      }
      popup.location.href = started.json.authorizeUrl;
      return new Promise(function (resolve, reject) {
        consentPending = { popup: popup, state: started.json.state, resolve: resolve, reject: reject };
        consentPending.watch = setInterval(function () {
          if (!popup.closed || !consentPending || consentPending.popup !== popup) return;
          clearInterval(consentPending.watch);
          consentPending = null;
          reject(new Error('The sign-in window was closed before access was allowed.'));
        }, 300);
      }).then(function (grant) {
        return request('/wizard-api/connected', { sessionId: sessionId, state: started.json.state, code: grant });
      });
    }).then(function (connected) {
      if (!connected.ok) throw new Error((connected.json.error && connected.json.error.message) || 'The account could not be connected.');
      return connected.json;
    });
  }
`;
