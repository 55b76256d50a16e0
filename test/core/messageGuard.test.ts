import { describe, expect, it } from 'vitest';
import { describeWizardError, readWizardMessage } from '../../src/core/messageGuard';

const popup = {};
const expected = { origin: 'https://embedded.tray.io', source: popup };
const from = (data: unknown, origin = expected.origin, source: unknown = popup) => readWizardMessage({ data, origin, source }, expected);

describe('readWizardMessage', () => {
  it.each(['finish', 'cancel', 'ready'])('accepts tray.configPopup.%s from our popup on the wizard origin', (kind) => {
    expect(from({ type: `tray.configPopup.${kind}` })).toEqual({ type: `tray.configPopup.${kind}` });
  });

  it('reads data.err of an error', () => {
    expect(from({ type: 'tray.configPopup.error', err: 'Auth failed' })).toEqual({ type: 'tray.configPopup.error', err: 'Auth failed' });
  });

  it('reads the error text from data.data.err too, the shape other callers read', () => {
    expect(from({ type: 'tray.configPopup.error', data: { err: 'Auth failed' } })).toEqual({ type: 'tray.configPopup.error', err: 'Auth failed' });
  });

  it.each(['finish', 'cancel', 'error'])('passes data.solutionInstanceId of a %s on', (kind) => {
    expect(from({ type: `tray.configPopup.${kind}`, data: { solutionInstanceId: 'si-9' } })).toMatchObject({ solutionInstanceId: 'si-9' });
    expect(from({ type: `tray.configPopup.${kind}`, data: { solutionInstanceId: 9 } })).not.toHaveProperty('solutionInstanceId');
  });

  it('reads the older validate shape (visibleSlots / slotValues, before 2019-03)', () => {
    expect(from({ type: 'tray.configPopup.validate', data: { visibleSlots: ['a'], slotValues: { a: 1 } } })).toEqual({
      type: 'tray.configPopup.validate',
      request: { visibleValues: ['a'], configValues: { a: 1 } },
    });
  });

  it('reads a validate request', () => {
    expect(
      from({ type: 'tray.configPopup.validate', data: { visibleValues: ['a'], configValues: { a: 1 } } }),
    ).toEqual({ type: 'tray.configPopup.validate', request: { visibleValues: ['a'], configValues: { a: 1 } } });
  });

  it.each([
    ['another origin', 'https://evil.example'],
    ['a look-alike origin', 'https://embedded.tray.io.evil.example'],
    ['the same host over http', 'http://embedded.tray.io'],
    ['another port', 'https://embedded.tray.io:8443'],
    ['an empty origin', ''],
  ])('ignores %s', (_label, origin) => {
    expect(from({ type: 'tray.configPopup.finish' }, origin)).toBeNull();
  });

  it('ignores the right origin from another window', () => {
    expect(from({ type: 'tray.configPopup.finish' }, expected.origin, {})).toBeNull();
    expect(from({ type: 'tray.configPopup.finish' }, expected.origin, null)).toBeNull();
  });

  it.each([
    ['a string', 'tray.configPopup.finish'],
    ['null', null],
    ['an array', [{ type: 'tray.configPopup.finish' }]],
    ['a non-string type', { type: 42 }],
    ['an unknown type', { type: 'tray.configPopup.finished' }],
    ['another namespace', { type: 'tray.authpopup.finish' }],
    ['validate without data', { type: 'tray.configPopup.validate' }],
    ['validate with non-string ids', { type: 'tray.configPopup.validate', data: { visibleValues: [1] } }],
    ['validate with array configValues', { type: 'tray.configPopup.validate', data: { visibleValues: [], configValues: [] } }],
  ])('ignores a malformed payload: %s', (_label, data) => {
    expect(from(data)).toBeNull();
  });
});

describe('describeWizardError', () => {
  it.each([
    ['Token expired', 'Token expired'],
    [{ message: 'Bad auth' }, 'Bad auth'],
    [undefined, ''],
    [{ code: 1 }, ''],
  ])('%j → %j', (err, text) => expect(describeWizardError(err)).toBe(text));
});
