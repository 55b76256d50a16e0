import { useCallback, useRef, useState } from 'react';
import { useLatest } from '../useLatest.js';
import type { TrayEmbeddedError } from '../../core/errors.js';
import type { PageInfo } from '../../graphql/types.js';
import { toTrayError } from '../../graphql/apolloErrors.js';

export interface LoadMoreState {
  hasMore: boolean;
  loadMore: () => Promise<void>;
  isLoadingMore: boolean;
  loadMoreError: TrayEmbeddedError | null;
}

/** "Load more" for a cursor connection: one request at a time, its failure kept for an alert. */
export function useLoadMore(pageInfo: PageInfo | undefined, fetchPage: (after: string) => Promise<unknown>): LoadMoreState {
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<TrayEmbeddedError | null>(null);
  const inFlight = useRef(false);
  const after = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  const latest = useLatest(fetchPage);

  const loadMore = useCallback(async () => {
    if (inFlight.current || !after) return;
    inFlight.current = true;
    setIsLoadingMore(true);
    setLoadMoreError(null);
    try {
      await latest.current(after);
    } catch (error) {
      setLoadMoreError(toTrayError(error, 'load'));
    } finally {
      inFlight.current = false;
      setIsLoadingMore(false);
    }
  }, [after, latest]);

  return { hasMore: after !== null, loadMore, isLoadingMore, loadMoreError };
}
