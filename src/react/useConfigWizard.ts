import type { OpenWith } from '../core/surface.js';
import { WizardSession, type WizardSessionOptions, type WizardState } from '../core/wizardSession.js';
import { useWindowSession } from './useWindowSession.js';

export type UseConfigWizardOptions = WizardSessionOptions;

export interface UseConfigWizardResult {
  /**
   * Opens the wizard: a popup (call it directly in a click handler: popup blockers), or the
   * page's dialog with `presentation: 'dialog'`. `open('dialog')` shows it, and every later
   * one, in the page (the way out of a blocked popup).
   */
  open: (presentation?: OpenWith) => void;
  /** Closes the popup or dialog and returns to idle, calling no callback. */
  close: () => void;
  state: WizardState;
}

/**
 * The config wizard without any UI of ours: for partners who build their own button.
 * One `WizardSession` per component; callbacks may change every render without
 * re-attaching listeners. Unmounting closes the wizard and removes every listener and timer.
 */
export function useConfigWizard(options: UseConfigWizardOptions): UseConfigWizardResult {
  const [session, state] = useWindowSession(() => new WizardSession(options), options);
  return { open: session.open, close: session.close, state };
}
