import type { TrayEmbeddedError } from './errors.js';
import type { InstanceStatus } from './instancePort.js';
import type { WizardState } from './wizardPopup.js';

/** What a user does to an instance directly; `reconnect` sets one auth slot's authentication. */
export type FlowAction = 'enable' | 'disable' | 'rename' | 'remove' | 'upgrade' | 'reconnect';

/** What a failure interrupted: an action, the wizard, or the create that comes before it. */
export type FlowStep = FlowAction | 'wizard' | 'create';

/** How the last step ended; kept until the next step starts. */
export type FlowOutcome<I> =
  | { type: 'done'; action: FlowAction; instance: I }
  | { type: 'failed'; step: FlowStep; error: TrayEmbeddedError }
  | { type: 'cancelled'; reason: 'cancel' | 'closed' }
  /** The wizard finished and, by the solution's `disableAutoEnable`, the partner enables it later. */
  | { type: 'setUp' };

/**
 * - `idle`: nothing runs; `outcome` says how the last step ended.
 * - `wizard`: the wizard is opening or open; `instanceId` is `null` only while the catalog's Add
 *   is still creating the instance behind the blank popup.
 * - `busy`: one action is in flight, always for a known instance.
 */
export type EnableFlowState<I extends InstanceStatus = InstanceStatus> =
  | { status: 'idle'; instanceId: string | null; outcome: FlowOutcome<I> | null }
  | { status: 'wizard'; instanceId: string | null; wizard: WizardState }
  | { status: 'busy'; instanceId: string; action: FlowAction };

export type FlowEvent<I> =
  | { type: 'wizard'; wizard: WizardState }
  | { type: 'created'; instanceId: string }
  | { type: 'start'; action: FlowAction; instanceId: string }
  | { type: 'end'; outcome: FlowOutcome<I> }
  | { type: 'reset'; instanceId: string | null };

/** The one place the flow's state changes. Pure: the same state and event give the same state. */
export function reduceFlow<I extends InstanceStatus>(state: EnableFlowState<I>, event: FlowEvent<I>): EnableFlowState<I> {
  switch (event.type) {
    case 'wizard':
      return { status: 'wizard', instanceId: state.instanceId, wizard: event.wizard };
    case 'created':
      return { ...state, instanceId: event.instanceId };
    case 'start':
      return { status: 'busy', instanceId: event.instanceId, action: event.action };
    case 'end': {
      const { outcome } = event;
      // A removed instance is gone: the flow no longer acts on it.
      const removed = outcome.type === 'done' && outcome.action === 'remove';
      return { status: 'idle', instanceId: removed ? null : state.instanceId, outcome };
    }
    case 'reset':
      return { status: 'idle', instanceId: event.instanceId, outcome: null };
  }
}

/** The error of the last step, when it failed. */
export const flowError = (state: EnableFlowState<InstanceStatus>): TrayEmbeddedError | null =>
  state.status === 'idle' && state.outcome?.type === 'failed' ? state.outcome.error : null;
