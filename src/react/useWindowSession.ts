import { useEffect, useState, useSyncExternalStore } from 'react';
import type { WizardPopupOptions, WizardState } from '../core/wizardPopup.js';
import type { WizardPopup } from '../core/wizardPopup.js';

/**
 * Binds one core session of a Tray page (`WizardSession`, `AuthDialogSession`) to a component:
 * made once, given the latest options after every render (callbacks may change freely, nothing
 * is re-attached), its state read with `useSyncExternalStore`, closed on unmount.
 */
export function useWindowSession<O extends WizardPopupOptions, T extends WizardPopup<WizardState, O>>(create: () => T, options: O): [T, WizardState] {
  const [session] = useState(create);
  useEffect(() => {
    session.setOptions(options);
  });
  // StrictMode runs this cleanup between its two mounts: close() leaves the session reusable.
  useEffect(() => () => session.close(), [session]);
  return [session, useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot)];
}
