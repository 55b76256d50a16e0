import { useMemo, useRef, useState } from 'react';
import type { EnableFlowState } from '../../core/enableFlowState.js';
import type { TrayEmbeddedError } from '../../core/errors.js';
import type { GetWizardUrl } from '../../core/instancePort.js';
import { removeInstance } from '../../core/instanceActions.js';
import { AddFlow } from '../../core/addFlow.js';
import { autoEnables } from '../../core/solutionFields.js';
import type { ValidateRequest, ValidationErrors } from '../../core/messages.js';
import type { PopupSize } from '../../core/popup.js';
import type { Presentation } from '../../core/surface.js';
import type { WizardDialogLabels } from '../../core/dialogLabels.js';
import { IDLE_WIZARD, type WizardState } from '../../core/wizardSession.js';
import type { MarketplaceSolution } from '../../graphql/marketplace.js';
import { createMarketplacePort } from '../../graphql/marketplacePort.js';
import type { SolutionInstance } from '../../graphql/types.js';
import { useEnableFlow } from '../useEnableFlow.js';
import { useTrayClient } from '../useTrayClient.js';
import { useWizardUrlGetter } from '../useWizardUrlGetter.js';

/**
 * `creating` → `wizard` → `enabling` → `added`, or `creating` → `wizard` → `setUp` for a
 * solution whose `disableAutoEnable` leaves enabling to the partner. Ways off that path: `cancelled` (nothing was
 * created), `unfinished` (an instance was created but setup not finished: offer to remove it),
 * `removing` → `removed`, and `error` (see `failedStep`).
 */
export type AddStep = 'idle' | 'creating' | 'wizard' | 'enabling' | 'added' | 'setUp' | 'cancelled' | 'unfinished' | 'removing' | 'removed' | 'error';

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
  /** The wizard finished for a `disableAutoEnable` solution: set up, disabled, for the partner to enable. */
  onSetUp?: (instance: SolutionInstance) => void;
  /** The wizard was cancelled or closed unfinished; `instance` is what was created, if anything. */
  onCancel?: (instance: SolutionInstance | null) => void;
  onRemoved?: (solutionInstanceId: string) => void;
  onError?: (error: TrayEmbeddedError) => void;
  validate?: (request: ValidateRequest) => ValidationErrors | Promise<ValidationErrors>;
  /** Where the wizard shows: a popup opened in the click, or a dialog in the page. @default 'popup' */
  presentation?: Presentation;
  popupSize?: PopupSize;
  /** How long the wizard may stay silent before the status says it is not responding. @default 20000 */
  noResponseMs?: number;
  /** The in-page dialog's texts. */
  dialogLabels?: Partial<WizardDialogLabels>;
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
  /** After a blocked popup: the same step (create, then the wizard) in the page's dialog. */
  openHere: () => void;
  /** Removes the instance this flow created; call it only once the user confirmed. */
  remove: () => Promise<void>;
  /** Keeps the unfinished instance (it joins `kept`) and ends the flow; a notice (added, removed) just goes. */
  dismiss: () => void;
  /** Instances whose setup the user kept "for later" here, until finished or removed: each card says "Setup incomplete". */
  kept: SolutionInstance[];
  /** Reopens the wizard of a kept instance; on finish it is enabled. Call it in the click handler. */
  finishKept: (solution: MarketplaceSolution, instance: SolutionInstance) => void;
  /** True while a step runs or the user must decide about an unfinished instance. */
  isBusy: boolean;
}

/**
 * The catalog's "Add", bound to the core `EnableFlow`: the popup opens synchronously in the
 * click, blank, while `createSolutionInstance` runs; then the wizard for the new instance loads
 * in it; on finish the instance is enabled (with `errorOnEnablingWithMissingValues`). Closing
 * the wizard early never deletes anything: the step becomes `unfinished` and the UI asks.
 */
