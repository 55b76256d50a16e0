import { describeWizardError } from '../core/messageGuard.js';
import type { TrayEmbeddedError } from '../core/errors.js';
import type { EnablerLabels } from './labels.js';

export interface EnablerAlertProps {
  error: TrayEmbeddedError;
  labels: EnablerLabels;
  /** Reopens the wizard ("Finish setup", or "Try again" for wizard problems). */
  onFinishSetup: () => void;
  /** Repeats the failed enable, disable or load. */
  onRetry: () => void;
  /** Whether the error came from opening the wizard rather than from Tray's API. */
  fromWizard: boolean;
}

/** What went wrong, in a person's words, and the one next step that helps. */
export function EnablerAlert({ error, labels, onFinishSetup, onRetry, fromWizard }: EnablerAlertProps) {
  const { text, detail, action } = describe(error, labels, fromWizard);
  return (
    <div role="alert" className="rte-alert" data-code={error.code}>
      <p className="rte-alert__text">
        {text}
        {detail ? <span className="rte-alert__detail"> {detail}</span> : null}
      </p>
      {action === 'finish' || action === 'finish-or-retry' ? (
        <button type="button" className="rte-button rte-button--primary" onClick={onFinishSetup}>
          {labels.finishSetup}
        </button>
      ) : null}
      {action === 'retry' || action === 'finish-or-retry' ? (
        <button type="button" className="rte-button" onClick={fromWizard ? onFinishSetup : onRetry}>
          {labels.tryAgain}
        </button>
      ) : null}
    </div>
  );
}

type Action = 'finish' | 'retry' | 'finish-or-retry' | 'none';

function describe(error: TrayEmbeddedError, labels: EnablerLabels, fromWizard: boolean): { text: string; detail: string; action: Action } {
  switch (error.code) {
    case 'popup_blocked':
      return { text: labels.popupBlocked, detail: '', action: 'none' };
    case 'missing_values':
      return { text: labels.missingValues, detail: '', action: 'finish' };
    case 'network':
      return { text: labels.networkError, detail: '', action: 'retry' };
    case 'unauthenticated':
      return { text: labels.unauthenticated, detail: '', action: 'retry' };
    case 'wizard_error':
      return { text: labels.wizardError, detail: describeWizardError(error.details), action: 'retry' };
    case 'invalid_wizard_url':
      return { text: labels.wizardUnavailable, detail: '', action: 'retry' };
    case 'wizard_closed':
      return { text: labels.closedUnfinished, detail: '', action: 'retry' };
    case 'graphql': {
      if ((error.details as { reason?: string } | undefined)?.reason === 'not_found') {
        return { text: labels.notFound, detail: '', action: 'retry' };
      }
      return { text: labels.refused, detail: error.message, action: fromWizard ? 'retry' : 'finish-or-retry' };
    }
  }
}
