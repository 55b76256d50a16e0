import { useId } from 'react';
import type { SolutionInstance } from '../../graphql/types.js';
import type { CatalogLabels } from './catalogLabels.js';

export interface IncompleteSetupsProps {
  /** This solution's instances whose setup the user kept for later. */
  instances: SolutionInstance[];
  labels: CatalogLabels;
  /** Reopens the wizard of one of them. Called in the click (popup blockers). */
  onFinish: (instance: SolutionInstance) => void;
  isDisabled?: boolean;
}

/**
 * On a catalog card: each setup of this solution left unfinished "for later", named as such with
 * Finish setup, so it never passes for just another disabled integration.
 */
export function IncompleteSetups({ instances, labels, onFinish, isDisabled }: IncompleteSetupsProps) {
  const baseId = useId();
  if (instances.length === 0) return null;
  return (
    <ul className="rte-incomplete" aria-label={labels.setupIncomplete}>
      {instances.map((instance) => (
        <li key={instance.id} className="rte-incomplete__item">
          <span id={`${baseId}-${instance.id}`}>
            <span className="rte-badge rte-badge--incomplete">{labels.setupIncomplete}</span> {instance.name}
          </span>
          <button
            type="button"
            className="rte-button rte-button--primary"
            aria-describedby={`${baseId}-${instance.id}`}
            aria-disabled={isDisabled}
            onClick={() => !isDisabled && onFinish(instance)}
          >
            {labels.finishSetup}
          </button>
        </li>
      ))}
    </ul>
  );
}
