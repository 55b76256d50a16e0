import { useEffect, useRef, type ReactNode } from 'react';
import { TrayEmbeddedError } from '../core/errors.js';
import type { ValidateRequest, ValidationErrors } from '../core/messages.js';
import type { PopupSize } from '../core/popup.js';
import type { SolutionInstance } from '../graphql/types.js';
import { EnablerAlert } from './EnablerAlert.js';
import { defaultLabels, type EnablerLabels } from './labels.js';
import { useTrayEmbeddedDefaults } from './TrayEmbeddedProvider.js';
import { useConfigWizard } from './useConfigWizard.js';
import { useSolutionInstance } from './useSolutionInstance.js';

export interface SolutionInstanceEnablerProps {
  solutionInstanceId: string;
  /** Sent with the enable mutation (renames the instance). */
  instanceName?: string;
  /** Resolves to a wizard URL with a fresh code; required here or from `TrayEmbeddedProvider`. */
  getWizardUrl?: (solutionInstanceId: string) => Promise<string> | string;
  /** The server confirmed `enabled: true`. */
  onEnabled?: (instance: SolutionInstance) => void;
  onDisabled?: (instance: SolutionInstance) => void;
  /** The wizard was cancelled, or closed before finishing. */
  onCancel?: () => void;
  onError?: (error: TrayEmbeddedError) => void;
  /** Custom validation answered to the wizard (`customValidation=true` in the URL). */
  validate?: (request: ValidateRequest) => ValidationErrors | Promise<ValidationErrors>;
  labels?: Partial<EnablerLabels>;
  popupSize?: PopupSize;
  className?: string;
  /** Rendered under the actions, e.g. a link to docs. */
  children?: ReactNode;
}

/**
 * Configure in Tray's wizard, then enable; or Enable directly; or Disable. Shown enabled
 * only when the server said so. Works inside the host's `ApolloProvider`.
 */
export function SolutionInstanceEnabler(props: SolutionInstanceEnablerProps) {
  const { solutionInstanceId, instanceName, onEnabled, onDisabled, onCancel, onError } = props;
  const defaults = useTrayEmbeddedDefaults();
  const labels: EnablerLabels = { ...defaultLabels, ...defaults.labels, ...props.labels };
  const getWizardUrl = props.getWizardUrl ?? defaults.getWizardUrl;
  const solution = useSolutionInstance(solutionInstanceId);
  const opener = useRef<HTMLButtonElement | null>(null);

  const enable = async () => {
    const instance = await solution.enable(instanceName);
    if (instance) onEnabled?.(instance);
  };

  const wizard = useConfigWizard({
    getWizardUrl: () => {
      if (!getWizardUrl) throw new TrayEmbeddedError('invalid_wizard_url', 'No getWizardUrl was given to SolutionInstanceEnabler or TrayEmbeddedProvider.');
      return getWizardUrl(solutionInstanceId);
    },
    onFinish: () => void enable(),
    onCancel: () => onCancel?.(),
    onError: (error) => onError?.(error),
    validate: props.validate,
    popupSize: props.popupSize,
  });

  useEffect(() => {
    if (solution.error) onError?.(solution.error);
    // Report each new error once, not on every render.
  }, [solution.error]); // eslint-disable-line react-hooks/exhaustive-deps

  const { status } = wizard.state;
  const isWizardOpen = status === 'opening' || status === 'open';
  const wasOpen = useRef(false);
  useEffect(() => {
    // Give focus back to the button that opened the wizard once the popup is gone.
    if (wasOpen.current && !isWizardOpen) opener.current?.focus();
    wasOpen.current = isWizardOpen;
  }, [isWizardOpen]);

  const configure = () => {
    solution.clearError();
    wizard.open();
  };
  const runDirect = (action: () => Promise<unknown>) => () => {
    wizard.close();
    void action();
  };
  const disable = async () => {
    const instance = await solution.disable();
    if (instance) onDisabled?.(instance);
  };

  const instance = solution.instance;
  const isEnabled = instance?.enabled === true;
  const isBusy = solution.state === 'enabling' || solution.state === 'disabling';
  const wizardError = status === 'error' ? wizard.state.error : null;
  const alertError = wizardError ?? solution.error;
  const statusText =
    solution.state === 'enabling' ? labels.enabling
    : solution.state === 'disabling' ? labels.disabling
    : isWizardOpen ? labels.waitingForWizard
    : solution.state === 'loading' ? labels.loading
    : !instance ? labels.unknownStatus
    : isEnabled ? labels.enabled
    : labels.disabled;
  const notice = status === 'cancelled' && !isBusy
    ? (wizard.state.error?.code === 'wizard_closed' ? labels.closedUnfinished : labels.cancelled)
    : '';
  const dataState = isBusy ? solution.state : isWizardOpen ? 'wizard' : isEnabled ? 'enabled' : 'disabled';

  return (
    <div className={['rte-enabler', props.className].filter(Boolean).join(' ')} data-state={dataState} aria-busy={isBusy || isWizardOpen}>
      <div role="status" className="rte-status">
        <span className={`rte-badge rte-badge--${dataState}`}>{statusText}</span>
        {notice ? <span className="rte-status__notice"> {notice}</span> : null}
      </div>
      {alertError && !isBusy ? (
        <EnablerAlert error={alertError} labels={labels} fromWizard={Boolean(wizardError)} onFinishSetup={configure} onRetry={() => void solution.retry()} />
      ) : null}
      <div className="rte-actions">
        <button ref={opener} type="button" className="rte-button rte-button--primary" onClick={configure} disabled={isBusy}>
          {isEnabled ? labels.reconfigure : labels.configure}
        </button>
        {isEnabled ? (
          <button type="button" className="rte-button" onClick={runDirect(disable)} disabled={isBusy}>
            {labels.disable}
          </button>
        ) : (
          <button type="button" className="rte-button" onClick={runDirect(enable)} disabled={isBusy || solution.state === 'loading'}>
            {labels.enable}
          </button>
        )}
      </div>
      {props.children}
    </div>
  );
}
