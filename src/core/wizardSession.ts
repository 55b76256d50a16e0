import type { TrayEmbeddedError } from './errors.js';
import type { WizardUrlRequest } from './instancePort.js';
import type { WizardReport } from './messages.js';
import { IDLE_WIZARD, WizardPopup, type WizardPopupOptions, type WizardState } from './wizardPopup.js';

export { IDLE_WIZARD };
export type { WizardState, WizardStatus } from './wizardPopup.js';

export interface WizardSessionOptions extends WizardPopupOptions {
  /**
   * Resolves to the wizard URL, minted by the backend with a fresh authorization code;
   * `request.customValidation` is true exactly when `validate` is given.
   */
  getWizardUrl: (request: WizardUrlRequest) => Promise<string> | string;
  /** `report.solutionInstanceId`: what the wizard said it finished, where it says so. */
  onFinish?: (report: WizardReport) => void;
  /** `cancel`: the wizard's Cancel; `closed`: the popup or dialog was closed before finishing. */
  onCancel?: (reason: 'cancel' | 'closed', report: WizardReport) => void;
  onError?: (error: TrayEmbeddedError, report: WizardReport) => void;
}

/**
 * One config wizard at a time for one widget, on its own, in a popup or in the page's dialog
 * (`presentation`): its state is the wizard's
 * (`opening`, `open`, then exactly one of finished, cancelled or error) and each ending calls
 * one callback. Framework-agnostic; `useConfigWizard` binds it to React through
 * `subscribe`/`getSnapshot`. `EnableFlow` is the same wizard with the enable around it.
 */
export class WizardSession extends WizardPopup<WizardState, WizardSessionOptions> {
  constructor(options: WizardSessionOptions) {
    super(IDLE_WIZARD, options);
  }

  protected wizardUrl(request: WizardUrlRequest) {
    return this.options.getWizardUrl(request);
  }

  protected wizardChanged(wizard: WizardState): void {
    this.set(wizard);
  }

  protected finished(report: WizardReport): void {
    this.options.onFinish?.(report);
  }

  protected cancelled(reason: 'cancel' | 'closed', report: WizardReport): void {
    this.options.onCancel?.(reason, report);
  }

  protected failed(error: TrayEmbeddedError, report: WizardReport): void {
    this.options.onError?.(error, report);
  }
}
