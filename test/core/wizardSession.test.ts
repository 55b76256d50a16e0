import { describe, expect, it, vi } from 'vitest';
import { WizardSession, type WizardSessionOptions } from '../../src/core/wizardSession';
import { WIZARD_ORIGIN, WIZARD_URL, createFakePopup, fakePopupEachTest, postFromWizard, stubWindowOpen } from '../support/fakePopup';

const fake = fakePopupEachTest();

function createSession(overrides: Partial<WizardSessionOptions> = {}) {
  const callbacks = { onFinish: vi.fn(), onCancel: vi.fn(), onError: vi.fn(), onReady: vi.fn() };
  const session = new WizardSession({ getWizardUrl: () => Promise.resolve(WIZARD_URL), ...callbacks, ...overrides });
  return { session, ...callbacks };
}

async function openWizard(session: WizardSession) {
  session.open();
  await vi.waitFor(() => expect(session.getSnapshot().status).toBe('open'));
}

describe('WizardSession', () => {
  it('opens the popup synchronously, then sends it to the wizard URL', async () => {
    const { session } = createSession();
    session.open();
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(vi.mocked(window.open).mock.calls[0]?.[0]).toBe('');
    expect(vi.mocked(window.open).mock.calls[0]?.[2]).toMatch(/width=520,height=720,left=\d+,top=\d+/);
    expect(session.getSnapshot().status).toBe('opening');
    await vi.waitFor(() => expect(fake.popup.location.href).toBe(WIZARD_URL));
    expect(session.getSnapshot().status).toBe('open');
  });

  it('finishes once, closes the popup and removes its listener and timer', async () => {
    const { session, onFinish } = createSession();
    await openWizard(session);
    expect(fake.listeners.count).toBe(1);
    expect(vi.getTimerCount()).toBe(2); // the closed poll and the not-responding timer
    for (let i = 0; i < 5; i += 1) postFromWizard({ type: 'tray.configPopup.finish' }, { source: fake.popup });
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(fake.popup.close).toHaveBeenCalled();
    expect(session.getSnapshot().status).toBe('finished');
    expect(fake.listeners.count).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores messages before the URL is known, from other origins and from other windows', async () => {
    const { session, onFinish } = createSession();
    session.open();
    postFromWizard({ type: 'tray.configPopup.finish' }, { source: fake.popup });
    await vi.waitFor(() => expect(session.getSnapshot().status).toBe('open'));
    postFromWizard({ type: 'tray.configPopup.finish' }, { source: fake.popup, origin: 'https://embedded.tray.io.evil.example' });
    postFromWizard({ type: 'tray.configPopup.finish' }, { source: window });
    postFromWizard({ type: 'tray.configPopup.finish', extra: 1 }, { source: createFakePopup() });
    expect(onFinish).not.toHaveBeenCalled();
    expect(session.getSnapshot().status).toBe('open');
  });

  it('cancel ends in cancelled and calls onCancel("cancel")', async () => {
    const { session, onCancel, onFinish } = createSession();
    await openWizard(session);
    postFromWizard({ type: 'tray.configPopup.cancel' }, { source: fake.popup });
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled', error: null });
    expect(onCancel).toHaveBeenCalledWith('cancel', {});
    postFromWizard({ type: 'tray.configPopup.finish' }, { source: fake.popup });
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('a wizard error carries data.err in a wizard_error', async () => {
    const { session, onError } = createSession();
    await openWizard(session);
    postFromWizard({ type: 'tray.configPopup.error', err: 'Slack auth failed' }, { source: fake.popup });
    const { status, error } = session.getSnapshot();
    expect(status).toBe('error');
    expect(error).toMatchObject({ code: 'wizard_error', details: 'Slack auth failed' });
    expect(onError).toHaveBeenCalledWith(error, {});
    expect(fake.popup.close).toHaveBeenCalled();
  });

  it('a popup closed before finish ends in cancelled with wizard_closed', async () => {
    const { session, onCancel } = createSession();
    await openWizard(session);
    fake.popup.closed = true;
    vi.advanceTimersByTime(500);
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled', error: { code: 'wizard_closed' } });
    expect(onCancel).toHaveBeenCalledWith('closed', {});
    expect(vi.getTimerCount()).toBe(0);
    expect(fake.listeners.count).toBe(0);
  });

  it('a blocked popup ends in popup_blocked without asking for a URL', () => {
    stubWindowOpen(null);
    const getWizardUrl = vi.fn(() => Promise.resolve(WIZARD_URL));
    const { session, onError } = createSession({ getWizardUrl });
    session.open();
    expect(session.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'popup_blocked' } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(getWizardUrl).not.toHaveBeenCalled();
    expect(fake.listeners.count).toBe(0);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('boom'))],
    ['returns a non-URL', () => Promise.resolve('not a url')],
    ['returns http to a remote host', () => Promise.resolve('http://embedded.tray.io/x?code=1')],
    ['returns a javascript: URL', () => 'javascript:alert(1)'],
  ])('getWizardUrl that %s → invalid_wizard_url, popup closed', async (_label, getWizardUrl) => {
    const { session, onError, onFinish } = createSession({ getWizardUrl });
    session.open();
    await vi.waitFor(() => expect(session.getSnapshot().status).toBe('error'));
    expect(session.getSnapshot().error?.code).toBe('invalid_wizard_url');
    expect(fake.popup.close).toHaveBeenCalled();
    expect(fake.popup.location.href).toBe('');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onFinish).not.toHaveBeenCalled();
    expect(fake.listeners.count).toBe(0);
  });

  it('ready sets isReady; close() returns to idle silently', async () => {
    const { session, onReady, onCancel } = createSession();
    await openWizard(session);
    postFromWizard({ type: 'tray.configPopup.ready' }, { source: fake.popup });
    expect(session.getSnapshot().isReady).toBe(true);
    expect(onReady).toHaveBeenCalledTimes(1);
    session.close();
    expect(session.getSnapshot().status).toBe('idle');
    expect(onCancel).not.toHaveBeenCalled();
    expect(fake.popup.close).toHaveBeenCalled();
    expect(fake.listeners.count).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a second open while the wizard is up focuses it instead of opening another', async () => {
    const { session } = createSession();
    await openWizard(session);
    session.open();
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(fake.popup.focus).toHaveBeenCalled();
  });

  it('close() during getWizardUrl discards the late URL', async () => {
    let resolve!: (url: string) => void;
    const { session } = createSession({ getWizardUrl: () => new Promise((r) => (resolve = r)) });
    session.open();
    session.close();
    resolve(WIZARD_URL);
    await Promise.resolve();
    await Promise.resolve();
    expect(fake.popup.location.href).toBe('');
    expect(session.getSnapshot().status).toBe('idle');
  });

  it('answers validate to the wizard origin only, in progress then errors', async () => {
    const validate = vi.fn(async () => ({ channel: 'Pick a channel' }));
    const { session } = createSession({ validate });
    await openWizard(session);
    postFromWizard(
      { type: 'tray.configPopup.validate', data: { visibleValues: ['channel'], configValues: { channel: '' } } },
      { source: fake.popup },
    );
    await vi.waitFor(() => expect(fake.popup.postMessage).toHaveBeenCalledTimes(2));
    expect(validate).toHaveBeenCalledWith({ visibleValues: ['channel'], configValues: { channel: '' } });
    expect(fake.popup.postMessage.mock.calls).toEqual([
      [{ type: 'tray.configPopup.client.validation', data: { inProgress: true } }, WIZARD_ORIGIN],
      [{ type: 'tray.configPopup.client.validation', data: { inProgress: false, errors: { channel: 'Pick a channel' } } }, WIZARD_ORIGIN],
    ]);
  });

  it('a throwing validator blocks every visible value instead of letting them through', async () => {
    const { session } = createSession({ validate: () => { throw new Error('down'); } });
    await openWizard(session);
    postFromWizard({ type: 'tray.configPopup.validate', data: { visibleValues: ['a', 'b'] } }, { source: fake.popup });
    await vi.waitFor(() => expect(fake.popup.postMessage).toHaveBeenCalledTimes(2));
    const last = fake.popup.postMessage.mock.calls[1]?.[0] as { data: { errors: Record<string, string> } };
    expect(Object.keys(last.data.errors)).toEqual(['a', 'b']);
  });

  it('notifies subscribers and stops after unsubscribe', async () => {
    const { session } = createSession();
    const listener = vi.fn();
    const unsubscribe = session.subscribe(listener);
    session.open();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    session.close();
    expect(session.getSnapshot().status).toBe('idle');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('asks for customValidation exactly when a validator is given, per open', async () => {
    const getWizardUrl = vi.fn(async () => WIZARD_URL);
    const { session } = createSession({ getWizardUrl });
    await openWizard(session);
    expect(getWizardUrl).toHaveBeenLastCalledWith({ customValidation: false });
    session.close();
    fake.renew();
    session.setOptions({ getWizardUrl, validate: () => ({}) });
    await openWizard(session);
    expect(getWizardUrl).toHaveBeenLastCalledWith({ customValidation: true });
  });

  it('answers a validate that arrives with no validator at once, with no errors: the wizard never waits', async () => {
    const { session } = createSession();
    await openWizard(session);
    postFromWizard({ type: 'tray.configPopup.validate', data: { visibleValues: ['a'], configValues: { a: 1 } } }, { source: fake.popup });
    expect(fake.popup.postMessage).toHaveBeenCalledTimes(1);
    expect(fake.popup.postMessage).toHaveBeenCalledWith({ type: 'tray.configPopup.client.validation', data: { inProgress: false, errors: {} } }, WIZARD_ORIGIN);
  });

  it('passes the wizard’s solutionInstanceId to the callbacks where it sends one', async () => {
    const { session, onFinish, onError } = createSession();
    await openWizard(session);
    postFromWizard({ type: 'tray.configPopup.finish', data: { solutionInstanceId: 'si-1' } }, { source: fake.popup });
    expect(onFinish).toHaveBeenCalledWith({ solutionInstanceId: 'si-1' });
    fake.renew();
    await openWizard(session);
    postFromWizard({ type: 'tray.configPopup.error', err: 'Slack token revoked', data: { solutionInstanceId: 'si-1' } }, { source: fake.popup });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'wizard_error', details: 'Slack token revoked' }), { solutionInstanceId: 'si-1' });
  });
});
