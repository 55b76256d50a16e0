import { useMemo } from 'react';
import { flowError } from '../../core/enableFlowState.js';
import type { TrayEmbeddedError } from '../../core/errors.js';
import type { GetAuthUrl } from '../../core/fetchAuthUrl.js';
import type { GetWizardUrl } from '../../core/instancePort.js';
import { removeInstance, renameInstance, upgradeInstance } from '../../core/instanceActions.js';
import type { PopupSize } from '../../core/popup.js';
import type { OpenWith, Presentation } from '../../core/surface.js';
import type { WizardDialogLabels } from '../../core/dialogLabels.js';
import { IDLE_WIZARD, type WizardState } from '../../core/wizardSession.js';
import { autoEnables } from '../../core/solutionFields.js';
import { createMarketplacePort } from '../../graphql/marketplacePort.js';
import type { AuthSlot, SolutionInstance } from '../../graphql/types.js';
import { useEnableFlow } from '../useEnableFlow.js';
import { useTrayClient } from '../useTrayClient.js';
import { useWizardUrlGetter } from '../useWizardUrlGetter.js';
import { useAuthUrlGetter } from './useAuthUrlGetter.js';
import { useReconnect } from './useReconnect.js';

export type InstanceAction = 'enable' | 'disable' | 'rename' | 'remove' | 'upgrade' | 'reconnect' | 'reconfigure';

export interface UseInstanceActionsOptions {
  getWizardUrl?: GetWizardUrl;
  /** For Reconnect; from here, else `TrayEmbeddedProvider`'s, else POST /api/tray/auth-url. */
  getAuthUrl?: GetAuthUrl;
  /** An action succeeded; `instance` is the server's answer (the removed one for `remove`). */
  onDone?: (action: Exclude<InstanceAction, 'reconfigure'>, instance: SolutionInstance) => void;
  /** The wizard was cancelled or closed unfinished: nothing changed. */
  onWizardCancel?: () => void;
  /** The auth dialog was closed before it finished: nothing changed. */
  onReconnectCancel?: () => void;
  onError?: (error: TrayEmbeddedError, action: InstanceAction) => void;
  /** Reloads the list after a failure, so the row shows what the server has. */
  refresh?: () => Promise<unknown>;
  /** Where the wizard and the auth dialog show: a popup, or a dialog in the page. @default 'popup' */
  presentation?: Presentation;
  popupSize?: PopupSize;
  /** @default 20000 (the wizard; the auth dialog is never called unresponsive) */
  noResponseMs?: number;
  /** The in-page dialog's texts. */
  dialogLabels?: Partial<WizardDialogLabels>;
  /** The auth dialog's title for a slot (its `dialogTitle`). */
  reconnectTitle?: (slotTitle: string) => string;
  /** Answered to the auth dialog's `tray.authpopup.accountIdRequest` (Tray's enhanced session security). */
  accountId?: string;
  /** Offers "Finish setup" when the partner's server refused an enable. @default false */
  offerSetupWhenRefused?: boolean;
}

export interface UseInstanceActionsResult {
  /** What runs now; `reconfigure` while the wizard is open, `reconnect` while the auth dialog is. */
  pending: InstanceAction | null;
  error: TrayEmbeddedError | null;
  failedAction: InstanceAction | null;
  /** The wizard's state, or the auth dialog's while Reconnect runs. */
  wizard: WizardState;
  /** The auth slot whose dialog is open. */
  reconnecting: AuthSlot | null;
  /** The wizard finished and the solution's `disableAutoEnable` leaves enabling to the partner. */
  isAwaitingActivation: boolean;
  enable: () => Promise<void>;
  disable: () => Promise<void>;
  rename: (name: string) => Promise<void>;
  remove: () => Promise<void>;
  /** `upgradeSolutionInstance`, or the wizard then enable when Tray needs the user's input. Call in a click. */
  upgrade: () => void;
  /** Opens the wizard; on finish, enables. Call it in the click handler (popup blockers). */
  reconfigure: (presentation?: OpenWith) => void;
  /**
   * Opens Tray's auth-only dialog for one of the solution's auth slots; on finish, sets that
   * slot's `authValues` (keeping the others). Call it in the click handler.
   */
  reconnect: (slot: AuthSlot, presentation?: OpenWith) => void;
  /** Repeats the failed action. Call it in a click handler: it may open the wizard. */
  retry: () => void;
  /** After a blocked popup: the same wizard (or auth dialog) in the page. Call it in a click. */
  openHere: () => void;
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
    presentation: options.presentation,
    popupSize: options.popupSize,
    noResponseMs: options.noResponseMs,
    dialogLabels: options.dialogLabels,
    autoEnable: autoEnables(instance.solution),
    refresh: options.refresh,
    onDone: (action, answer) => options.onDone?.(action, answer),
    onCancel: () => options.onWizardCancel?.(),
    onError: (error, step) => options.onError?.(error, asAction(step)),
  });
  const auth = useReconnect({
    flow,
    flowState: state,
    port,
    instance,
    getAuthUrl: useAuthUrlGetter(options.getAuthUrl),
    presentation: options.presentation,
    popupSize: options.popupSize,
    dialogLabels: options.dialogLabels,
    dialogTitle: options.reconnectTitle,
    accountId: options.accountId,
    onCancel: options.onReconnectCancel,
    onError: (error) => options.onError?.(error, 'reconnect'),
  });
  const outcome = state.status === 'idle' ? state.outcome : null;
  const isAuthOpen = auth.dialog.status === 'opening' || auth.dialog.status === 'open';
  // A failed auth dialog is the row's latest step: opening it dismissed the flow's outcome.
  const authError = auth.dialog.status === 'error' ? auth.dialog.error : null;
  const again = (presentation?: OpenWith) => auth.slot && auth.reconnect(auth.slot, presentation);

  return {
    pending: state.status === 'busy' ? state.action : state.status === 'wizard' ? 'reconfigure' : isAuthOpen ? 'reconnect' : null,
    error: authError ?? flowError(state),
    failedAction: authError ? 'reconnect' : outcome?.type === 'failed' ? asAction(outcome.step) : null,
    wizard: state.status === 'wizard' ? state.wizard : isAuthOpen ? auth.dialog : IDLE_WIZARD,
    reconnecting: isAuthOpen ? auth.slot : null,
    isAwaitingActivation: outcome?.type === 'setUp' && !instance.enabled,
    enable: () => settle(flow.enable()),
    disable: () => settle(flow.disable()),
    rename: (name) => settle(renameInstance(flow, port, name)),
    remove: () => settle(removeInstance(flow, port, instance)),
    upgrade: () => upgradeInstance(flow, port, instance.solutionVersionFlags.requiresUserInputToUpdateVersion),
    reconfigure: (presentation) => flow.configure(presentation),
    reconnect: auth.reconnect,
    retry: () => (authError ? again() : flow.retry()),
    openHere: () => (authError ? again('dialog') : flow.configure('dialog')),
  };
}
