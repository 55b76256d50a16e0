import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WizardSession } from '../../src/core/wizardSession';
import { WIZARD_URL, createFakePopup, postFromWizard, runThenClose, stubWindowOpen, trackMessageListeners } from '../support/fakePopup';

/**
 * The wizard in the page's dialog driven by random sequences of opens, the frame's messages,
 * forgeries (another frame on the wizard's origin, the page itself), Escape, Close and
 * `close()`, checking after every step: each open ends at most once, a forged message does
 * nothing, and once the session is not showing the wizard there is no dialog, no listener,
 * and the focus is back on the button that opened it. The dialog's code loads on first use,
 * as it ships; jsdom has no frame loading and no `showModal`, but real elements and events.
 */

vi.setConfig({ testTimeout: 60_000 });

type Command =
  | { type: 'open' | 'escape' | 'closeButton' | 'close' }
  | { type: 'message'; message: 'ready' | 'finish' | 'cancel' | 'error' }
  | { type: 'forge'; message: 'finish' | 'cancel' | 'error'; by: 'otherFrame' | 'page' | 'otherOrigin' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom<Command>({ type: 'open' }, { type: 'escape' }, { type: 'closeButton' }, { type: 'close' }),
  fc.record({ type: fc.constant('message' as const), message: fc.constantFrom('ready' as const, 'finish' as const, 'cancel' as const, 'error' as const) }),
  fc.record({
    type: fc.constant('forge' as const),
    message: fc.constantFrom('finish' as const, 'cancel' as const, 'error' as const),
    by: fc.constantFrom('otherFrame' as const, 'page' as const, 'otherOrigin' as const),
  }),
);

const dialog = () => document.querySelector('dialog');
const frame = () => document.querySelector('dialog iframe') as HTMLIFrameElement | null;

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** Waits until the session's dialog is settled: the URL set, or the session over. */
async function settled(session: WizardSession) {
  await vi.waitFor(() => {
    const { status } = session.getSnapshot();
    if (status === 'opening') throw new Error('still opening');
    if (status === 'open') expect(frame()?.src).toBe(WIZARD_URL);
  });
}

async function runSequence(commands: Command[]) {
  // A fresh page for each run: a failed run cannot make the runs that shrink it fail too.
  document.body.replaceChildren();
  vi.restoreAllMocks();
  stubWindowOpen(createFakePopup());
  const listeners = trackMessageListeners();
  const opener = document.createElement('button');
  opener.textContent = 'Configure';
  const otherFrame = document.createElement('iframe');
  document.body.append(opener, otherFrame);
  const endings: string[] = [];
  const session = new WizardSession({
    getWizardUrl: () => WIZARD_URL,
    presentation: 'dialog',
    onFinish: () => void endings.push('finish'),
    onCancel: () => void endings.push('cancel'),
    onError: () => void endings.push('error'),
  });
  let opens = 0;
  await runThenClose(session, listeners, async () => {
    for (const step of commands) {
      const before = session.getSnapshot();
      const endingsBefore = endings.length;
      const data = 'message' in step ? { type: `tray.configPopup.${step.message}` } : null;
      switch (step.type) {
        case 'open':
          opens += 1;
          opener.focus(); // the user clicks the button that opens it
          session.open();
          break;
        case 'escape':
          dialog()?.dispatchEvent(new Event('cancel', { cancelable: true }));
          break;
        case 'closeButton':
          dialog()?.querySelector('button')?.click();
          break;
        case 'close':
          session.close();
          break;
        case 'message': {
          const wizard = frame()?.contentWindow;
          if (wizard) postFromWizard(data, { source: wizard });
          break;
        }
        case 'forge':
          if (step.by === 'otherFrame') postFromWizard(data, { source: otherFrame.contentWindow });
          else if (step.by === 'page') postFromWizard(data, { origin: window.location.origin, source: window });
          else postFromWizard(data, { origin: 'https://evil.example', source: frame()?.contentWindow ?? window });
          break;
      }
      await settled(session);
      const state = session.getSnapshot();

      expect(endings.length).toBeLessThanOrEqual(opens);
      if (step.type === 'forge') {
        expect(state).toBe(before);
        expect(endings.length).toBe(endingsBefore);
      }
      // Escape or Close ends it as closed unfinished, never as a finish.
      if ((step.type === 'escape' || step.type === 'closeButton') && endings.length > endingsBefore) {
        expect(endings.at(-1)).toBe('cancel');
        expect(state.error?.code).toBe('wizard_closed');
      }
      expect(listeners.count).toBeLessThanOrEqual(1);
      expect(document.querySelectorAll('dialog').length).toBeLessThanOrEqual(1);
      if (state.status !== 'opening' && state.status !== 'open') {
        expect(dialog()).toBeNull();
        expect(listeners.count).toBe(0);
        if (opens > 0) expect(document.activeElement).toBe(opener);
      }
    }
  });
  expect(dialog()).toBeNull();
  return endings;
}

describe('the wizard in the page’s dialog under any sequence of messages, forgeries, Escape and Close', () => {
  it('keeps every promise of the dialog after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        await runSequence(commands);
      }),
      { numRuns: 100 },
    );
  });

  it('open, a forged finish from another frame, Escape: closed unfinished, focus back on the opener', async () => {
    const endings = await runSequence([{ type: 'open' }, { type: 'forge', message: 'finish', by: 'otherFrame' }, { type: 'escape' }]);
    expect(endings).toEqual(['cancel']);
  });
});
