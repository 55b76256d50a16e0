/**
 * The wizard page's behaviour, as plain ES2017 inlined into the page (no build step). It reads
 * `#wizard-config` ({ embeddedId, solutionInstanceId, hostOrigins }) and the URL's `code` and
 * `customValidation`, exchanges the code for a session, runs the steps (one per auth slot, with
 * its consent round trip, then the config slots), saves, and talks to the host with the real
 * `tray.configPopup.*` messages. Kept in parts (host messaging, validation, fields, consent,
 * flow) only to keep each file readable; they share one closure in the page. The auth-only
 * dialog's pages (authPage.ts) reuse the host messaging and the consent parts.
 */
import { CONNECT_SCRIPT } from './pageConnectScript.js';
import { WIZARD_FIELDS_SCRIPT } from './pageFieldsScript.js';
import { WIZARD_FORM_SCRIPT } from './pageFormScript.js';

/** Talking to the host page: who it is, posting to its exact origin, and the page's own helpers. */
export const HOST_SCRIPT = String.raw`
  var config = JSON.parse(document.getElementById('wizard-config').textContent);
  var query = new URLSearchParams(window.location.search);
  var code = query.get('code') || '';
  // A popup talks to its opener; the same page in an iframe talks to its parent.
  var host = window.opener || (window.parent !== window ? window.parent : null);

  function originOf(url) {
    if (!url) return null;
    try { return new URL(url).origin; } catch (error) { return null; }
  }

  // Every post names the host page's exact origin, never '*': the referrer's origin when it is
  // one of the allowed host origins, else each allowed origin in turn (the browser drops a post
  // whose targetOrigin is not the opener's, so only the right one is delivered).
  var referrerOrigin = originOf(document.referrer);
  var targetOrigins = config.hostOrigins.indexOf(referrerOrigin) !== -1 ? [referrerOrigin] : config.hostOrigins.slice();
  window.mockTrayWizard = { targetOrigins: targetOrigins.slice(), hostOrigins: config.hostOrigins.slice() };

  // Messages as Tray's wizard sends them: the type, then its fields at the top level (an error's
  // text is message.err, as Tray's sample reads it); finish, cancel and error also carry
  // data.solutionInstanceId, validate its request in data.
  function post(type, fields) {
    if (!host) return;
    var message = Object.assign({ type: type }, fields || {});
    targetOrigins.forEach(function (origin) {
      try { host.postMessage(message, origin); } catch (error) { /* the host window is gone */ }
    });
  }

  function request(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { ok: response.ok, json: json || {} };
        });
      });
  }

  function el(id) { return document.getElementById(id); }
  function setStatus(text) { el('status').textContent = text || ''; }
  function showAlert(text) { el('alert').textContent = text || ''; }
`;

/** The config wizard's custom validation handshake with the host, and its unrecoverable failure. */
export const VALIDATION_SCRIPT = String.raw`
  var customValidation = query.get('customValidation') === 'true';

  // The one answer in flight to tray.configPopup.validate, if any.
  var pendingValidation = null;

  function onHostMessage(event) {
    if (!host || event.source !== host || targetOrigins.indexOf(event.origin) === -1) return;
    var message = event.data;
    if (!message || message.type !== 'tray.configPopup.client.validation' || !message.data || !pendingValidation) return;
    if (message.data.inProgress === true) {
      pendingValidation.acknowledge();
    } else if (message.data.inProgress === false) {
      var pending = pendingValidation;
      pendingValidation = null;
      pending.resolve(onlyStrings(message.data.errors));
    }
  }

  function onlyStrings(errors) {
    var result = {};
    if (errors && typeof errors === 'object') {
      Object.keys(errors).forEach(function (key) {
        if (typeof errors[key] === 'string' && errors[key]) result[key] = errors[key];
      });
    }
    return result;
  }

  // With customValidation=true the host checks every step before the wizard moves on.
  function validateWithHost(visibleIds, values) {
    if (!customValidation) return Promise.resolve({});
    return new Promise(function (resolve) {
      setStatus('Checking your values…');
      var timer = setTimeout(function () {
        setStatus('Still waiting for the app to check these values. With customValidation=true the app must answer tray.configPopup.validate.');
      }, 10000);
      pendingValidation = {
        acknowledge: function () { clearTimeout(timer); setStatus('The app is checking your values…'); },
        resolve: function (errors) { clearTimeout(timer); setStatus(''); resolve(errors); }
      };
      var configValues = {};
      Object.keys(values).forEach(function (key) { configValues[key] = values[key]; });
      post('tray.configPopup.validate', { data: { visibleValues: visibleIds.slice(), configValues: configValues } });
    });
  }

  // Unrecoverable: say so on the page and tell the host.
  function fail(message) {
    setStatus('');
    showAlert(message);
    el('form').hidden = true;
    post('tray.configPopup.error', { err: message, data: { solutionInstanceId: config.solutionInstanceId } });
  }
`;

export const WIZARD_MESSAGING_SCRIPT = HOST_SCRIPT + VALIDATION_SCRIPT;

/** Parts joined into one inline script, in one strict closure. */
export const inlineScript = (...parts: string[]) => `(function () {\n  'use strict';${parts.join('')}})();\n`;

/** The whole inline script: messaging, fields, consent, then the flow that uses them. */
export const WIZARD_SCRIPT = inlineScript(WIZARD_MESSAGING_SCRIPT, WIZARD_FIELDS_SCRIPT, CONNECT_SCRIPT, WIZARD_FORM_SCRIPT);
