import { useEffect, useRef } from 'react';
import { AuthDialogSession, type AuthDialogSessionOptions } from '../../core/authDialogSession.js';
import type { EnableFlow } from '../../core/enableFlow.js';
import type { EnableFlowState } from '../../core/enableFlowState.js';
import type { TrayEmbeddedError } from '../../core/errors.js';
import type { GetAuthUrl } from '../../core/fetchAuthUrl.js';
import { reconnectInstance } from '../../core/instanceActions.js';
import type { InstancePort } from '../../core/instancePort.js';
import type { OpenWith } from '../../core/surface.js';
import type { WizardState } from '../../core/wizardPopup.js';
import type { AuthSlot, SolutionInstance } from '../../graphql/types.js';
import { useLatest } from '../useLatest.js';
import { useWindowSession } from '../useWindowSession.js';

export interface UseReconnectOptions extends Pick<AuthDialogSessionOptions, 'presentation' | 'popupSize' | 'dialogLabels' | 'noResponseMs' | 'accountId'> {
  flow: EnableFlow<SolutionInstance>;
  flowState: EnableFlowState<SolutionInstance>;
  port: InstancePort<SolutionInstance>;
  instance: SolutionInstance;
  getAuthUrl: GetAuthUrl;
  /** The dialog's title for a slot. */
  dialogTitle?: (slotTitle: string) => string;
  onCancel?: () => void;
  onError?: (error: TrayEmbeddedError) => void;
}

export interface UseReconnectResult {
  /** Opens Tray's auth-only dialog for `slot`; call it in the click (popup blockers). */
  reconnect: (slot: AuthSlot, presentation?: OpenWith) => void;
  /** The slot last reconnected (or being reconnected). */
  slot: AuthSlot | null;
  dialog: WizardState;
}

/**
 * One instance's Reconnect: the auth-only dialog for one of its auth slots (edit when the slot
 * has an authentication, create when not), then, on finish, the row's `EnableFlow` runs
 * `updateSolutionInstance` with that slot's new `authValues` and the others kept, with the
 * flow's one-at-a-time, outcome, retry and refresh. A direct action on the row ends the dialog.
 */
export function useReconnect(options: UseReconnectOptions): UseReconnectResult {
  const { flow, port } = options;
  const slot = useRef<AuthSlot | null>(null);
  const latest = useLatest(options);
  const sessionOptions = (current: AuthSlot | null): AuthDialogSessionOptions => ({
    presentation: options.presentation,
    popupSize: options.popupSize,
    noResponseMs: options.noResponseMs,
    accountId: options.accountId,
    dialogLabels: current && options.dialogTitle ? { ...options.dialogLabels, dialogTitle: options.dialogTitle(current.title) } : options.dialogLabels,
    getAuthUrl: () => {
      const { instance, getAuthUrl } = latest.current;
      const { externalId } = slot.current!;
      const value = instance.authValues?.find((other) => other.externalId === externalId);
      return getAuthUrl(value ? { solutionInstanceId: instance.id, authId: value.authId } : { solutionInstanceId: instance.id, externalAuthId: externalId });
    },
    onFinish: ({ authId }) => void reconnectInstance(flow, port, latest.current.instance.authValues ?? [], { externalId: slot.current!.externalId, authId }),
    onClose: () => latest.current.onCancel?.(),
    onError: (error) => latest.current.onError?.(error),
  });
  const [session, dialog] = useWindowSession(() => new AuthDialogSession(sessionOptions(null)), sessionOptions(slot.current));

  const isFlowIdle = options.flowState.status === 'idle';
  useEffect(() => {
    // Another change of this row started (or the wizard opened): it ends the dialog.
    if (!isFlowIdle) session.close();
  }, [isFlowIdle, session]);

  return {
    reconnect: (chosen, presentation) => {
      if (options.flowState.status === 'busy') return;
      // One dialog at a time: while one is up, asking again brings it forward.
      if (dialog.status === 'opening' || dialog.status === 'open') return session.open();
      slot.current = chosen;
      flow.dismiss(); // a new step: the row's last outcome and any open wizard go
      session.setOptions(sessionOptions(chosen)); // this slot's title, before the dialog is made
      session.open(presentation);
    },
    slot: slot.current,
    dialog,
  };
}
