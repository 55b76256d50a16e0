/**
 * The flow of the wizard page's inline script: load the session, Next/Back/Finish/Cancel, an
 * auth step's Connect, save, and the messages to the host. Uses the helpers of pageScript.ts
 * (`post`, `request`, `validateWithHost`, `fail`, `el`, `setStatus`, `showAlert`), of
 * pageConnectScript.ts (`connect`) and of pageFieldsScript.ts.
 */
export const WIZARD_FORM_SCRIPT = String.raw`
  // Shows errors next to their fields (moving to the first step that has one) and in the alert.
  function showErrors(errors) {
    var slots = state.session.authSlots.concat(state.session.slots);
    var first = slots.filter(function (slot) { return errors[slot.externalId]; })[0];
    if (first) state.step = state.steps.findIndex(function (step) { return step.auth === first || stepSlots(step).indexOf(first) !== -1; });
    state.errors = errors;
    render();
    var titles = slots.filter(function (slot) { return errors[slot.externalId]; }).map(function (slot) { return slot.title; });
    var others = Object.keys(errors).filter(function (key) { return !slots.some(function (slot) { return slot.externalId === key; }); });
    showAlert('Please fix: ' + titles.concat(others.map(function (key) { return key + ' (' + errors[key] + ')'; })).join(', ') + '.');
    if (first) el(fieldId(first)).focus();
  }

  function setBusy(busy) {
    state.busy = busy;
    el('next').disabled = busy;
    el('back').disabled = busy;
  }

  function showPanel(id) {
    el('form').hidden = true;
    el(id).hidden = false;
    el(id).querySelector('h2').focus();
  }

  function finish() {
    setStatus('Saving…');
    var authValues = {};
    Object.keys(state.auths).forEach(function (key) { authValues[key] = state.auths[key].authId; });
    return request('/wizard-api/save', { sessionId: state.session.sessionId, values: state.values, authValues: authValues }).then(function (result) {
      setBusy(false);
      setStatus('');
      if (result.ok) {
        state.finished = true;
        showAlert('');
        showPanel('finished');
        // Only now, with the values saved: the host enables the instance when it hears finish.
        // The page stays open; closing the popup is the host's job.
        post('tray.configPopup.finish', { data: { solutionInstanceId: config.solutionInstanceId } });
        return;
      }
      var error = result.json.error || {};
      if (error.fieldErrors && hasKeys(error.fieldErrors)) showErrors(error.fieldErrors);
      else fail(error.message || 'Saving failed. Close this window and start the setup again.');
    }, function () {
      setBusy(false);
      setStatus('');
      showAlert('Saving failed: the request did not complete. Check your connection and select Finish again.');
    });
  }

  function onSubmit(event) {
    event.preventDefault();
    if (state.busy || state.finished || !state.session) return;
    collectStep();
    var step = state.steps[state.step];
    var errors = localErrors(step);
    if (hasKeys(errors)) return showErrors(errors);
    setBusy(true);
    // The host validates config values; an auth step has none.
    var checked = step.auth ? Promise.resolve({}) : validateWithHost(stepSlots(step).map(function (slot) { return slot.externalId; }), state.values);
    checked.then(function (hostErrors) {
      if (hasKeys(hostErrors)) { setBusy(false); return showErrors(hostErrors); }
      if (state.step === state.steps.length - 1) return finish();
      setBusy(false);
      state.errors = {};
      state.step += 1;
      showAlert('');
      render();
      el('step-label').focus();
    });
  }

  function onBack() {
    if (state.busy || state.step === 0) return;
    collectStep();
    state.errors = {};
    state.step -= 1;
    showAlert('');
    render();
    el('step-label').focus();
  }

  function onConnect(slot) {
    if (state.busy || state.finished) return;
    setBusy(true);
    setStatus('Waiting for the sign-in window…');
    connect(state.session.sessionId, { externalAuthId: slot.externalId }).then(function (connected) {
      state.auths[slot.externalId] = { authId: connected.authId, authName: connected.name };
      delete state.errors[slot.externalId];
      setStatus('Connected ' + connected.name + '.');
      showAlert('');
    }, function (error) {
      setStatus('');
      showAlert(error.message);
    }).then(function () {
      setBusy(false);
      render();
      el(fieldId(slot)).focus();
    });
  }

  function onCancel() {
    state.finished = true;
    showPanel('cancelled');
    post('tray.configPopup.cancel', { data: { solutionInstanceId: config.solutionInstanceId } });
  }

  function onSimulateError(event) {
    event.preventDefault();
    var message = 'Simulated wizard error (from the mock Tray wizard).';
    showAlert(message);
    post('tray.configPopup.error', { err: message, data: { solutionInstanceId: config.solutionInstanceId } });
  }

  el('form').addEventListener('submit', onSubmit);
  el('back').addEventListener('click', onBack);
  el('cancel').addEventListener('click', onCancel);
  el('simulate-error').addEventListener('click', onSimulateError);
  window.addEventListener('message', onHostMessage);
  if (!host) el('no-host').hidden = false;

  setStatus('Loading…');
  request('/wizard-api/session', { embeddedId: config.embeddedId, solutionInstanceId: config.solutionInstanceId, code: code }).then(function (result) {
    if (!result.ok) return fail((result.json.error && result.json.error.message) || 'This setup link could not be opened.');
    state.session = result.json;
    state.session.slots.forEach(function (slot) { state.values[slot.externalId] = slot.value; });
    state.session.authSlots.forEach(function (slot) {
      if (slot.authId) state.auths[slot.externalId] = { authId: slot.authId, authName: slot.authName };
    });
    state.steps = splitIntoSteps(state.session.slots, state.session.authSlots);
    el('title').textContent = state.session.solution.title;
    el('instance-name').textContent = 'Setting up “' + state.session.instance.name + '”';
    document.title = 'Configure ' + state.session.solution.title + ' · Mock Tray';
    setStatus('');
    render();
    post('tray.configPopup.ready');
  }, function () {
    fail('The setup could not load: the request did not complete. Close this window and try again.');
  });
`;
