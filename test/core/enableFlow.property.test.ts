import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EnableFlow } from '../../src/core/enableFlow';
import type { EnableFlowState } from '../../src/core/enableFlowState';
import { TrayEmbeddedError } from '../../src/core/errors';
import type { InstancePort, InstanceStatus } from '../../src/core/instancePort';
import type { UpdateSolutionInstanceInput } from '../../src/graphql/types';
import { freshWindow, postFromWizard, runThenClose, settle, WIZARD_ORIGIN, WIZARD_URL } from '../support/fakePopup';

/**
 * The enable flow driven by random sequences of what a user, the wizard window, a forger, the
 * host page (showing another instance) and the server can do, in any order and at any moment,
 * checking after every step what the flow promises: every enable carries both flags, changes
 * run one at a time and only when asked, a forged message changes nothing, nothing is shown as
 * done unless the server's answer for that instance says so, an answer for an instance no
 * longer shown changes nothing shown, and no window or listener outlives the wizard.
 */

vi.setConfig({ testTimeout: 60_000 });

type Answer = 'confirm' | 'unconfirmed' | 'missingValues' | 'network';
type Command =
  | { type: 'configure' | 'enable' | 'disable' | 'retry' | 'dismiss' | 'blockNextPopup' }
  | { type: 'wizard'; message: 'ready' | 'finish' | 'cancel' | 'error' }
  | { type: 'forge'; message: 'finish' | 'cancel' | 'error'; by: 'otherOrigin' | 'otherWindow' | 'page' }
  | { type: 'closePopup' }
  | { type: 'switchInstance' }
  | { type: 'answer'; answer: Answer }
  | { type: 'waitNoResponse' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom<Command>({ type: 'configure' }, { type: 'enable' }, { type: 'disable' }, { type: 'retry' }, { type: 'dismiss' }, { type: 'blockNextPopup' }, { type: 'closePopup' }, { type: 'waitNoResponse' }, { type: 'switchInstance' }),
  fc.record({ type: fc.constant('wizard' as const), message: fc.constantFrom('ready' as const, 'finish' as const, 'cancel' as const, 'error' as const) }),
  fc.record({
    type: fc.constant('forge' as const),
    message: fc.constantFrom('finish' as const, 'cancel' as const, 'error' as const),
    by: fc.constantFrom('otherOrigin' as const, 'otherWindow' as const, 'page' as const),
  }),
  fc.record({ type: fc.constant('answer' as const), answer: fc.constantFrom<Answer>('confirm', 'unconfirmed', 'missingValues', 'network') }),
);

interface Pending {
  input: UpdateSolutionInstanceInput;
  resolve: (instance: InstanceStatus) => void;
  reject: (error: unknown) => void;
}

/** A server holding two instances; each update waits until the sequence says how it answers. */
function createServer() {
  const server = {
    enabled: new Map([['si-1', false], ['si-2', false]]),
    calls: [] as UpdateSolutionInstanceInput[],
    pending: [] as Pending[],
    /** The call the flow made last, until it is answered or the flow moves to another instance. */
    current: null as Pending | null,
    /** Every instance object the server answered with. */
    answered: new Set<InstanceStatus>(),
  };
  const port: InstancePort = {
    update: (input) =>
      new Promise<InstanceStatus>((resolve, reject) => {
        const call = { input, resolve, reject };
        server.calls.push(input);
        server.pending.push(call);
        server.current = call;
      }),
  };
  /** Answers the oldest call still waiting; says whether it was the flow's current one. */
  const answer = (kind: Answer): boolean => {
    const call = server.pending.shift();
    if (!call) return false;
    const wasCurrent = call === server.current;
    if (wasCurrent) server.current = null;
    const id = call.input.solutionInstanceId;
    if (kind === 'network') call.reject(new TypeError('Failed to fetch'));
    else if (kind === 'missingValues') {
      call.reject(new TrayEmbeddedError('missing_values', 'Some required settings are missing.', { details: [{ message: 'missing values' }] }));
    } else {
      if (kind === 'confirm' && typeof call.input.enabled === 'boolean') server.enabled.set(id, call.input.enabled);
      // "unconfirmed": the server answers, but the instance is not in the state asked for.
      const instance = { id, name: 'CRM sync', enabled: kind === 'confirm' ? server.enabled.get(id)! : !call.input.enabled };
      server.answered.add(instance);
      call.resolve(instance);
    }
    return wasCurrent;
  };
  return { server, port, answer };
}


