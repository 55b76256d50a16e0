import type { ReactNode } from 'react';
import type { TrayEmbeddedError } from '../core/errors.js';
import { missingSettings } from '../core/errorRules.js';
import { describeWizardError } from '../core/messageGuard.js';
import type { ErrorLabels } from './labels.js';
import { NEXT_STEP } from './nextStep.js';

export interface TrayAlertProps {
  error: TrayEmbeddedError;
  labels: ErrorLabels;
  /** Repeats what failed ("Try again"), where repeating can help. */
  onRetry?: () => void;
  /** Opens the wizard ("Finish setup"); given where a wizard belongs to what failed. */
  onFinishSetup?: () => void;
  /** After a blocked popup: opens the same page in the page's dialog ("Open here"). */
  onOpenHere?: () => void;
  /** Offers "Finish setup" after the partner refused an enable (`refused`), e.g. when its reason is a setting. */
  offerSetupWhenRefused?: boolean;
  /** Says what failed before saying why, e.g. "Could not add “Slack alerts”." */
  prefix?: string;
  /** Further choices, e.g. "Keep it for later". */
  children?: ReactNode;
}

/**
 * What went wrong, in a person's words, in a `role="alert"` region with the next step that
 * helps. The one alert of every view: the enabler, the catalog, My integrations, the console.
 */
export function TrayAlert({ error, labels, onRetry, onFinishSetup, onOpenHere, offerSetupWhenRefused, prefix, children }: TrayAlertProps) {
  const { code } = error;
  const [label, finishes, canRetry] = NEXT_STEP[code];
  const canFinish = finishes || (code === 'refused' && offerSetupWhenRefused);
  // Tray's, the partner's and the wizard's own words follow ours: they are often the most specific.
  const detail =
    code === 'graphql' || code === 'refused' ? error.message
    : code === 'wizard_error' ? describeWizardError(error.details)
    : missingSettings(error).map(labels.missingSetting).join(' ');
  return (
    <div role="alert" className="rte-alert">
      <p className="rte-alert__text">
        {prefix && `${prefix} `}
        {labels[label]} {detail}
      </p>
      {code === 'popup_blocked' && onOpenHere && (
        <button type="button" className="rte-button rte-button--primary" onClick={onOpenHere}>
          {labels.openHere}
        </button>
      )}
      {canFinish && onFinishSetup && (
        <button type="button" className="rte-button rte-button--primary" onClick={onFinishSetup}>
          {labels.finishSetup}
        </button>
      )}
      {canRetry && onRetry && (
        <button type="button" className="rte-button" onClick={onRetry}>
          {labels.tryAgain}
        </button>
      )}
      {children}
    </div>
  );
}
