import { useEffect, useRef, useState } from 'react';
import { TrayEmbeddedError } from '../../core/errors.js';
import type { PopupSize } from '../../core/popup.js';
import type { WizardState } from '../../core/wizardSession.js';
import { disableInput } from '../../graphql/inputs.js';
import type { SolutionInstance } from '../../graphql/types.js';
import { toTrayError } from '../toTrayError.js';
import { useConfigWizard } from '../useConfigWizard.js';
import { enableInstance, removeInstance, updateInstance, upgradeInstance } from './instanceMutations.js';
import { useTrayClient } from '../useTrayClient.js';
import { useWizardUrlGetter, type GetWizardUrl } from './useWizardUrlGetter.js';

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

/**
 * What a user does to one of their instances. Never optimistic: the row changes when the
 * server's answer reaches the Apollo cache; after a failure the list is reloaded, so it shows
 * what the server has. One action at a time per instance.
 */
export function useInstanceActions(instance: SolutionInstance, options: UseInstanceActionsOptions = {}): UseInstanceActionsResult {
  const client = useTrayClient();
  const getWizardUrl = useWizardUrlGetter(options.getWizardUrl);
  const [running, setRunning] = useState<InstanceAction | null>(null);
  const [failure, setFailure] = useState<{ action: InstanceAction; error: TrayEmbeddedError; retry: () => void } | null>(null);
  const inFlight = useRef(false);
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });
  const { id } = instance;

  const fail = (action: InstanceAction, error: TrayEmbeddedError, retry: () => void) => {
    setFailure({ action, error, retry });
    callbacks.current.onError?.(error, action);
  };

  const perform = async (action: Exclude<InstanceAction, 'reconfigure'>, work: () => Promise<SolutionInstance | void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRunning(action);
    setFailure(null);
    try {
      const answer = await work();
      callbacks.current.onDone?.(action, answer ?? instance);
    } catch (cause) {
      fail(action, cause instanceof TrayEmbeddedError ? cause : toTrayError(cause, 'load'), () => void perform(action, work));
      void callbacks.current.refresh?.();
    } finally {
      inFlight.current = false;
      setRunning(null);
    }
  };

  const enable = () => perform('enable', () => enableInstance(client, id));
  const wizard = useConfigWizard({
    getWizardUrl: () => getWizardUrl(id),
    onFinish: () => void enable(),
    onCancel: () => callbacks.current.onWizardCancel?.(),
    onError: (error) => fail('reconfigure', error, reconfigure),
    popupSize: options.popupSize,
  });

  function reconfigure() {
    if (inFlight.current) return;
    setFailure(null);
    wizard.open();
  }

  const isWizardOpen = wizard.state.status === 'opening' || wizard.state.status === 'open';
  return {
    pending: running ?? (isWizardOpen ? 'reconfigure' : null),
    error: failure?.error ?? null,
    failedAction: failure?.action ?? null,
    wizard: wizard.state,
    enable,
    disable: () => perform('disable', () => updateInstance(client, disableInput(id))),
    rename: (name) => perform('rename', () => updateInstance(client, { solutionInstanceId: id, instanceName: name })),
    remove: () => perform('remove', () => removeInstance(client, id)),
    upgrade: () => {
      if (inFlight.current || isWizardOpen) return;
      if (instance.solutionVersionFlags.requiresUserInputToUpdateVersion) reconfigure();
      else void perform('upgrade', () => upgradeInstance(client, id));
    },
    reconfigure,
    retry: () => failure?.retry(),
  };
}
