import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WizardSession, type WizardSessionOptions } from '../../src/core/wizardSession';
import { WIZARD_ORIGIN, WIZARD_URL, createFakePopup, postFromWizard, stubWindowOpen, trackMessageListeners } from '../support/fakePopup';

// The in-page surface in jsdom: no showModal (the dialog is opened without the inert page) and
// no frame loading, but the element tree, the frame's own window and every event are real.
let listeners: ReturnType<typeof trackMessageListeners>;
let opener: HTMLButtonElement;

beforeEach(() => {
  stubWindowOpen(createFakePopup());
  listeners = trackMessageListeners();
  opener = document.createElement('button');
  opener.textContent = 'Configure';
  document.body.append(opener);
  opener.focus();
});
afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

function createSession(overrides: Partial<WizardSessionOptions> = {}) {
  const callbacks = { onFinish: vi.fn(), onCancel: vi.fn(), onError: vi.fn() };
  const session = new WizardSession({ getWizardUrl: () => WIZARD_URL, presentation: 'dialog', ...callbacks, ...overrides });
  return { session, ...callbacks };
}

const dialog = () => document.querySelector('dialog');
const frame = () => document.querySelector('dialog iframe') as HTMLIFrameElement;
const statusText = () => dialog()!.querySelector('[role="status"]')!.textContent;

async function openDialog(session: WizardSession) {
  session.open();
  await vi.waitFor(() => expect(session.getSnapshot().status).toBe('open'));
}

describe('the wizard in the page’s dialog', () => {
  it('shows a titled modal dialog with a sandboxed, titled frame at the URL, and opens no popup', async () => {
    const { session } = createSession({ dialogLabels: { dialogTitle: 'Connect Slack' } });
    session.open();
    expect(session.getSnapshot().status).toBe('opening');
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    const title = document.getElementById(dialog()!.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Connect Slack');
    expect(frame().title).toBe('Connect Slack');
    expect(frame().getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    expect(dialog()!.querySelector('button')?.textContent).toBe('Close');
    await vi.waitFor(() => expect(frame().src).toBe(WIZARD_URL));
    expect(session.getSnapshot().status).toBe('open');
    expect(statusText()).toBe('Loading the setup page…');
    expect(window.open).not.toHaveBeenCalled();
  });

  it('accepts only the frame’s own window at the URL’s exact origin, and finishes once', async () => {
    const { session, onFinish } = createSession();
    await openDialog(session);
    const other = document.createElement('iframe');
    document.body.append(other);
    const wizard = frame().contentWindow;
    postFromWizard({ type: 'tray.configPopup.finish' }, { source: window }); // the page itself
    postFromWizard({ type: 'tray.configPopup.finish' }, { source: other.contentWindow }); // another frame
    postFromWizard({ type: 'tray.configPopup.finish' }, { source: wizard, origin: 'https://evil.example' });
    expect(onFinish).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i += 1) postFromWizard({ type: 'tray.configPopup.finish' }, { source: wizard });
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot().status).toBe('finished');
    expect(dialog()).toBeNull();
    expect(listeners.count).toBe(0);
  });

  it('ready hides the loading text', async () => {
    const { session } = createSession();
    await openDialog(session);
    postFromWizard({ type: 'tray.configPopup.ready' }, { source: frame().contentWindow });
    expect(session.getSnapshot().isReady).toBe(true);
    expect(statusText()).toBe('');
  });

  it.each([
    ['Escape', () => dialog()!.dispatchEvent(new Event('cancel', { cancelable: true }))],
    ['Close', () => dialog()!.querySelector('button')!.click()],
  ])('%s ends the session closed unfinished (wizard_closed), never a finish, and gives focus back', async (_label, closeIt) => {
    const { session, onCancel, onFinish } = createSession();
    await openDialog(session);
    dialog()!.querySelector('button')!.focus();
    closeIt();
    expect(session.getSnapshot()).toMatchObject({ status: 'cancelled', error: { code: 'wizard_closed' } });
    expect(onCancel).toHaveBeenCalledWith('closed', {});
    expect(onFinish).not.toHaveBeenCalled();
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(listeners.count).toBe(0);
  });

  it('Escape while the URL is still being minted closes too, and the late URL is dropped', async () => {
    let resolve!: (url: string) => void;
    const getWizardUrl = vi.fn(() => new Promise<string>((r) => (resolve = r)));
    const { session, onCancel } = createSession({ getWizardUrl });
    session.open();
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    dialog()!.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalledWith('closed', {});
    resolve(WIZARD_URL);
    await Promise.resolve();
    expect(dialog()).toBeNull();
    expect(session.getSnapshot().status).toBe('cancelled');
  });

  it('close() before the dialog’s code arrived never shows it', async () => {
    const { session } = createSession();
    session.open();
    session.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await vi.dynamicImportSettled();
    expect(dialog()).toBeNull();
    expect(session.getSnapshot().status).toBe('idle');
  });

  it('answers validation to the frame, at the wizard’s origin only', async () => {
    const { session } = createSession({ validate: () => ({ channel: 'Pick one' }) });
    await openDialog(session);
    const post = vi.spyOn(frame().contentWindow!, 'postMessage');
    postFromWizard({ type: 'tray.configPopup.validate', data: { visibleValues: ['channel'], configValues: {} } }, { source: frame().contentWindow });
    await vi.waitFor(() => expect(post).toHaveBeenCalledTimes(2));
    expect(post.mock.calls).toEqual([
      [{ type: 'tray.configPopup.client.validation', data: { inProgress: true } }, WIZARD_ORIGIN],
      [{ type: 'tray.configPopup.client.validation', data: { inProgress: false, errors: { channel: 'Pick one' } } }, WIZARD_ORIGIN],
    ]);
  });

  it('open("dialog") after a blocked popup shows the wizard here, and later opens too', async () => {
    stubWindowOpen(null);
    const { session, onError } = createSession({ presentation: 'popup' });
    session.open();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'popup_blocked' }), {});
    session.open('dialog');
    await vi.waitFor(() => expect(session.getSnapshot().status).toBe('open'));
    expect(frame().src).toBe(WIZARD_URL);
    session.close();
    session.open();
    await vi.waitFor(() => expect(session.getSnapshot().status).toBe('open'));
    expect(dialog()).not.toBeNull();
    expect(window.open).toHaveBeenCalledTimes(1);
  });

  it('takes the forced theme of the widget it was opened from', async () => {
    const themed = document.createElement('div');
    themed.setAttribute('data-rte-theme', 'dark');
    themed.append(opener);
    document.body.append(themed);
    opener.focus();
    const { session } = createSession();
    await openDialog(session);
    expect(dialog()!.getAttribute('data-rte-theme')).toBe('dark');
  });
});

