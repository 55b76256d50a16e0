import { describe, expect, it, vi } from 'vitest';
import { AuthDialogSession, type AuthDialogSessionOptions } from '../../src/core/authDialogSession';
import { readAuthMessage } from '../../src/core/authMessages';
import { buildAuthUrl } from '../../src/core/authUrl';
import { WIZARD_ORIGIN, createFakePopup, fakePopupEachTest, postFromWizard, stubWindowOpen } from '../support/fakePopup';

const AUTH_URL = `${WIZARD_ORIGIN}/external/auth/edit/acme/auth-1?code=abc`;
const fake = fakePopupEachTest();

function createSession(overrides: Partial<AuthDialogSessionOptions> = {}) {
  const callbacks = { onFinish: vi.fn(), onClose: vi.fn(), onError: vi.fn() };
  const session = new AuthDialogSession({ getAuthUrl: () => AUTH_URL, ...callbacks, ...overrides });
  return { session, ...callbacks };
}

async function openDialog(session: AuthDialogSession) {
  session.open();
  await vi.waitFor(() => expect(fake.popup.location.href).toBe(AUTH_URL));
}

const post = (data: unknown, from: { origin?: string; source?: unknown } = {}) => postFromWizard(data, { source: fake.popup, ...from });

describe('AuthDialogSession', () => {
  it('finish → onFinish({ authType, authId }) once, the window closed, everything removed', async () => {
    const { session, onFinish, onClose } = createSession();
    await openDialog(session);
    for (let i = 0; i < 3; i += 1) post({ type: 'tray.authpopup.finish', data: { authType: 'oauth2', authId: 'auth-9' } });
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish).toHaveBeenCalledWith({ authType: 'oauth2', authId: 'auth-9' });
    expect(onClose).not.toHaveBeenCalled();
    expect(session.getSnapshot().status).toBe('finished');
    expect(fake.popup.close).toHaveBeenCalled();
    expect(fake.listeners.count).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['another origin', { origin: 'https://embedded.tray.io.evil.example' }],
    ['another window on the dialog’s origin', { source: createFakePopup() }],
    ['the page itself', { source: window }],
  ])('ignores a finish from %s', async (_label, from) => {
    const { session, onFinish } = createSession();
    await openDialog(session);
    post({ type: 'tray.authpopup.finish', data: { authId: 'forged' } }, from);
    expect(onFinish).not.toHaveBeenCalled();
    post({ type: 'tray.authpopup.close' });
    expect(session.getSnapshot().status).toBe('cancelled');
  });

  it('ignores the config wizard’s messages: the auth dialog speaks its own', async () => {
    const { session, onFinish } = createSession();
    await openDialog(session);
    post({ type: 'tray.configPopup.finish' });
    expect(onFinish).not.toHaveBeenCalled();
    expect(session.getSnapshot().status).toBe('open');
  });

  it('tray.authpopup.close → onClose("cancel"); the window closed first → onClose("closed") with wizard_closed', async () => {
    const { session, onClose } = createSession();
    await openDialog(session);
    post({ type: 'tray.authpopup.close' });
    expect(onClose).toHaveBeenLastCalledWith('cancel');
    fake.renew();
    await openDialog(session);
    fake.popup.closed = true;
    vi.advanceTimersByTime(500);
    expect(onClose).toHaveBeenLastCalledWith('closed');
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled', error: { code: 'wizard_closed' } });
  });

  it.each([
    ['tray.authPopup.error', { data: { error: 'Token revoked' } }],
    ['tray.authpopup.error', { data: { error: 'Token revoked' } }],
    ['tray.authPopup.error', { data: { err: 'Token revoked' } }],
    ['tray.authPopup.error', { err: 'Token revoked' }],
  ])('%s with %j → wizard_error carrying the dialog’s words', async (type, rest) => {
    const { session, onError } = createSession();
    await openDialog(session);
    post({ type, ...rest });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'wizard_error', details: 'Token revoked' }));
    expect(session.getSnapshot().status).toBe('error');
  });

  it('a finish that names no authentication is an error, not a silent wait', async () => {
    const { session, onError, onFinish } = createSession();
    await openDialog(session);
    post({ type: 'tray.authpopup.finish', data: {} });
    expect(onFinish).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'wizard_error' }));
  });

  it('answers accountIdRequest with accountId, to the dialog’s exact origin only; without one, not at all', async () => {
    const { session } = createSession({ accountId: 'acct-42' });
    await openDialog(session);
    post({ type: 'tray.authpopup.accountIdRequest' }, { source: window });
    expect(fake.popup.postMessage).not.toHaveBeenCalled();
    post({ type: 'tray.authpopup.accountIdRequest' });
    expect(fake.popup.postMessage.mock.calls).toEqual([[{ type: 'tray.authpopup.accountIdRequest', data: 'acct-42' }, WIZARD_ORIGIN]]);
    session.close();
    fake.renew();
    session.setOptions({ getAuthUrl: () => AUTH_URL });
    await openDialog(session);
    post({ type: 'tray.authpopup.accountIdRequest' });
    expect(fake.popup.postMessage).not.toHaveBeenCalled();
  });

  it('a blocked popup is popup_blocked; a bad URL invalid_wizard_url', async () => {
    stubWindowOpen(null);
    const blocked = createSession();
    blocked.session.open();
    expect(blocked.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'popup_blocked' }));
    stubWindowOpen(fake.popup);
    const bad = createSession({ getAuthUrl: () => 'http://embedded.tray.io/x' });
    bad.session.open();
    await vi.waitFor(() => expect(bad.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_wizard_url' })));
  });

  it('does not call a silent dialog unresponsive unless asked to', async () => {
    const { session } = createSession();
    await openDialog(session);
    expect(vi.getTimerCount()).toBe(1); // the closed poll only
    vi.advanceTimersByTime(60_000);
    expect(session.getSnapshot().isNotResponding).toBe(false);
    session.close();
    fake.renew();
    session.setOptions({ getAuthUrl: () => AUTH_URL, noResponseMs: 1000 });
    await openDialog(session);
    vi.advanceTimersByTime(1000);
    expect(session.getSnapshot().isNotResponding).toBe(true);
  });
});

