// The user may close the blank popup while getWizardUrl is still on its way. The session must
// notice before navigating: a URL (with a single-use authorization code) sent to a closed
// window, and a wizard shown "open" that nobody can see, are both wrong.
import { describe, expect, it, vi } from 'vitest';
import { WizardSession } from '../../src/core/wizardSession';
import { WIZARD_URL, fakePopupEachTest } from '../support/fakePopup';

// Fake timers (fakePopupEachTest): the closed-poll never ticks here, so only the check after
// getWizardUrl can see the closed window.
const fake = fakePopupEachTest();

describe('WizardSession: popup closed while the wizard URL loads', () => {
  it('ends in cancelled (wizard_closed), never navigates the closed window, never shows open', async () => {
    let resolveUrl!: (url: string) => void;
    const onCancel = vi.fn();
    const onError = vi.fn();
    const session = new WizardSession({ getWizardUrl: () => new Promise<string>((resolve) => (resolveUrl = resolve)), onCancel, onError });
    const statuses: string[] = [];
    session.subscribe(() => statuses.push(session.getSnapshot().status));

    session.open();
    expect(session.getSnapshot().status).toBe('opening');
    fake.popup.closed = true; // the user closes the blank window
    resolveUrl(WIZARD_URL);
    await vi.waitFor(() => expect(session.getSnapshot().status).toBe('cancelled'));

    expect(session.getSnapshot().error?.code).toBe('wizard_closed');
    expect(fake.popup.location.href).toBe('');
    expect(statuses).not.toContain('open');
    expect(onCancel).toHaveBeenCalledExactlyOnceWith('closed', {}); // the wizard never reported an instance
    expect(onError).not.toHaveBeenCalled();
    expect(fake.listeners.count).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
