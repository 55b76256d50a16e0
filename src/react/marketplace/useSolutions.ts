import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import type { TrayEmbeddedError } from '../../core/errors.js';
import { MARKETPLACE_SOLUTIONS_QUERY, type MarketplaceSolution } from '../../graphql/marketplace.js';
import { toTrayError } from '../../graphql/apolloErrors.js';
import { appendPage } from '../../graphql/pagination.js';
import { searchSolutions } from '../../core/searchSolutions.js';
import { useTrayClient } from '../useTrayClient.js';
import { useLoadMore } from './useLoadMore.js';

export interface UseSolutionsOptions {
  /** Only solutions having every one of these tags (Tray filters on the server). */
  tags?: readonly string[];
  /** Filters the loaded solutions as the user types. @default '' */
  search?: string;
  /** Solutions per request. @default 24 */
  pageSize?: number;
}

export interface UseSolutionsResult {
  /** The loaded solutions that match `search`, in Tray's order. */
  solutions: MarketplaceSolution[];
  /** How many solutions are loaded, before `search`. */
  loadedCount: number;
  /** Every tag seen so far, sorted: the choices of a tag filter. */
  knownTags: string[];
  state: 'loading' | 'ready' | 'error';
  /** Why the first page could not be loaded (`state: 'error'`). */
  error: TrayEmbeddedError | null;
  retry: () => Promise<unknown>;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  isLoadingMore: boolean;
  /** Why the last "load more" failed; cleared by the next attempt. */
  loadMoreError: TrayEmbeddedError | null;
}

/** The catalog's data: `viewer.solutions` a page at a time, filtered by tags and by search. */
export function useSolutions({ tags, search = '', pageSize = 24 }: UseSolutionsOptions = {}): UseSolutionsResult {
  const client = useTrayClient();
  const tagList = tags && tags.length > 0 ? [...tags] : null;
  const query = useQuery(MARKETPLACE_SOLUTIONS_QUERY, { client, variables: { tags: tagList, first: pageSize } });
  const connection = query.data?.viewer.solutions;
  const loaded = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  // Tags are remembered across filters, so choosing one does not hide the others. Updated while
  // rendering (not in an effect), so the filter appears in the same paint as the cards.
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const seenTags = withTagsOf(knownTags, loaded);
  if (seenTags !== knownTags) setKnownTags(seenTags);

  const more = useLoadMore(connection?.pageInfo, (after) =>
    query.fetchMore({ variables: { after }, updateQuery: appendPage<'solutions', MarketplaceSolution>('solutions') }),
  );

  const loadError = query.error && !connection ? toTrayError(query.error, 'load') : null;
  return {
    solutions: useMemo(() => searchSolutions(loaded, search), [loaded, search]),
    loadedCount: loaded.length,
    knownTags: seenTags,
    state: loadError ? 'error' : connection ? 'ready' : 'loading',
    error: loadError,
    retry: () => query.refetch().catch(() => undefined),
    ...more,
  };
}

function withTagsOf(known: string[], solutions: readonly MarketplaceSolution[]): string[] {
  const all = new Set([...known, ...solutions.flatMap((solution) => solution.tags)]);
  return all.size === known.length ? known : [...all].sort();
}
