import { useEffect, useRef } from 'react';
import type { TrayEmbeddedError } from '../core/errors.js';
import { createWizardUrlFetcher } from '../core/fetchWizardUrl.js';
import type { ValidateRequest, ValidationErrors } from '../core/messages.js';
import type { PopupSize } from '../core/popup.js';
import type { SolutionInstanceStatus } from '../graphql/types.js';
import { EnablerAlert } from './EnablerAlert.js';
import { defaultLabels, type EnablerLabels } from './labels.js';
import { useTrayEmbeddedDefaults } from './TrayEmbeddedProvider.js';
import { useConfigWizard } from './useConfigWizard.js';
import { useSolutionInstance } from './useSolutionInstance.js';

const fetchWizardUrl = createWizardUrlFetcher();

export interface SolutionInstanceEnablerProps {
  solutionInstanceId: string;
  /** Sent with the enable mutation (renames the instance). */
  instanceName?: string;
  /**
   * Resolves to a wizard URL with a fresh code; from here, else from `TrayEmbeddedProvider`.
   * @default createWizardUrlFetcher(): POST /api/tray/wizard-url, our server handler's route
   */
  getWizardUrl?: (solutionInstanceId: string) => Promise<string> | string;
  /** The server confirmed `enabled: true`. */
  onEnabled?: (instance: SolutionInstanceStatus) => void;
  onDisabled?: (instance: SolutionInstanceStatus) => void;
  /** The wizard was cancelled, or closed before finishing. */
  onCancel?: () => void;
  onError?: (error: TrayEmbeddedError) => void;
  /** Custom validation answered to the wizard (`customValidation=true` in the URL). */
  validate?: (request: ValidateRequest) => ValidationErrors | Promise<ValidationErrors>;
  labels?: Partial<EnablerLabels>;
  popupSize?: PopupSize;
  className?: string;
}

/**
 * Configure in Tray's wizard, then enable; or Enable directly; or Disable. Shown enabled
 * only when the server said so. Works inside the host's `ApolloProvider`.
 */
export function SolutionInstanceEnabler(props: SolutionInstanceEnablerProps) {
  const { solutionInstanceId: id, instanceName, onEnabled, onDisabled, onError } = props;
  const defaults = useTrayEmbeddedDefaults();
  const labels: EnablerLabels = { ...defaultLabels, ...defaults.labels, ...props.labels };
  const getWizardUrl = props.getWizardUrl ?? defaults.getWizardUrl ?? fetchWizardUrl;
  const solution = useSolutionInstance(id);
  const opener = useRef<HTMLButtonElement>(null);

  const enable = () => solution.enable(instanceName).then((instance) => instance && onEnabled?.(instance));
  const disable = () => solution.disable().then((instance) => instance && onDisabled?.(instance));

  const wizard = useConfigWizard({
    getWizardUrl: () => getWizardUrl(id),
    onFinish: enable,
    onCancel: props.onCancel,
    onError,
    validate: props.validate,
    popupSize: props.popupSize,
  });

  const { status, error: wizardError } = wizard.state;
  const isWizardOpen = status === 'opening' || status === 'open';
  const { state, instance } = solution;
  const isBusy = state === 'enabling' || state === 'disabling';
  const isEnabled = instance?.enabled === true;
  // An earlier failure to enable stays true while the wizard is open, but is not news then.
  const alert = isBusy || isWizardOpen ? null : status === 'error' ? wizardError : solution.error;

  useEffect(() => {
    if (solution.error) onError?.(solution.error);
  }, [solution.error]); // eslint-disable-line react-hooks/exhaustive-deps -- report each error once

  const wasOpen = useRef(false);
  useEffect(() => {
    // Give focus back to the button that opened the wizard once the popup is gone.
    if (wasOpen.current && !isWizardOpen) opener.current?.focus();
    wasOpen.current = isWizardOpen;
  }, [isWizardOpen]);

  const direct = (action: () => unknown) => () => {
    wizard.close();
    action();
  };

  const statusText = isBusy
    ? labels[state as 'enabling' | 'disabling']
    : isWizardOpen ? labels.waitingForWizard
    : state === 'loading' ? labels.loading
    : instance ? labels[isEnabled ? 'enabled' : 'disabled']
    : labels[solution.error ? 'unknownStatus' : 'notFound'];
  const notice = status === 'cancelled' && !isBusy ? labels[wizardError ? 'closedUnfinished' : 'cancelled'] : '';
  const dataState = isBusy ? state : isEnabled ? 'enabled' : 'disabled';

  return (
    <div className={`rte-enabler ${props.className ?? ''}`} data-state={dataState}>
      <div role="status" className="rte-status">
        <span className="rte-badge">{statusText}</span> {notice}
      </div>
      {alert && <EnablerAlert error={alert} labels={labels} onFinishSetup={wizard.open} onRetry={solution.retry} />}
      <div className="rte-actions">
        <button ref={opener} type="button" className="rte-button rte-button--primary" onClick={wizard.open} disabled={isBusy}>
          {labels[isEnabled ? 'reconfigure' : 'configure']}
        </button>
        <button type="button" className="rte-button" onClick={direct(isEnabled ? disable : enable)} disabled={isBusy || state === 'loading'}>
          {labels[isEnabled ? 'disable' : 'enable']}
        </button>
      </div>
    </div>
  );
}