export function useAddSolution(options: UseAddSolutionOptions = {}): UseAddSolutionResult {
  const client = useTrayClient();
  const port = useMemo(() => createMarketplacePort(client), [client]);
  const [solution, setSolution] = useState<MarketplaceSolution | null>(null);
  // What this flow's create made; the flow itself keeps only its id.
  const made = useRef<SolutionInstance | null>(null);
  const [kept, setKept] = useState<SolutionInstance[]>([]);
  const forget = (id: string) => setKept((all) => (all.some((i) => i.id === id) ? all.filter((i) => i.id !== id) : all));
  const [flow, flowState] = useEnableFlow<SolutionInstance, AddFlow<SolutionInstance>>(
    {
    port,
    instanceId: null,
    getWizardUrl: useWizardUrlGetter(options.getWizardUrl),
    validate: options.validate,
    presentation: options.presentation,
    popupSize: options.popupSize,
    noResponseMs: options.noResponseMs,
    dialogLabels: options.dialogLabels,
    autoEnable: autoEnables(solution),
    onSetUp: () => made.current && options.onSetUp?.(made.current),
    onDone: (action, instance) => {
      forget(instance.id);
      if (action === 'remove') options.onRemoved?.(instance.id);
      else if (action === 'enable') options.onAdded?.(instance);
    },
    onCancel: () => options.onCancel?.(flow.getSnapshot().instanceId ? made.current : null),
    onError: (error) => options.onError?.(error),
    },
    AddFlow,
  );
  const state = { ...toAddState(flowState, made.current), solution };
  const isUnfinished = state.instance !== null && (state.step === 'unfinished' || state.step === 'error');
  const isBusy = ['creating', 'wizard', 'enabling', 'removing', 'unfinished'].includes(state.step) || (state.step === 'error' && state.instance !== null);

  return {
    state,
    wizard: flowState.status === 'wizard' ? flowState.wizard : IDLE_WIZARD,
    add: (chosen, instanceName) => {
      if (flowState.status === 'wizard') return flow.configure(); // focuses the wizard already open
      if (isBusy) return;
      setSolution(chosen);
      made.current = null;
      flow.add(() =>
        port.create({ solutionId: chosen.id, instanceName: instanceName?.trim() || chosen.title }).then((instance) => (made.current = instance)),
      );
    },
    finishKept: (chosen, instance) => {
      if (flowState.status === 'wizard') return flow.configure();
      if (isBusy) return;
      setSolution(chosen);
      // The Add flow again, whose "create" is the instance already made: cancelling it again
      // asks again; finishing enables it.
      made.current = instance;
      flow.add(() => Promise.resolve(instance));
    },
    kept,
    finishSetup: () => state.instance && flow.configure(),
    retry: flow.retry,
    openHere: () => flow.configure('dialog'),
    remove: async () => {
      if (state.instance) await removeInstance(flow, port, state.instance);
    },
    dismiss: () => {
      const unfinished = isUnfinished ? state.instance : null;
      if (unfinished) setKept((all) => [...all.filter((i) => i.id !== unfinished.id), unfinished]);
      flow.dismiss();
      setSolution(null);
    },
    isBusy,
  };
}

/** The flow's state in the Add flow's words. */
function toAddState(flow: EnableFlowState<SolutionInstance>, made: SolutionInstance | null): Omit<AddSolutionState, 'solution'> {
  const base = { instance: flow.instanceId ? made : null, error: null, failedStep: null };
  if (flow.status === 'wizard') return { ...base, step: flow.instanceId ? 'wizard' : 'creating' };
  if (flow.status === 'busy') return { ...base, step: flow.action === 'remove' ? 'removing' : 'enabling' };
  const { outcome } = flow;
  if (!outcome) return { ...base, step: 'idle' };
  if (outcome.type === 'cancelled') return { ...base, step: base.instance ? 'unfinished' : 'cancelled' };
  if (outcome.type === 'setUp') return { ...base, step: 'setUp' };
  if (outcome.type === 'done') return { ...base, step: outcome.action === 'remove' ? 'removed' : 'added', instance: outcome.action === 'remove' ? null : outcome.instance };
  return { ...base, step: 'error', error: outcome.error, failedStep: outcome.step as AddSolutionState['failedStep'] };
}
