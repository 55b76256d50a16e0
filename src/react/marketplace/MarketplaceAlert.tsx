import type { ReactNode } from 'react';
import type { TrayEmbeddedError } from '../../core/errors.js';
import { describeWizardError } from '../../core/messageGuard.js';
import { NEXT_STEP } from '../EnablerAlert.js';
import type { MarketplaceErrorLabels } from './errorLabels.js';

export interface MarketplaceAlertProps {
  error: TrayEmbeddedError;
  labels: MarketplaceErrorLabels;
  /** Repeats what failed. Shown as "Try again" unless the error cannot be fixed by repeating. */
  onRetry?: () => void;
  /** Reopens the wizard ("Finish setup"); given only where a wizard belongs to the action. */
  onFinishSetup?: () => void;
  /** Says what failed before saying why, e.g. "Could not add “Slack alerts”." */
  prefix?: string;
  /** Extra actions, e.g. "Keep it for later" for an unfinished integration. */
  children?: ReactNode;
}

/** What went wrong, in a person's words, in a `role="alert"` region with the next step. */
export function MarketplaceAlert({ error, labels, onRetry, onFinishSetup, prefix, children }: MarketplaceAlertProps) {
  const { code } = error;
  // Tray's and the wizard's own words follow ours: they are often the most specific.
  const detail = code === 'wizard_error' ? describeWizardError(error.details) : code === 'graphql' ? error.message : '';
  const canFinish = onFinishSetup && (code === 'missing_values' || code === 'graphql');
  // A wizard that failed is retried by opening it again.
  const retry = code === 'wizard_error' || code === 'wizard_closed' ? (onFinishSetup ?? onRetry) : onRetry;
  return (
    <div role="alert" className="rte-alert">
      <p className="rte-alert__text">
        {prefix && `${prefix} `}
        {labels[NEXT_STEP[code][0] as keyof MarketplaceErrorLabels]} {detail}
      </p>
      {canFinish && (
        <button type="button" className="rte-button rte-button--primary" onClick={onFinishSetup}>
          {labels.finishSetup}
        </button>
      )}
      {retry && code !== 'missing_values' && (
        <button type="button" className="rte-button" onClick={retry}>
          {labels.tryAgain}
        </button>
      )}
      {children}
    </div>
  );
}
