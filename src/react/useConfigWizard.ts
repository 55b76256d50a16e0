import { useEffect, useState, useSyncExternalStore } from 'react';
import { WizardSession, type WizardSessionOptions, type WizardState } from '../core/wizardSession.js';

export type UseConfigWizardOptions = WizardSessionOptions;

export interface UseConfigWizardResult {
  /** Opens the wizard popup. Call it directly in a click handler (popup blockers). */
  open: () => void;
  /** Closes the popup and returns to idle, calling no callback. */
  close: () => void;
  state: WizardState;
}

/**
 * The config wizard without any UI of ours: for partners who build their own button.
 * One `WizardSession` per component; callbacks may change every render without
 * re-attaching listeners. Unmounting closes the popup and removes every listener and timer.
 */
export function useConfigWizard(options: UseConfigWizardOptions): UseConfigWizardResult {
  const [session] = useState(() => new WizardSession(options));
  useEffect(() => {
    session.setOptions(options);
  });
  // StrictMode runs this cleanup between its two mounts: close() leaves the session reusable.
  useEffect(() => () => session.close(), [session]);
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  return { open: session.open, close: session.close, state };
}
