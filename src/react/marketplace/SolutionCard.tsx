import { useId, useState, type ReactNode } from 'react';
import type { MarketplaceSolution } from '../../graphql/marketplace.js';
import { readSolutionFields } from '../../core/solutionFields.js';
import type { CatalogLabels } from './catalogLabels.js';
import { SolutionLogo } from './SolutionLogo.js';

export interface SolutionCardProps {
  solution: MarketplaceSolution;
  labels: CatalogLabels;
  /** Called in the click, with the name the user left in the field. */
  onAdd: (solution: MarketplaceSolution, instanceName: string) => void;
  isAddDisabled?: boolean;
  /** The default instance name. @default solution.title */
  defaultInstanceName?: string;
  /** The user already has an instance of this `forceUnique` solution: "Added" instead of "Add". */
  isAdded?: boolean;
  /** Counts this solution's finished adds: each one puts the name field back to its default. */
  addedCount?: number;
  /** Shown above the add form, e.g. the setups of this solution left unfinished. */
  children?: ReactNode;
}

/** One solution: logo, title, description, tags, an editable instance name and "Add" (or "Added"). */
export function SolutionCard({ solution, labels, onAdd, isAddDisabled, defaultInstanceName, isAdded, addedCount = 0, children }: SolutionCardProps) {
  const titleId = useId();
  const nameId = useId();
  const initialName = defaultInstanceName ?? solution.title;
  const [name, setName] = useState(initialName);
  // Once an add finished, the field starts over: the name typed was that instance's, not the next one's.
  const [seenAdds, setSeenAdds] = useState(addedCount);
  if (seenAdds !== addedCount) {
    setSeenAdds(addedCount);
    setName(initialName);
  }
  return (
    <li className="rte-card" aria-labelledby={titleId}>
      <SolutionLogo title={solution.title} image={readSolutionFields(solution.customFields).image} />
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
      {children}
      {isAdded ? (
        <p className="rte-card__added">
          <span className="rte-badge">{labels.alreadyAdded}</span>
        </p>
      ) : (
        <form
          className="rte-card__add"
          onSubmit={(event) => {
            // Enter in the name field adds too: a submit is a user gesture, so the popup may open.
            // The button is aria-disabled, not disabled, while a flow runs, so it keeps the focus.
            event.preventDefault();
            if (!isAddDisabled) onAdd(solution, name);
          }}
        >
          {/* A visible label; the accessible name still says which solution the name is for. */}
          <label htmlFor={nameId} className="rte-card__label">
            {labels.nameField}
          </label>
          <input
            id={nameId}
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
      )}
    </li>
  );
}
