import { useEffect, useRef, useState } from 'react';
import type { TrayEmbeddedError } from '../../core/errors.js';
import type { ValidateRequest, ValidationErrors } from '../../core/messages.js';
import type { PopupSize } from '../../core/popup.js';
import type { WizardState } from '../../core/wizardSession.js';
import type { MarketplaceSolution } from '../../graphql/marketplace.js';
import type { SolutionInstance } from '../../graphql/types.js';
import { useConfigWizard } from '../useConfigWizard.js';
import { createInstance, enableInstance, removeInstance } from './instanceMutations.js';
import { useTrayClient } from '../useTrayClient.js';
import { useWizardUrlGetter, type GetWizardUrl } from './useWizardUrlGetter.js';

/**
 * `creating` → `wizard` → `enabling` → `added`. Ways off that path: `cancelled` (nothing was
 * created), `unfinished` (an instance was created but setup not finished: offer to remove it),
 * `removing` → `removed`, and `error` (see `failedStep`).
 */
export type AddStep = 'idle' | 'creating' | 'wizard' | 'enabling' | 'added' | 'cancelled' | 'unfinished' | 'removing' | 'removed' | 'error';

export interface AddSolutionState {
  step: AddStep;
  solution: MarketplaceSolution | null;
  /** Created by this flow and not removed; `null` before Tray answered the create. */
  instance: SolutionInstance | null;
  error: TrayEmbeddedError | null;
  /** With `error`: what `retry` repeats. */
  failedStep: 'create' | 'wizard' | 'enable' | 'remove' | null;
}

export interface UseAddSolutionOptions {
  /**
   * Resolves to a wizard URL with a fresh code; from here, else from `TrayEmbeddedProvider`.
   * @default createWizardUrlFetcher(): POST /api/tray/wizard-url
   */
  getWizardUrl?: GetWizardUrl;
  /** The new instance is enabled: the server confirmed `enabled: true`. */
  onAdded?: (instance: SolutionInstance) => void;
  /** The wizard was cancelled or closed unfinished; `instance` is what was created, if anything. */
  onCancel?: (instance: SolutionInstance | null) => void;
  onRemoved?: (solutionInstanceId: string) => void;
  onError?: (error: TrayEmbeddedError) => void;
  validate?: (request: ValidateRequest) => ValidationErrors | Promise<ValidationErrors>;
  popupSize?: PopupSize;
}

export interface UseAddSolutionResult {
  state: AddSolutionState;
  wizard: WizardState;
  /** Creates an instance and opens its wizard. Call it in the click handler (popup blockers). */
  add: (solution: MarketplaceSolution, instanceName?: string) => void;
  /** Reopens the wizard for the instance this flow created. Call it in a click handler. */
  finishSetup: () => void;
  /** Repeats the failed step. Call it in a click handler: it may open the wizard. */
  retry: () => void;
  /** Removes the instance this flow created; call it only once the user confirmed. */
  remove: () => Promise<void>;
  /** Keeps the unfinished instance and ends the flow. */
  dismiss: () => void;
  /** True while a step runs or the user must decide about an unfinished instance. */
  isBusy: boolean;
}

type Flow = { solution: MarketplaceSolution; name: string; instance: SolutionInstance | null; creating: Promise<SolutionInstance> | null };

const IDLE: AddSolutionState = { step: 'idle', solution: null, instance: null, error: null, failedStep: null };

/**
 * The catalog's "Add": the popup opens synchronously in the click, blank, while
 * `createSolutionInstance` runs; then the wizard for the new instance loads in it; on finish
 * the instance is enabled (with `errorOnEnablingWithMissingValues`). Closing the wizard early
 * never deletes anything: the state becomes `unfinished` and the UI asks.
 */
