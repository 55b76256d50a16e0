import type { CatalogLabels } from './catalogLabels.js';
import { InlineConfirm } from './InlineConfirm.js';
import { TrayAlert } from '../TrayAlert.js';
import type { UseAddSolutionResult } from './useAddSolution.js';

export interface AddFlowPanelProps {
  flow: UseAddSolutionResult;
  labels: CatalogLabels;
}

/** The Add flow's voice: a status line, the error with its next step, the unfinished offer. */
export function AddFlowPanel({ flow, labels }: AddFlowPanelProps) {
  const { step, solution, instance, error, failedStep } = flow.state;
  const name = instance?.name ?? solution?.title ?? '';
  const isWizardOpen = flow.wizard.status === 'opening' || flow.wizard.status === 'open';
  const status =
    step === 'creating' ? labels.creating(name)
    : isWizardOpen ? `${labels.waitingForWizard}${flow.wizard.isNotResponding ? ` ${labels.notResponding}` : ''}`
    : step === 'enabling' ? labels.enabling(name)
    : step === 'added' ? labels.added(name)
    : step === 'setUp' ? labels.awaitingActivation(name)
    : step === 'cancelled' ? labels.cancelled
    : step === 'removing' ? labels.removing(name)
    : step === 'removed' ? labels.removed(name)
    : '';
  const isUnfinished = instance !== null && (step === 'unfinished' || step === 'error');

  return (
    <div className="rte-flow">
      <div role="status" className="rte-status">
        {status}
      </div>
      {step === 'error' && error && (
        <TrayAlert
          error={error}
          labels={labels}
          prefix={failedStep === 'create' ? labels.addFailed(solution?.title ?? '') : isUnfinished ? labels.notSetUp(name) : undefined}
          onRetry={flow.retry}
          onOpenHere={flow.openHere}
          onFinishSetup={instance && failedStep !== 'remove' ? flow.finishSetup : undefined}
        >
          {isUnfinished && failedStep !== 'remove' && (
            <button type="button" className="rte-button rte-button--danger" onClick={() => void flow.remove()}>
              {labels.removeUnfinished}
            </button>
          )}
          {isUnfinished && (
            <button type="button" className="rte-button" onClick={flow.dismiss}>
              {labels.keepUnfinished}
            </button>
          )}
        </TrayAlert>
      )}
      {step === 'unfinished' && instance && (
        <InlineConfirm
          tone="notice"
          message={labels.unfinished(name)}
          confirmLabel={labels.removeUnfinished}
          cancelLabel={labels.keepUnfinished}
          onConfirm={() => void flow.remove()}
          onCancel={flow.dismiss}
        >
          <button type="button" className="rte-button rte-button--primary" onClick={flow.finishSetup}>
            {labels.continueSetup}
          </button>
        </InlineConfirm>
      )}
    </div>
  );
}
