import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddFlow } from '../../src/core/addFlow';
import type { EnableFlowState } from '../../src/core/enableFlowState';
import type { InstancePort, InstanceStatus } from '../../src/core/instancePort';
import type { UpdateSolutionInstanceInput } from '../../src/graphql/types';
import { freshWindow, postFromWizard, runThenClose, settle, WIZARD_URL } from '../support/fakePopup';

/**
 * The catalog's Add driven by random sequences of clicks (Add, Finish setup, Try again, Keep
 * for later), the create's answer, the wizard's messages, a closed or blocked popup and the
 * server's answers to the enable, in any order, checking after every step: one create per Add
 * (or per retry of a failed one), enables only for an instance the create made and always with
 * both flags, one change at a time, nothing shown as done without the server's answer, and no
 * window or listener left behind.
 */

vi.setConfig({ testTimeout: 60_000 });

type Command =
  | { type: 'add' | 'configure' | 'retry' | 'dismiss' | 'blockNextPopup' | 'closePopup' }
  | { type: 'created'; ok: boolean }
  | { type: 'wizard'; message: 'ready' | 'finish' | 'cancel' | 'error' }
  | { type: 'answer'; confirm: boolean };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom<Command>({ type: 'add' }, { type: 'configure' }, { type: 'retry' }, { type: 'dismiss' }, { type: 'blockNextPopup' }, { type: 'closePopup' }),
  fc.record({ type: fc.constant('created' as const), ok: fc.boolean() }),
  fc.record({ type: fc.constant('wizard' as const), message: fc.constantFrom('ready' as const, 'finish' as const, 'cancel' as const, 'error' as const) }),
  fc.record({ type: fc.constant('answer' as const), confirm: fc.boolean() }),
);

beforeEach(() => vi.useFakeTimers());

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function runSequence(commands: Command[]) {
  const { popups, listeners, blockNextPopup, closeLastPopup, expectNothingLeftUnless } = freshWindow();
  const made: InstanceStatus[] = [];
  const creates: Array<{ resolve: (instance: InstanceStatus) => void; reject: (error: unknown) => void }> = [];
  let createCalls = 0;
  const create = () =>
    new Promise<InstanceStatus>((resolve, reject) => {
      createCalls += 1;
      creates.push({ resolve, reject });
    });
  const updates: UpdateSolutionInstanceInput[] = [];
  const pending: Array<{ input: UpdateSolutionInstanceInput; resolve: (instance: InstanceStatus) => void }> = [];
  const answered = new Set<InstanceStatus>();
  const port: InstancePort = {
    update: (input) =>
      new Promise((resolve) => {
        updates.push(input);
        pending.push({ input, resolve });
      }),
  };
  const flow = new AddFlow({ port, instanceId: null, getWizardUrl: async (id) => `${WIZARD_URL}&for=${id}`, pollMs: 500 });
  // What may make a create (Add; after a failed create, opening the wizard again) or a change
  // (the wizard's finish, a retry).
  let adds = 0;
  let opens = 0;
  let retries = 0;
  let finishes = 0;

  return runThenClose(flow, listeners, async () => {
    for (const step of commands) {
      const current = popups.at(-1);
      switch (step.type) {
        case 'add':
          adds += 1;
          flow.add(create);
          break;
        case 'configure':
          opens += 1;
          flow.configure();
          break;
        case 'retry':
          retries += 1;
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
        case 'created': {
          const next = creates.shift();
          if (!next) break;
          if (step.ok) {
            const instance = { id: `si-${made.length + 1}`, name: 'Alerts', enabled: false };
            made.push(instance);
            next.resolve(instance);
          } else next.reject(new TypeError('Failed to fetch'));
          break;
        }
        case 'wizard':
          if (step.message === 'finish') finishes += 1;
          if (current) postFromWizard({ type: `tray.configPopup.${step.message}` }, { source: current });
          break;
        case 'answer': {
          const next = pending.shift();
          if (!next) break;
          const instance = { id: next.input.solutionInstanceId, name: 'Alerts', enabled: step.confirm ? next.input.enabled === true : next.input.enabled !== true };
          answered.add(instance);
          next.resolve(instance);
          break;
        }
      }
      await settle();
      const state: EnableFlowState = flow.getSnapshot();

      expect(createCalls).toBeLessThanOrEqual(adds + opens + retries);
      expect(updates.length).toBeLessThanOrEqual(finishes + retries);
      for (const input of updates) {
        expect(made.map((instance) => instance.id)).toContain(input.solutionInstanceId);
        expect(input).toMatchObject({ enabled: true, errorOnEnablingWithMissingValues: true });
      }
      expect(pending.length).toBeLessThanOrEqual(1);
      expect(state.status === 'busy').toBe(pending.length === 1);
      if (state.instanceId !== null) expect(made.map((instance) => instance.id)).toContain(state.instanceId);
      if (state.status === 'idle' && state.outcome?.type === 'done') {
        expect(answered.has(state.outcome.instance)).toBe(true);
        expect(state.outcome.instance).toMatchObject({ id: state.instanceId, enabled: true });
      }
      expectNothingLeftUnless(state.status === 'wizard');
    }
    return { state: flow.getSnapshot(), updates, made };
  });
}

describe('AddFlow under any sequence of clicks, creates, wizard messages and server answers', () => {
  it('keeps every promise of the Add after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 40 }), async (commands) => {
        await runSequence(commands);
      }),
      { numRuns: 400 },
    );
  });

  it('Add, created, finish, confirmed: the new instance is enabled by one enable with both flags', async () => {
    const { state, updates } = await runSequence([{ type: 'add' }, { type: 'created', ok: true }, { type: 'wizard', message: 'finish' }, { type: 'answer', confirm: true }]);
    expect(updates).toEqual([{ solutionInstanceId: 'si-1', enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(state).toMatchObject({ status: 'idle', instanceId: 'si-1', outcome: { type: 'done', action: 'enable', instance: { enabled: true } } });
  });
});