describe('a wizard that never answers', () => {
  beforeEach(() => vi.useFakeTimers());

  it('says so after noResponseMs in the state and in the dialog, keeps waiting, and clears at the first message', async () => {
    const { session, onCancel } = createSession({ noResponseMs: 5000 });
    await openDialog(session);
    // vi.waitFor (in openDialog) moves fake time on by up to 50 ms per look.
    vi.advanceTimersByTime(4800);
    expect(session.getSnapshot().isNotResponding).toBe(false);
    vi.advanceTimersByTime(200);
    expect(session.getSnapshot()).toMatchObject({ status: 'open', isNotResponding: true });
    expect(statusText()).toBe('The setup window is not responding.');
    expect(onCancel).not.toHaveBeenCalled();
    postFromWizard({ type: 'tray.configPopup.ready' }, { source: frame().contentWindow });
    expect(session.getSnapshot()).toMatchObject({ status: 'open', isNotResponding: false, isReady: true });
    expect(statusText()).toBe('');
  });

  it('in a popup too, by default after 20 s; a message from elsewhere does not count', async () => {
    const popup = createFakePopup();
    stubWindowOpen(popup);
    const { session } = createSession({ presentation: 'popup' });
    await openDialog(session);
    vi.advanceTimersByTime(19_800);
    postFromWizard({ type: 'tray.configPopup.ready' }, { source: window });
    expect(session.getSnapshot().isNotResponding).toBe(false);
    vi.advanceTimersByTime(200);
    expect(session.getSnapshot().isNotResponding).toBe(true);
    postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup });
    expect(session.getSnapshot()).toMatchObject({ status: 'finished', isNotResponding: false });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('noResponseMs: 0 never says so', async () => {
    const { session } = createSession({ noResponseMs: 0, presentation: 'popup' });
    await openDialog(session);
    expect(vi.getTimerCount()).toBe(1); // the closed poll only
    vi.advanceTimersByTime(60_000);
    expect(session.getSnapshot().isNotResponding).toBe(false);
  });
});
