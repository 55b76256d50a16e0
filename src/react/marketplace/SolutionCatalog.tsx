import { useId, useState } from 'react';
import type { MarketplaceSolution } from '../../graphql/marketplace.js';
import { AddFlowPanel } from './AddFlowPanel.js';
import { IncompleteSetups } from './IncompleteSetups.js';
import { defaultCatalogLabels, type CatalogLabels } from './catalogLabels.js';
import { TrayAlert } from '../TrayAlert.js';
import { mergeLabels } from '../mergeLabels.js';
import { SkeletonList } from './SkeletonList.js';
import { SolutionCard } from './SolutionCard.js';
import { TagFilter } from './TagFilter.js';
import { useAddSolution, type AddSolutionState, type AddStep, type UseAddSolutionOptions } from './useAddSolution.js';
import type { SolutionInstance } from '../../graphql/types.js';
import { useSolutions } from './useSolutions.js';
import { useOwnedSolutionIds } from './useOwnedSolutionIds.js';
import { readSolutionFields } from '../../core/solutionFields.js';

/** The add flow's callbacks and options (see `useAddSolution`), plus what the catalog shows. */
export interface SolutionCatalogProps extends Omit<UseAddSolutionOptions, 'dialogLabels'> {
  /** Show only solutions with every one of these tags (filtered by Tray). */
  tags?: string[];
  /** Solutions per request. @default 24 */
  pageSize?: number;
  /** The instance name the user starts from. @default (solution) => solution.title */
  defaultInstanceName?: (solution: MarketplaceSolution) => string;
  labels?: Partial<CatalogLabels>;
  className?: string;
}

/**
 * The solutions a user can add, as cards with search-as-you-type, a tag filter and "Load more".
 * "Add" creates an instance named as the user left it, opens the config wizard and enables
 * the instance when the wizard finishes; an unfinished one is offered for removal.
 */
export function SolutionCatalog(props: SolutionCatalogProps) {
  const labels = mergeLabels(defaultCatalogLabels, props.labels);
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const tags = [...(props.tags ?? []), ...(tag ? [tag] : [])];
  const catalog = useSolutions({ tags, search, pageSize: props.pageSize });
  const flow = useAddSolution({ ...props, dialogLabels: labels });
  const { state, solutions } = catalog;
  const isUnique = (solution: MarketplaceSolution) => readSolutionFields(solution.customFields).forceUnique;
  const owned = useOwnedSolutionIds(solutions.some(isUnique), flow.state.instance?.id ?? null);
  const added = useAddedCounts(flow.state);
  // A notice (added, set up, removed, cancelled) belongs to its add: it gives way as the next action starts.
  const loadMore = () => {
    if (isNotice(flow.state.step)) flow.dismiss();
    void catalog.loadMore();
  };

  return (
    <div className={`rte-root rte-catalog ${props.className ?? ''}`}>
      <div className="rte-toolbar">
        <div className="rte-field">
          <label htmlFor={searchId}>{labels.search}</label>
          <input id={searchId} type="search" className="rte-input" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <TagFilter label={labels.tagFilter} allLabel={labels.allTags} tags={catalog.knownTags} selected={tag} onChange={setTag} />
      </div>
      <AddFlowPanel flow={flow} labels={labels} />
      {state === 'loading' && <SkeletonList label={labels.loading} count={6} variant="card" />}
      {state === 'error' && catalog.error && (
        <TrayAlert error={catalog.error} labels={labels} prefix={labels.loadFailed} onRetry={() => void catalog.retry()} />
      )}
      {state === 'ready' && (
        <>
          <p className="rte-muted" aria-live="polite">
            {catalog.loadedCount === 0 ? labels.empty : solutions.length === 0 ? labels.noMatch(search) : search ? labels.resultCount(solutions.length, catalog.loadedCount) : ''}
          </p>
          <ul className="rte-catalog__grid" aria-label={labels.listName}>
            {solutions.map((solution) => (
              <SolutionCard
                key={solution.id}
                solution={solution}
                labels={labels}
                onAdd={flow.add}
                isAddDisabled={flow.isBusy}
                isAdded={isUnique(solution) && (owned.has(solution.id) || flow.state.instance?.solution.id === solution.id)}
                defaultInstanceName={props.defaultInstanceName?.(solution)}
                addedCount={added[solution.id]}
              >
                <IncompleteSetups
                  instances={flow.kept.filter((instance) => instance.solution.id === solution.id)}
                  labels={labels}
                  isDisabled={flow.isBusy}
                  onFinish={(instance) => flow.finishKept(solution, instance)}
                />
              </SolutionCard>
            ))}
          </ul>
        </>
      )}
      {catalog.loadMoreError && <TrayAlert error={catalog.loadMoreError} labels={labels} onRetry={loadMore} />}
      {catalog.hasMore && (
        <button type="button" className="rte-button rte-load-more" onClick={loadMore} disabled={catalog.isLoadingMore} aria-busy={catalog.isLoadingMore}>
          {labels.loadMore}
        </button>
      )}
    </div>
  );
}

/** The user's part of an add is over: `setUp` is an add the partner activates later (disableAutoEnable). */
const isCompletedAdd = (step: AddStep) => step === 'added' || step === 'setUp';
const isNotice = (step: AddStep) => isCompletedAdd(step) || step === 'removed' || step === 'cancelled';

/** How many adds completed per solution id, counted as each one's `added` or `setUp` step first shows. */
function useAddedCounts(state: AddSolutionState): Record<string, number> {
  const [counts, setCounts] = useState<{ last: SolutionInstance | null; bySolution: Record<string, number> }>({ last: null, bySolution: {} });
  const justAdded = isCompletedAdd(state.step) ? state.instance : null;
  if (justAdded && justAdded !== counts.last && state.solution) {
    const id = state.solution.id;
    setCounts({ last: justAdded, bySolution: { ...counts.bySolution, [id]: (counts.bySolution[id] ?? 0) + 1 } });
  }
  return counts.bySolution;
}
