import { useEffect } from 'react';
import { useLatest } from '../useLatest.js';

/**
 * Calls `refetch` when the window regains focus or the tab becomes visible again, so a list
 * changed elsewhere (another tab, an admin) is shown as the server has it. Both events often
 * fire together; a refetch still in flight absorbs the second. Listeners are added in an
 * effect and removed on unmount.
 */
export function useRefetchOnFocus(refetch: () => Promise<unknown>, isEnabled = true): void {
  const latest = useLatest(refetch);
  useEffect(() => {
    if (!isEnabled) return undefined;
    let inFlight: Promise<unknown> | null = null;
    const run = () => {
      if (inFlight || document.visibilityState === 'hidden') return;
      inFlight = latest.current().catch(() => undefined).finally(() => {
        inFlight = null;
      });
    };
    window.addEventListener('focus', run);
    document.addEventListener('visibilitychange', run);
    return () => {
      window.removeEventListener('focus', run);
      document.removeEventListener('visibilitychange', run);
    };
  }, [isEnabled, latest]);
}
