import type { TrayEmbeddedError } from './errors.js';
import { IDLE_WIZARD, WizardPopup, type WizardPopupOptions, type WizardState } from './wizardPopup.js';

export { IDLE_WIZARD };
export type { WizardState, WizardStatus } from './wizardPopup.js';

export interface WizardSessionOptions extends WizardPopupOptions {
  /** Resolves to the wizard URL, minted by the backend with a fresh authorization code. */
  getWizardUrl: () => Promise<string> | string;
  onFinish?: () => void;
  /** `cancel`: the wizard's Cancel; `closed`: the popup was closed before finishing. */
  onCancel?: (reason: 'cancel' | 'closed') => void;
  onError?: (error: TrayEmbeddedError) => void;
}

/**
 * One config wizard at a time for one widget, on its own: its state is the wizard's
 * (`opening`, `open`, then exactly one of finished, cancelled or error) and each ending calls
 * one callback. Framework-agnostic; `useConfigWizard` binds it to React through
 * `subscribe`/`getSnapshot`. `EnableFlow` is the same wizard with the enable around it.
 */
export class WizardSession extends WizardPopup<WizardState, WizardSessionOptions> {
  constructor(options: WizardSessionOptions) {
    super(IDLE_WIZARD, options);
  }

  protected wizardUrl() {
    return this.options.getWizardUrl();
  }

  protected wizardChanged(wizard: WizardState): void {
    this.set(wizard);
  }

  protected finished(): void {
    this.options.onFinish?.();
  }

  protected cancelled(reason: 'cancel' | 'closed'): void {
    this.options.onCancel?.(reason);
  }

  protected failed(error: TrayEmbeddedError): void {
    this.options.onError?.(error);
  }
}
