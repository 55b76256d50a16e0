import { useEffect, useRef } from 'react';
import type { TrayEmbeddedError } from '../core/errors.js';
import type { WizardDialogLabels } from '../core/dialogLabels.js';
import { enablerDefaultLabels, type EnablerLabels } from './labels.js';
import { mergeLabels } from './mergeLabels.js';
import { TrayAlert } from './TrayAlert.js';
import { useTrayEmbeddedDefaults } from './TrayEmbeddedProvider.js';
import { useSolutionInstance, type UseSolutionInstanceOptions } from './useSolutionInstance.js';

export interface SolutionInstanceEnablerProps extends Omit<UseSolutionInstanceOptions, 'onError' | 'dialogLabels'> {
  solutionInstanceId: string;
  /** Once per failure: a refused or failed change, a wizard problem, a failed load. */
  onError?: (error: TrayEmbeddedError) => void;
  labels?: Partial<EnablerLabels>;
  className?: string;
  /** Shows "Enable" beside "Configure". `false` when only the partner activates instances. @default true */
  allowUserEnable?: boolean;
  /** Offers "Finish setup" when the partner's server refused the enable. @default false */
  offerSetupWhenRefused?: boolean;
}

/**
 * Configure in Tray's wizard (a popup, or a dialog in the page: `presentation`), then enable;
 * or Enable directly; or Disable. Shown enabled only when the server said so. Works inside the
 * host's `ApolloProvider`.
 */
export function SolutionInstanceEnabler(props: SolutionInstanceEnablerProps) {
  // The dialog's own texts only when a partner replaced them: the dialog brings its defaults.
  const labels = mergeLabels<typeof enablerDefaultLabels & Partial<WizardDialogLabels>>(enablerDefaultLabels, useTrayEmbeddedDefaults().labels, props.labels);
  const solution = useSolutionInstance(props.solutionInstanceId, { ...props, dialogLabels: labels });
  const opener = useRef<HTMLButtonElement>(null);
  const { flow, instance, state, error } = solution;
  const isWizardOpen = flow.status === 'wizard';
  const isBusy = flow.status === 'busy';
  const isEnabled = instance?.enabled === true;
  const outcome = flow.status === 'idle' ? flow.outcome : null;

  const wasWizardOpen = useRef(false);
  useEffect(() => {
    // The popup is gone: focus returns to the button that opened it. Busy buttons are
    // aria-disabled, not disabled, so it takes focus even while the enable runs.
    if (wasWizardOpen.current && !isWizardOpen) opener.current?.focus();
    wasWizardOpen.current = isWizardOpen;
  }, [isWizardOpen]);

  const statusText = isBusy
    ? labels[state as 'enabling' | 'disabling']
    : isWizardOpen ? labels.waitingForWizard
    : state === 'loading' ? labels.loading
    : instance ? labels[isEnabled ? 'enabled' : 'disabled']
    : labels[error ? 'unknownStatus' : 'notFound'];
  const notice =
    isWizardOpen && flow.wizard.isNotResponding ? labels.notResponding
    : outcome?.type === 'cancelled' ? labels[outcome.reason === 'closed' ? 'closedUnfinished' : 'cancelled']
    : outcome?.type === 'setUp' && !isEnabled ? labels.awaitingActivation
    : '';

  return (
    <div className={`rte-enabler ${props.className ?? ''}`} data-state={isBusy ? state : isEnabled ? 'enabled' : 'disabled'}>
      <div role="status" className="rte-status">
        <span className="rte-badge">{statusText}</span> {notice}
      </div>
      {error && !isBusy && !isWizardOpen && (
        <TrayAlert
          error={error}
          labels={labels}
          onFinishSetup={solution.configure}
          onRetry={solution.retry}
          onOpenHere={() => solution.configure('dialog')}
          offerSetupWhenRefused={props.offerSetupWhenRefused}
        />
      )}
      <div className="rte-actions">
        <button ref={opener} type="button" className="rte-button rte-button--primary" onClick={solution.configure} aria-disabled={isBusy}>
          {labels[isEnabled ? 'reconfigure' : 'configure']}
        </button>
        {(isEnabled || props.allowUserEnable !== false) && (
          <button
            type="button"
            className="rte-button"
            // The flow ignores a second change while one runs; while loading, the status is unknown.
            onClick={() => void solution[isEnabled ? 'disable' : 'enable']()}
            aria-disabled={isBusy}
            disabled={state === 'loading'}
          >
            {labels[isEnabled ? 'disable' : 'enable']}
          </button>
        )}
      </div>
    </div>
  );
}
