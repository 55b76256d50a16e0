import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import type { TrayEmbeddedError } from '../../core/errors.js';
import { MARKETPLACE_INSTANCES_QUERY } from '../../graphql/marketplace.js';
import type { SolutionInstance } from '../../graphql/types.js';
import { toTrayError } from '../../graphql/apolloErrors.js';
import { appendPage } from '../../graphql/pagination.js';
import { useLoadMore, type LoadMoreState } from './useLoadMore.js';
import { useRefetchOnFocus } from './useRefetchOnFocus.js';
import { useTrayClient } from '../useTrayClient.js';

export interface UseMyIntegrationsOptions {
  /** Instances per request. @default 20 */
  pageSize?: number;
  /** Reload when the window regains focus or the tab becomes visible. @default true */
  refetchOnFocus?: boolean;
}

export interface UseMyIntegrationsResult extends LoadMoreState {
  /** As the server last listed them; mutations update them through the Apollo cache. */
  instances: SolutionInstance[];
  /** All of the user's instances, loaded or not. */
  totalCount: number | null;
  state: 'loading' | 'ready' | 'error';
  /** Why the list could not be loaded (`state: 'error'`). */
  error: TrayEmbeddedError | null;
  /** Reloads everything shown (one request for all loaded pages). */
  refresh: () => Promise<unknown>;
}

/**
 * The signed-in user's instances (`viewer.solutionInstances`), a page at a time. Shown from
 * the cache at once and refreshed from the server on mount, on window focus and after a
 * failed action, so the list stays as the server has it.
 */
export function useMyIntegrations({ pageSize = 20, refetchOnFocus = true }: UseMyIntegrationsOptions = {}): UseMyIntegrationsResult {
  const client = useTrayClient();
  const query = useQuery(MARKETPLACE_INSTANCES_QUERY, {
    client,
    variables: { first: pageSize },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  // A refresh with other variables (everything shown, from the start) is a new query to Apollo,
  // with no data until it answers: the rows stay on screen from the last answer meanwhile, so
  // none is remounted and an open rename or a row's alert survives the refresh.
  const connection = (query.data ?? query.previousData)?.viewer.solutionInstances;
  const instances = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const { refetch, fetchMore } = query;
  const shown = instances.length;

  // One request for everything shown: refetching only the first page would drop the rest.
  const refresh = useCallback(() => refetch({ first: Math.max(pageSize, shown) }), [refetch, pageSize, shown]);
  useRefetchOnFocus(refresh, refetchOnFocus);

  const more = useLoadMore(connection?.pageInfo, (after) =>
    fetchMore({ variables: { first: pageSize, after }, updateQuery: appendPage<'solutionInstances', SolutionInstance>('solutionInstances') }),
  );

  const loadError = query.error && !connection ? toTrayError(query.error, 'load') : null;
  return {
    instances,
    totalCount: connection?.totalCount ?? null,
    state: loadError ? 'error' : connection ? 'ready' : 'loading',
    error: loadError,
    refresh: () => refresh().catch(() => undefined),
    ...more,
  };
}
