import type { AdminRequestError } from './adminClient.js';
import type { InstanceConsoleLabels } from './consoleLabels.js';

export interface ConsoleAlertProps {
  error: AdminRequestError;
  labels: InstanceConsoleLabels;
  onRetry?: () => void;
}

/** An admin call's failure in words, in a `role="alert"`; "Try again" where repeating can help. */
export function ConsoleAlert({ error, labels, onRetry }: ConsoleAlertProps) {
  const text =
    error.status === 403 ? labels.forbidden
    : error.status === 401 ? labels.unauthenticated
    : error.code === 'network' ? labels.networkError
    : error.code === 'missing_values' ? labels.missingValues
    : `${labels.failed} ${error.message}`;
  // No admin rights is not fixed by asking again.
  const canRetry = onRetry && error.status !== 403 && error.code !== 'missing_values';
  return (
    <div role="alert" className="rte-alert">
      <p className="rte-alert__text">{text}</p>
      {canRetry && (
        <button type="button" className="rte-button" onClick={onRetry}>
          {labels.tryAgain}
        </button>
      )}
    </div>
  );
}
