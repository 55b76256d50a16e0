import { useId, useState } from 'react';
import type { AdminInstanceFilters } from '../../core/adminClient.js';
import type { InstanceConsoleLabels } from './consoleLabels.js';

export interface ConsoleFiltersProps {
  filters: AdminInstanceFilters;
  solutions: Array<{ id: string; title: string }>;
  labels: InstanceConsoleLabels;
  onApply: (filters: AdminInstanceFilters) => void;
}

/** Owner (any part of the user id) and solution filters, applied together on submit (Enter in the owner field, or the button). */
export function ConsoleFilters({ filters, solutions, labels, onApply }: ConsoleFiltersProps) {
  const ownerId = useId();
  const solutionId = useId();
  const [owner, setOwner] = useState(filters.ownerContains ?? filters.owner ?? '');
  const [solution, setSolution] = useState(filters.solutionId ?? '');
  // A filtered solution stays choosable even when no loaded row shows it.
  const choices = solution && !solutions.some((s) => s.id === solution) ? [...solutions, { id: solution, title: solution }] : solutions;

  return (
    <form
      role="search"
      aria-label={labels.filters}
      className="rte-toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ownerContains: owner, solutionId: solution });
      }}
    >
      <div className="rte-field">
        <label htmlFor={ownerId}>{labels.owner}</label>
        <input id={ownerId} className="rte-input" value={owner} onChange={(event) => setOwner(event.target.value)} />
      </div>
      <div className="rte-field">
        <label htmlFor={solutionId}>{labels.solution}</label>
        <select id={solutionId} className="rte-input" value={solution} onChange={(event) => setSolution(event.target.value)}>
          <option value="">{labels.allSolutions}</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.title}
            </option>
          ))}
        </select>
      </div>
      <div className="rte-actions">
        <button type="submit" className="rte-button rte-button--primary">
          {labels.applyFilters}
        </button>
        <button
          type="button"
          className="rte-button"
          onClick={() => {
            setOwner('');
            setSolution('');
            onApply({});
          }}
        >
          {labels.clearFilters}
        </button>
      </div>
    </form>
  );
}
