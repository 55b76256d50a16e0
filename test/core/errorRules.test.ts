import { describe, expect, it, vi } from 'vitest';
import { confirmEnabled, errorFrom, missingSettings } from '../../src/core/errorRules';
import { createWizardUrlFetcher } from '../../src/core/fetchWizardUrl';

const refusal = (errors: object[], isEnable = true) => errorFrom(200, { errors }, isEnable);

describe('errorFrom: one rule for every transport', () => {
  it.each([
    ['missing values named in the message', refusal([{ message: 'Required config values are missing: Channel' }]), 'missing_values'],
    ['missing values named only in extensions', refusal([{ message: 'Cannot enable', extensions: { code: 'MISSING_VALUES' } }]), 'missing_values'],
    ['another refusal of an enable', refusal([{ message: 'Solution version is deprecated' }]), 'graphql'],
    ['"required" in a refused disable', refusal([{ message: 'required field' }], false), 'graphql'],
    ['Tray’s UNAUTHENTICATED', refusal([{ message: 'nope', extensions: { code: 'UNAUTHENTICATED' } }]), 'unauthenticated'],
    ['Tray’s rate limit in a 200', refusal([{ message: 'Rate limit exceeded', extensions: { code: 'access_not_allowed' } }]), 'rate_limited'],
    ['Tray’s NOT_FOUND', refusal([{ message: 'No solution instance', extensions: { code: 'NOT_FOUND' } }], false), 'not_found'],
    ['401 from our handler', errorFrom(401, { error: { code: 'unauthenticated', message: 'Sign in' } }, false), 'unauthenticated'],
    ['403 from our handler', errorFrom(403, { error: { code: 'forbidden', message: 'Admins only' } }, false), 'forbidden'],
    ['404 from our handler', errorFrom(404, { error: { code: 'not_found', message: 'No such instance' } }, false), 'not_found'],
    ['429 with Tray’s body', errorFrom(429, { errors: [{ message: 'Rate limit exceeded' }] }, true), 'rate_limited'],
    ['502 Tray unreachable', errorFrom(502, { error: { code: 'upstream_unreachable' } }, true), 'network'],
    ['504 upstream timeout', errorFrom(504, { error: { code: 'upstream_timeout' } }, true), 'network'],
    ['no answer at all', errorFrom(0, null, true, new TypeError('Failed to fetch')), 'network'],
  ] as const)('%s → %s', (_label, error, code) => {
    expect(error.code).toBe(code);
  });

  it('keeps the server’s words as the message and the status as status', () => {
    const error = errorFrom(403, { error: { code: 'forbidden_operation', message: 'Not allowed' } }, false);
    expect(error).toMatchObject({ message: 'Not allowed', status: 403, details: { code: 'forbidden_operation', message: 'Not allowed' } });
    expect(errorFrom(0, null, false).status).toBeUndefined();
  });

  it('confirmEnabled: a change counts only when the answer shows it', () => {
    expect(confirmEnabled({ enabled: true }, true)).toEqual({ enabled: true });
    expect(() => confirmEnabled({ enabled: false }, true)).toThrow(expect.objectContaining({ code: 'missing_values' }));
    expect(() => confirmEnabled(null, false)).toThrow(expect.objectContaining({ code: 'graphql' }));
  });

  it('missingSettings reads the slots a refusal names, and nothing when it names none', () => {
    const named = refusal([{ message: 'missing', extensions: { code: 'MISSING_VALUES', missingConfigSlots: [{ externalId: 'slack_channel', title: 'Slack channel' }, { externalId: 'x' }] } }]);
    expect(missingSettings(named)).toEqual(['Slack channel', 'x']);
    expect(missingSettings(refusal([{ message: 'required config values are missing' }]))).toEqual([]);
    expect(missingSettings(errorFrom(502, {}, true))).toEqual([]);
  });
});

describe('createWizardUrlFetcher', () => {
  it('asks for customValidation only when the open needs it, and maps refusals with the one rule', async () => {
    const fetch = vi.fn(async () => Response.json({ url: 'https://embedded.tray.io/x' }));
    const getUrl = createWizardUrlFetcher({ fetch });
    await getUrl('si-1');
    await getUrl('si-1', { customValidation: true });
    expect(fetch.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].body)).toEqual([
      JSON.stringify({ solutionInstanceId: 'si-1' }),
      JSON.stringify({ solutionInstanceId: 'si-1', customValidation: true }),
    ]);
    fetch.mockResolvedValueOnce(Response.json({ error: { code: 'invalid_request', message: 'bad' } }, { status: 400 }));
    await expect(getUrl('si-1')).rejects.toMatchObject({ code: 'invalid_wizard_url', message: 'bad', status: 400 });
    fetch.mockResolvedValueOnce(Response.json({ error: { code: 'not_found', message: 'gone' } }, { status: 404 }));
    await expect(getUrl('si-1')).rejects.toMatchObject({ code: 'not_found' });
  });
});
