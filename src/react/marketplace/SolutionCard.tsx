import { useId, useState } from 'react';
import type { MarketplaceSolution } from '../../graphql/marketplace.js';
import type { CatalogLabels } from './catalogLabels.js';

export interface SolutionCardProps {
  solution: MarketplaceSolution;
  labels: CatalogLabels;
  /** Called in the click, with the name the user left in the field. */
  onAdd: (solution: MarketplaceSolution, instanceName: string) => void;
  isAddDisabled?: boolean;
  /** The default instance name. @default solution.title */
  defaultInstanceName?: string;
}

/** One solution: title, description, tags, an editable instance name and "Add". */
export function SolutionCard({ solution, labels, onAdd, isAddDisabled, defaultInstanceName }: SolutionCardProps) {
  const titleId = useId();
  const [name, setName] = useState(defaultInstanceName ?? solution.title);
  return (
    <li className="rte-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="rte-card__title">
        {solution.title}
      </h3>
      {solution.description && <p className="rte-card__text">{solution.description}</p>}
      {solution.tags.length > 0 && (
        <ul className="rte-tags" aria-label={labels.tags}>
          {solution.tags.map((tag) => (
            <li key={tag} className="rte-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <form
        className="rte-card__add"
        onSubmit={(event) => {
          // Enter in the name field adds too: a submit is a user gesture, so the popup may open.
          // The button is aria-disabled, not disabled, while a flow runs, so it keeps the focus.
          event.preventDefault();
          if (!isAddDisabled) onAdd(solution, name);
        }}
      >
        <input
          className="rte-input"
          aria-label={labels.instanceName(solution.title)}
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={200}
        />
        <button type="submit" className="rte-button rte-button--primary" aria-label={labels.addSolution(solution.title)} aria-disabled={isAddDisabled}>
          {labels.add}
        </button>
      </form>
    </li>
  );
}
