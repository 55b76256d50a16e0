import { useEffect, useState } from 'react';
import { useLatest } from '../../useLatest.js';
import type { SolutionListing } from '../../../listing/types.js';

export type ListingSource =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; listing: SolutionListing; loadCount: number };

/**
 * The listing to edit: `initialListing` at once, or the result of `load()`. `load` is read
 * from a ref, so a new function identity on each render does not reload.
 */
export function useListingSource(
  solutionVersionId: string,
  initialListing: SolutionListing | undefined,
  load: (solutionVersionId: string) => Promise<SolutionListing>,
): ListingSource {
  const loader = useLatest(load);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ListingSource>(
    initialListing ? { status: 'ready', listing: initialListing, loadCount: 0 } : { status: 'loading' },
  );

  useEffect(() => {
    if (initialListing) return;
    let isCurrent = true; // StrictMode mounts twice and the id may change mid-flight
    setState({ status: 'loading' });
    loader.current(solutionVersionId).then(
      (listing) => isCurrent && setState({ status: 'ready', listing, loadCount: attempt + 1 }),
      (error: unknown) => isCurrent && setState({ status: 'error', error, retry: () => setAttempt((n) => n + 1) }),
    );
    return () => {
      isCurrent = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- initialListing is only the initial value: changing it later does not reload
  }, [solutionVersionId, attempt]);

  return state;
}