export function useAddSolution(options: UseAddSolutionOptions = {}): UseAddSolutionResult {
  const client = useTrayClient();
  const getWizardUrl = useWizardUrlGetter(options.getWizardUrl);
  const [state, setState] = useState<AddSolutionState>(IDLE);
  const flow = useRef<Flow | null>(null);
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  const update = (patch: Partial<AddSolutionState>) => setState((current) => ({ ...current, ...patch }));
  const fail = (failedStep: AddSolutionState['failedStep'], error: TrayEmbeddedError) => {
    update({ step: 'error', error, failedStep, instance: flow.current?.instance ?? null });
    callbacks.current.onError?.(error);
  };

  const ensureInstance = (current: Flow): Promise<SolutionInstance> => {
    if (current.instance) return Promise.resolve(current.instance);
    current.creating ??= createInstance(client, current.solution.id, current.name).then(
      (instance) => {
        current.instance = instance;
        if (flow.current === current) update({ step: 'wizard', instance });
        return instance;
      },
      (error: TrayEmbeddedError) => {
        current.creating = null;
        throw error;
      },
    );
    return current.creating;
  };

  const enable = async () => {
    const instance = flow.current?.instance;
    if (!instance) return;
    update({ step: 'enabling', error: null, failedStep: null });
    try {
      const enabled = await enableInstance(client, instance.id);
      update({ step: 'added', instance: enabled });
      callbacks.current.onAdded?.(enabled);
    } catch (error) {
      fail('enable', error as TrayEmbeddedError);
    }
  };

  const wizard = useConfigWizard({
    getWizardUrl: async () => getWizardUrl((await ensureInstance(flow.current!)).id),
    onFinish: () => void enable(),
    onCancel: () => {
      const current = flow.current;
      // Closed while the create was still running: wait for its answer before deciding.
      void (current?.creating ?? Promise.resolve(current?.instance ?? null)).catch(() => null).then((instance) => {
        if (flow.current !== current) return;
        update(instance ? { step: 'unfinished', instance } : { step: 'cancelled' });
        callbacks.current.onCancel?.(instance);
      });
    },
    onError: (error) => fail(flow.current?.instance ? 'wizard' : 'create', error),
    validate: options.validate,
    popupSize: options.popupSize,
  });

  const isWizardOpen = wizard.state.status === 'opening' || wizard.state.status === 'open';
  const isBusy = isWizardOpen || ['creating', 'enabling', 'removing', 'unfinished'].includes(state.step) || (state.step === 'error' && state.instance !== null);

  const add = (solution: MarketplaceSolution, instanceName?: string) => {
    if (isWizardOpen) return wizard.open(); // focuses the wizard already open
    if (isBusy) return;
    flow.current = { solution, name: instanceName?.trim() || solution.title, instance: null, creating: null };
    setState({ ...IDLE, step: 'creating', solution });
    wizard.open();
  };

  const finishSetup = () => {
    if (!flow.current?.instance) return;
    update({ step: 'wizard', error: null, failedStep: null });
    wizard.open();
  };

  const remove = async () => {
    const instance = flow.current?.instance;
    if (!instance) return;
    update({ step: 'removing', error: null, failedStep: null });
    try {
      await removeInstance(client, instance.id);
      flow.current = { ...flow.current!, instance: null };
      update({ step: 'removed', instance: null });
      callbacks.current.onRemoved?.(instance.id);
    } catch (error) {
      fail('remove', error as TrayEmbeddedError);
    }
  };

  const retry = () => {
    const current = flow.current;
    if (!current) return;
    if (state.failedStep === 'enable') void enable();
    else if (state.failedStep === 'remove') void remove();
    else if (current.instance) finishSetup();
    else {
      setState({ ...IDLE, step: 'creating', solution: current.solution });
      wizard.open();
    }
  };

  const dismiss = () => {
    wizard.close();
    flow.current = null;
    setState(IDLE);
  };

  return { state, wizard: wizard.state, add, finishSetup, retry, remove, dismiss, isBusy };
}