beforeEach(() => vi.useFakeTimers());

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function runSequence(commands: Command[]) {
  const { popups, listeners, blockNextPopup, closeLastPopup, expectNothingLeftUnless } = freshWindow();
  const { server, port, answer } = createServer();
  const options = { port, getWizardUrl: async () => WIZARD_URL, pollMs: 500, noResponseMs: 20_000 };
  let shown = 'si-1';
  const flow = new EnableFlow({ ...options, instanceId: shown });
  // Changes the user or the wizard may legitimately cause; the server never sees more calls.
  let asked = 0;
  const stray = { postMessage: vi.fn() };

  return runThenClose(flow, listeners, async () => {
    for (const step of commands) {
      const before = flow.getSnapshot();
      const callsBefore = server.calls.length;
      const current = popups.at(-1);
      let answeredCurrent = true;
      switch (step.type) {
        case 'configure':
          flow.configure();
          break;
        case 'enable':
        case 'disable':
          asked += 1;
          void flow[step.type]();
          break;
        case 'retry':
          asked += 1;
          flow.retry();
          break;
        case 'dismiss':
          flow.dismiss();
          break;
        case 'blockNextPopup':
          blockNextPopup();
          break;
        case 'closePopup':
          await closeLastPopup();
          break;
        case 'waitNoResponse':
          await vi.advanceTimersByTimeAsync(20_000);
          break;
        case 'wizard':
          if (step.message === 'finish') asked += 1;
          if (current) postFromWizard({ type: `tray.configPopup.${step.message}` }, { source: current });
          break;
        case 'forge': {
          const data = { type: `tray.configPopup.${step.message}` };
          if (step.by === 'otherOrigin') postFromWizard(data, { origin: 'https://evil.example', source: current ?? stray });
          else if (step.by === 'otherWindow') postFromWizard(data, { origin: WIZARD_ORIGIN, source: stray });
          else postFromWizard(data, { origin: window.location.origin, source: window });
          break;
        }
        case 'answer':
          answeredCurrent = answer(step.answer);
          break;
        case 'switchInstance':
          // The host page now shows the other instance; whatever runs for this one goes on unseen.
          server.current = null;
          shown = shown === 'si-1' ? 'si-2' : 'si-1';
          flow.setOptions({ ...options, instanceId: shown });
          break;
      }
      await settle();
      const state: EnableFlowState = flow.getSnapshot();

      // Every enable the server sees carries both flags.
      for (const call of server.calls) {
        if (call.enabled === true) expect(call.errorOnEnablingWithMissingValues).toBe(true);
      }
      // One change at a time for what is shown, each one asked for by a click or a real finish.
      expect(server.calls.length).toBeLessThanOrEqual(asked);
      expect(state.status === 'busy').toBe(server.current !== null);
      if (server.current) expect(server.current.input.solutionInstanceId).toBe(shown);
      // A forged message, or the answer for an instance no longer shown, changes nothing shown.
      if (step.type === 'forge' || !answeredCurrent) expect(state).toBe(before);
      if (step.type === 'forge') expect(server.calls.length).toBe(callsBefore);
      // Shown as done only with the server's own answer for this instance, in the state asked for.
      if (state.status === 'idle' && state.outcome?.type === 'done') {
        expect(server.answered.has(state.outcome.instance)).toBe(true);
        expect(state.outcome.instance.id).toBe(state.instanceId);
        expect(state.outcome.instance.enabled).toBe(state.outcome.action === 'enable');
      }
      // No window or listener outlives the wizard.
      expectNothingLeftUnless(state.status === 'wizard');
    }
    return { state: flow.getSnapshot(), server };
  });
}

describe('EnableFlow under any sequence of clicks, wizard messages, forgeries and server answers', () => {
  it('keeps every promise of the flow after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 40 }), async (commands) => {
        await runSequence(commands);
      }),
      { numRuns: 400 },
    );
  });

  it('the sequence a user most often takes ends enabled, by one enable with both flags', async () => {
    const { state, server } = await runSequence([{ type: 'configure' }, { type: 'wizard', message: 'ready' }, { type: 'wizard', message: 'finish' }, { type: 'wizard', message: 'finish' }, { type: 'answer', answer: 'confirm' }]);
    expect(server.calls).toEqual([{ solutionInstanceId: 'si-1', enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(state).toMatchObject({ status: 'idle', outcome: { type: 'done', action: 'enable', instance: { enabled: true } } });
  });
});
