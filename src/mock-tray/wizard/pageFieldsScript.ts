/**
 * The fields half of the wizard page's inline script: state, steps, and rendering one step's
 * inputs (labelled, required marked, errors tied to inputs with aria-describedby). Uses `el`
 * from pageScript.ts; pageFormScript.ts drives it.
 */
export const WIZARD_FIELDS_SCRIPT = String.raw`
  var state = { session: null, steps: [], step: 0, values: {}, errors: {}, busy: false, finished: false };

  // One step per two or three slots, spread evenly (4 → 2+2, 5 → 3+2, 7 → 2+3+2).
  function splitIntoSteps(slots) {
    var count = Math.max(1, Math.ceil(slots.length / 3));
    var steps = [];
    for (var i = 0; i < count; i += 1) {
      steps.push(slots.slice(Math.round((i * slots.length) / count), Math.round(((i + 1) * slots.length) / count)));
    }
    return steps;
  }

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

  function render() {
    var slots = state.steps[state.step];
    var fields = el('fields');
    fields.textContent = '';
    slots.forEach(function (slot) { fields.appendChild(renderField(slot)); });
    if (slots.length === 0) fields.appendChild(node('p', '', 'This integration has nothing to configure. Select Finish.'));
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
    state.steps[state.step].forEach(function (slot) { state.values[slot.externalId] = readInput(slot); });
  }

  function localErrors(slots) {
    var errors = {};
    slots.forEach(function (slot) {
      var value = state.values[slot.externalId];
      if (slot.required && isEmpty(value)) errors[slot.externalId] = 'This field is required.';
      else if (slot.kind === 'number' && value !== null && !isFinite(value)) errors[slot.externalId] = 'Enter a number.';
    });
    return errors;
  }

`;
