/**
 * The fields half of the wizard page's inline script: state, steps (one per auth slot, then the
 * config slots), and rendering one step (labelled inputs, required marked, errors tied to them
 * with aria-describedby; or an auth slot's account and its Connect button). Uses `el` from
 * pageScript.ts; pageFormScript.ts drives it.
 */
export const WIZARD_FIELDS_SCRIPT = String.raw`
  // steps: { auth: authSlot } or { slots: [configSlot] }; auths: externalId → { authId, authName }.
  var state = { session: null, steps: [], step: 0, values: {}, auths: {}, errors: {}, busy: false, finished: false };

  // One step per auth slot, then one per two or three config slots, spread evenly (4 → 2+2,
  // 5 → 3+2, 7 → 2+3+2); a solution with auth slots only has no empty config step.
  function splitIntoSteps(slots, authSlots) {
    var steps = authSlots.map(function (slot) { return { auth: slot }; });
    var count = slots.length === 0 && steps.length > 0 ? 0 : Math.max(1, Math.ceil(slots.length / 3));
    for (var i = 0; i < count; i += 1) {
      steps.push({ slots: slots.slice(Math.round((i * slots.length) / count), Math.round(((i + 1) * slots.length) / count)) });
    }
    return steps;
  }

  function stepSlots(step) { return step.slots || []; }

  function fieldId(slot) { return 'slot-' + slot.externalId.replace(/[^A-Za-z0-9_-]/g, '_'); }
  function hasKeys(object) { return Object.keys(object).length > 0; }
  function isEmpty(value) { return value === null || value === undefined || (typeof value === 'string' && value.trim() === ''); }
  function node(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function renderField(slot) {
    var id = fieldId(slot);
    var value = state.values[slot.externalId];
    var wrapper = node('div', slot.kind === 'boolean' ? 'field field-checkbox' : 'field');
    var label = node('label', '', slot.title);
    label.htmlFor = id;
    if (slot.required) {
      var mark = node('span', 'required-mark', ' *');
      mark.setAttribute('aria-hidden', 'true');
      label.appendChild(mark);
    }
    var input;
    if (slot.kind === 'boolean') {
      input = node('input');
      input.type = 'checkbox';
      input.checked = value === true;
    } else if (slot.kind === 'select') {
      input = node('select');
      input.appendChild(new Option('Choose…', ''));
      (slot.options || []).forEach(function (option) { input.appendChild(new Option(option, option)); });
      input.value = typeof value === 'string' ? value : '';
    } else {
      input = node('input');
      input.type = slot.kind === 'number' ? 'number' : 'text';
      input.value = value === null || value === undefined ? '' : String(value);
    }
    input.id = id;
    input.name = slot.externalId;
    if (slot.required) input.setAttribute('aria-required', 'true');
    var describedBy = [];
    var hint = slot.description ? node('p', 'hint', slot.description) : null;
    if (hint) { hint.id = id + '-hint'; describedBy.push(hint.id); }
    var error = node('p', 'field-error', state.errors[slot.externalId] || '');
    error.id = id + '-error';
    describedBy.push(error.id);
    if (state.errors[slot.externalId]) input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', describedBy.join(' '));
    if (slot.kind === 'boolean') { wrapper.appendChild(input); wrapper.appendChild(label); } else { wrapper.appendChild(label); wrapper.appendChild(input); }
    if (hint) wrapper.appendChild(hint);
    wrapper.appendChild(error);
    return wrapper;
  }

  // An auth step: the account it will use, and the button that connects one (pageFormScript.ts).
  function renderAuth(slot) {
    var id = fieldId(slot);
    var auth = state.auths[slot.externalId];
    var wrapper = node('div', 'field');
    wrapper.appendChild(node('p', 'auth-title', slot.title));
    var current = node('p', 'hint', auth ? 'Connected: ' + auth.authName : 'Not connected yet.');
    current.id = id + '-account';
    wrapper.appendChild(current);
    var button = node('button', auth ? '' : 'primary', auth ? 'Connect another ' + slot.service.name + ' account' : 'Connect ' + slot.service.name);
    button.type = 'button';
    button.id = id;
    var error = node('p', 'field-error', state.errors[slot.externalId] || '');
    error.id = id + '-error';
    button.setAttribute('aria-describedby', current.id + ' ' + error.id);
    button.addEventListener('click', function () { onConnect(slot); });
    wrapper.appendChild(button);
    wrapper.appendChild(error);
    return wrapper;
  }

  function render() {
    var step = state.steps[state.step];
    var slots = stepSlots(step);
    var fields = el('fields');
    fields.textContent = '';
    if (step.auth) fields.appendChild(renderAuth(step.auth));
    slots.forEach(function (slot) { fields.appendChild(renderField(slot)); });
    if (!step.auth && slots.length === 0) fields.appendChild(node('p', '', 'This integration has nothing to configure. Select Finish.'));
    el('step-label').textContent = 'Step ' + (state.step + 1) + ' of ' + state.steps.length;
    el('back').hidden = state.step === 0;
    el('next').textContent = state.step === state.steps.length - 1 ? 'Finish' : 'Next';
    el('form').hidden = false;
  }

  function readInput(slot) {
    var input = el(fieldId(slot));
    if (!input) return state.values[slot.externalId];
    if (slot.kind === 'boolean') return input.checked;
    if (slot.kind === 'number') return input.value.trim() === '' ? null : Number(input.value);
    return input.value === '' ? null : input.value;
  }

  function collectStep() {
    stepSlots(state.steps[state.step]).forEach(function (slot) { state.values[slot.externalId] = readInput(slot); });
  }

  function localErrors(step) {
    var errors = {};
    if (step.auth && !state.auths[step.auth.externalId]) errors[step.auth.externalId] = 'Connect your ' + step.auth.title + ' first.';
    stepSlots(step).forEach(function (slot) {
      var value = state.values[slot.externalId];
      if (slot.required && isEmpty(value)) errors[slot.externalId] = 'This field is required.';
      else if (slot.kind === 'number' && value !== null && !isFinite(value)) errors[slot.externalId] = 'Enter a number.';
    });
    return errors;
  }

`;
