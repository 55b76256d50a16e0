import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthDialogSession } from '../../src/core/authDialogSession';
import { AUTH_MESSAGE } from '../../src/core/authMessages';
import { freshWindow, postFromWizard, runThenClose, settle, WIZARD_ORIGIN } from '../support/fakePopup';

/**
 * The auth-only dialog driven by random sequences of opens, the dialog's messages (both
 * capitalisations of the error), forgeries, account requests, closed or blocked popups and
 * `close()`, checking after every step: each open ends at most once, a forged message does
 * nothing, the account id goes only to the dialog's exact origin and only when it asked, and
 * nothing is left listening or open once the session is not.
 */

vi.setConfig({ testTimeout: 60_000 });

const AUTH_URL = `${WIZARD_ORIGIN}/external/auth/edit/acme/auth-1?code=abc`;
const MESSAGES = {
  finish: { type: AUTH_MESSAGE.finish, data: { authType: 'oauth', authId: 'auth-2' } },
  finishWithoutId: { type: AUTH_MESSAGE.finish, data: {} },
  close: { type: AUTH_MESSAGE.close },
  error: { type: AUTH_MESSAGE.error, data: { error: 'denied' } },
  errorLowercase: { type: 'tray.authpopup.error', err: 'denied' },
  accountIdRequest: { type: AUTH_MESSAGE.accountIdRequest },
  configFinish: { type: 'tray.configPopup.finish' },
} as const;
type MessageName = keyof typeof MESSAGES;

type Command =
  | { type: 'open' | 'close' | 'closePopup' | 'blockNextPopup' }
  | { type: 'message'; name: MessageName }
  | { type: 'forge'; name: MessageName; by: 'otherOrigin' | 'otherWindow' | 'page' };

const messageName = fc.constantFrom(...(Object.keys(MESSAGES) as MessageName[]));
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom<Command>({ type: 'open' }, { type: 'close' }, { type: 'closePopup' }, { type: 'blockNextPopup' }),
  fc.record({ type: fc.constant('message' as const), name: messageName }),
  fc.record({ type: fc.constant('forge' as const), name: messageName, by: fc.constantFrom('otherOrigin' as const, 'otherWindow' as const, 'page' as const) }),
);

beforeEach(() => vi.useFakeTimers());

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function runSequence(commands: Command[], accountId: string | undefined) {
  const { popups, listeners, blockNextPopup, closeLastPopup, expectNothingLeftUnless } = freshWindow();
  const endings: string[] = [];
  const callbacks = {
    onFinish: vi.fn(() => void endings.push('finish')),
    onClose: vi.fn(() => void endings.push('close')),
    onError: vi.fn(() => void endings.push('error')),
  };
  const session = new AuthDialogSession({ getAuthUrl: async () => AUTH_URL, accountId, pollMs: 500, ...callbacks });
  const stray = { postMessage: vi.fn() };
  let opens = 0;
  let accountRequests = 0;
  return runThenClose(session, listeners, async () => {
    for (const step of commands) {
      const before = session.getSnapshot();
      const endingsBefore = endings.length;
      const current = popups.at(-1);
      switch (step.type) {
        case 'open':
          opens += 1;
          session.open();
          break;
        case 'close':
          session.close();
          break;
        case 'closePopup':
          await closeLastPopup();
          break;
        case 'blockNextPopup':
          blockNextPopup();
          break;
        case 'message':
          if (!current) break;
          if (step.name === 'accountIdRequest' && !current.closed && before.status === 'open') accountRequests += 1;
          postFromWizard(MESSAGES[step.name], { source: current });
          break;
        case 'forge':
          if (step.by === 'otherOrigin') postFromWizard(MESSAGES[step.name], { origin: 'https://evil.example', source: current ?? stray });
          else if (step.by === 'otherWindow') postFromWizard(MESSAGES[step.name], { origin: WIZARD_ORIGIN, source: stray });
          else postFromWizard(MESSAGES[step.name], { origin: window.location.origin, source: window });
          break;
      }
      await settle();
      const state = session.getSnapshot();

      // Each open ends at most once; the config wizard's messages end nothing here.
      expect(endings.length).toBeLessThanOrEqual(opens);
      if (step.type === 'message' && step.name === 'configFinish') expect(endings.length).toBe(endingsBefore);
      // A forged message does nothing at all.
      if (step.type === 'forge') {
        expect(state).toBe(before);
        expect(endings.length).toBe(endingsBefore);
      }
      // The account id goes to the dialog's exact origin only, and only when it asked.
      const replies = popups.flatMap((popup) => popup.postMessage.mock.calls);
      for (const [message, origin] of replies) {
        expect(origin).toBe(WIZARD_ORIGIN);
        expect(message).toEqual({ type: AUTH_MESSAGE.accountIdRequest, data: accountId });
      }
      expect(replies.length).toBeLessThanOrEqual(accountId === undefined ? 0 : accountRequests);
      expect(stray.postMessage).not.toHaveBeenCalled();
      // Nothing left listening or open once the session is not.
      expectNothingLeftUnless(state.status === 'opening' || state.status === 'open');
    }
    return { endings, callbacks, popups };
  });
}

describe('AuthDialogSession under any sequence of opens, messages, forgeries and closes', () => {
  it('keeps every promise of the session after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), fc.option(fc.constant('acct-42'), { nil: undefined }), async (commands, accountId) => {
        await runSequence(commands, accountId);
      }),
      { numRuns: 400 },
    );
  });

  it('open, the account request, finish: the account id answered once to the exact origin, one finish with the new auth', async () => {
    const { endings, callbacks, popups } = await runSequence(
      [{ type: 'open' }, { type: 'message', name: 'accountIdRequest' }, { type: 'message', name: 'finish' }, { type: 'message', name: 'finish' }],
      'acct-42',
    );
    expect(popups[0]!.postMessage.mock.calls).toEqual([[{ type: AUTH_MESSAGE.accountIdRequest, data: 'acct-42' }, WIZARD_ORIGIN]]);
    expect(endings).toEqual(['finish']);
    expect(callbacks.onFinish).toHaveBeenCalledWith({ authType: 'oauth', authId: 'auth-2' });
  });
});
