import { describeWizardError } from '../core/messageGuard.js';
import type { TrayEmbeddedError, TrayEmbeddedErrorCode } from '../core/errors.js';
import type { EnablerLabels } from './labels.js';

export interface EnablerAlertProps {
  error: TrayEmbeddedError;
  labels: EnablerLabels;
  /** Reopens the wizard ("Finish setup"; "Try again" after a wizard problem). */
  onFinishSetup: () => void;
  /** Repeats the failed enable, disable or load. */
  onRetry: () => void;
}

/**
 * For each error code: the label that explains it, whether "Finish setup" helps, whether
 * "Try again" does. The marketplace's alert reads the labels from here too.
 */
export const NEXT_STEP: Record<TrayEmbeddedErrorCode, [keyof EnablerLabels, boolean, boolean]> = {
  popup_blocked: ['popupBlocked', false, false],
  missing_values: ['missingValues', true, false],
  graphql: ['refused', true, true],
  network: ['networkError', false, true],
  unauthenticated: ['unauthenticated', false, true],
  wizard_error: ['wizardError', false, true],
  invalid_wizard_url: ['wizardUnavailable', false, true],
  wizard_closed: ['closedUnfinished', false, true],
};

/** What went wrong, in a person's words, and the next step that helps. */
export function EnablerAlert({ error, labels, onFinishSetup, onRetry }: EnablerAlertProps) {
  const { code } = error;
  const [label, canFinish, canRetry] = NEXT_STEP[code];
  // Tray's and the wizard's own words follow ours: they are often the most specific.
  // (Only the wizard's data.err reads as text among the other codes' details.)
  const detail = code === 'graphql' ? error.message : describeWizardError(error.details);
  return (
    <div role="alert" className="rte-alert">
      <p className="rte-alert__text">
        {labels[label]} {detail}
      </p>
      {canFinish && (
        <button type="button" className="rte-button rte-button--primary" onClick={onFinishSetup}>
          {labels.finishSetup}
        </button>
      )}
      {canRetry && (
        <button type="button" className="rte-button" onClick={code.includes('wizard') ? onFinishSetup : onRetry}>
          {labels.tryAgain}
        </button>
      )}
    </div>
  );
}
