import { useMemo } from 'react';
import { flowError } from '../../core/enableFlowState.js';
import type { TrayEmbeddedError } from '../../core/errors.js';
import type { GetWizardUrl } from '../../core/instancePort.js';
import { removeInstance, renameInstance, upgradeInstance } from '../../core/instanceActions.js';
import type { PopupSize } from '../../core/popup.js';
import { IDLE_WIZARD, type WizardState } from '../../core/wizardSession.js';
import { createMarketplacePort } from '../../graphql/marketplacePort.js';
import type { SolutionInstance } from '../../graphql/types.js';
import { useEnableFlow } from '../useEnableFlow.js';
import { useTrayClient } from '../useTrayClient.js';
import { useWizardUrlGetter } from '../useWizardUrlGetter.js';

export type InstanceAction = 'enable' | 'disable' | 'rename' | 'remove' | 'upgrade' | 'reconfigure';

export interface UseInstanceActionsOptions {
  getWizardUrl?: GetWizardUrl;
  /** An action succeeded; `instance` is the server's answer (the removed one for `remove`). */
  onDone?: (action: Exclude<InstanceAction, 'reconfigure'>, instance: SolutionInstance) => void;
  /** The wizard was cancelled or closed unfinished: nothing changed. */
  onWizardCancel?: () => void;
  onError?: (error: TrayEmbeddedError, action: InstanceAction) => void;
  /** Reloads the list after a failure, so the row shows what the server has. */
  refresh?: () => Promise<unknown>;
  popupSize?: PopupSize;
}

export interface UseInstanceActionsResult {
  /** What runs now; `reconfigure` while the wizard is open. */
  pending: InstanceAction | null;
  error: TrayEmbeddedError | null;
  failedAction: InstanceAction | null;
  wizard: WizardState;
  enable: () => Promise<void>;
  disable: () => Promise<void>;
  rename: (name: string) => Promise<void>;
  remove: () => Promise<void>;
  /** `upgradeSolutionInstance`, or the wizard then enable when Tray needs the user's input. Call in a click. */
  upgrade: () => void;
  /** Opens the wizard; on finish, enables. Call it in the click handler (popup blockers). */
  reconfigure: () => void;
  /** Repeats the failed action. Call it in a click handler: it may open the wizard. */
  retry: () => void;
}

/** A wizard or create step is what Reconfigure started. */
const asAction = (step: string): InstanceAction => (step === 'wizard' || step === 'create' ? 'reconfigure' : (step as InstanceAction));
const settle = (promise: Promise<unknown>) => promise.then(() => undefined);

/**
 * What a user does to one of their instances, bound to the core `EnableFlow`. Never optimistic:
 * the row changes when the server's answer reaches the Apollo cache; after a failure the list
 * is reloaded, so it shows what the server has. One action at a time per instance.
 */
export function useInstanceActions(instance: SolutionInstance, options: UseInstanceActionsOptions = {}): UseInstanceActionsResult {
  const client = useTrayClient();
  const port = useMemo(() => createMarketplacePort(client), [client]);
  const [flow, state] = useEnableFlow({
    port,
    instanceId: instance.id,
    getWizardUrl: useWizardUrlGetter(options.getWizardUrl),
    popupSize: options.popupSize,
    refresh: options.refresh,
    onDone: (action, answer) => options.onDone?.(action, answer),
    onCancel: () => options.onWizardCancel?.(),
    onError: (error, step) => options.onError?.(error, asAction(step)),
  });
  const outcome = state.status === 'idle' ? state.outcome : null;

  return {
    pending: state.status === 'busy' ? state.action : state.status === 'wizard' ? 'reconfigure' : null,
    error: flowError(state),
    failedAction: outcome?.type === 'failed' ? asAction(outcome.step) : null,
    wizard: state.status === 'wizard' ? state.wizard : IDLE_WIZARD,
    enable: () => settle(flow.enable()),
    disable: () => settle(flow.disable()),
    rename: (name) => settle(renameInstance(flow, port, name)),
    remove: () => settle(removeInstance(flow, port, instance)),
    upgrade: () => upgradeInstance(flow, port, instance.solutionVersionFlags.requiresUserInputToUpdateVersion),
    reconfigure: () => flow.configure(),
    retry: flow.retry,
  };
}
