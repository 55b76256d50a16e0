import { AuthDialogSession, type AuthDialogSessionOptions } from '../core/authDialogSession.js';
import type { OpenWith } from '../core/surface.js';
import type { WizardState } from '../core/wizardPopup.js';
import { useWindowSession } from './useWindowSession.js';

export type UseAuthDialogOptions = AuthDialogSessionOptions;

export interface UseAuthDialogResult {
  /** Opens Tray's auth-only dialog: in the click handler for a popup; `'dialog'` in the page. */
  open: (presentation?: OpenWith) => void;
  /** Closes it and returns to idle, calling no callback. */
  close: () => void;
  state: WizardState;
}

/**
 * Tray's auth-only dialog, to connect or repair one authentication without the whole wizard:
 * `onFinish({ authId, authType })`, then the caller sets it on the instance (My integrations'
 * Reconnect does). The same guarantees as `useConfigWizard`: exact origin and source, one
 * ending, everything removed on unmount.
 */
export function useAuthDialog(options: UseAuthDialogOptions): UseAuthDialogResult {
  const [session, state] = useWindowSession(() => new AuthDialogSession(options), options);
  return { open: session.open, close: session.close, state };
}