describe('readAuthMessage', () => {
  const expected = { origin: WIZARD_ORIGIN, source: 'popup' };
  it('reads the dialog’s messages from the expected sender only', () => {
    expect(readAuthMessage({ origin: WIZARD_ORIGIN, source: 'popup', data: { type: 'tray.authPopup.finish', data: { authId: 'a' } } }, expected)).toEqual({
      type: 'tray.authpopup.finish',
      result: { authId: 'a' },
    });
    expect(readAuthMessage({ origin: WIZARD_ORIGIN, source: 'other', data: { type: 'tray.authpopup.close' } }, expected)).toBeNull();
    expect(readAuthMessage({ origin: WIZARD_ORIGIN, source: 'popup', data: { type: 'tray.authpopup.unknown' } }, expected)).toBeNull();
    expect(readAuthMessage({ origin: WIZARD_ORIGIN, source: 'popup', data: 'tray.authpopup.close' }, expected)).toBeNull();
  });
});

describe('buildAuthUrl', () => {
  it('builds the create and edit URLs for a region or a white-label host, ids encoded', () => {
    expect(buildAuthUrl({ embeddedId: 'acme', solutionInstanceId: 'si 1', externalAuthId: 'slack_auth', authorizationCode: 'c1' })).toBe(
      'https://embedded.tray.io/external/auth/create/acme/si%201/slack_auth?code=c1',
    );
    expect(buildAuthUrl({ embeddedId: 'acme', authId: 'auth/1', authorizationCode: 'c2', region: 'eu' })).toBe('https://embedded.eu1.tray.io/external/auth/edit/acme/auth%2F1?code=c2');
    expect(buildAuthUrl({ embeddedId: 'acme', authId: 'a', authorizationCode: 'c3', host: 'http://127.0.0.1:4011' })).toBe('http://127.0.0.1:4011/external/auth/edit/acme/a?code=c3');
  });

  it.each([
    [{ embeddedId: '', authId: 'a', authorizationCode: 'c' }],
    [{ embeddedId: 'acme', authId: ' ', authorizationCode: 'c' }],
    [{ embeddedId: 'acme', solutionInstanceId: 'si', externalAuthId: '', authorizationCode: 'c' }],
    [{ embeddedId: 'acme', authId: 'a', authorizationCode: '' }],
  ])('refuses an empty part: %j', (options) => {
    expect(() => buildAuthUrl(options)).toThrow(expect.objectContaining({ code: 'invalid_wizard_url' }));
  });
});
