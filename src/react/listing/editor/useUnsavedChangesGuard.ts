import { useEffect, useRef } from 'react';
import { useLatest } from '../../useLatest.js';

/**
 * While `isDirty`, asks the browser to confirm leaving the page (`beforeunload`), and
 * reports each change of `isDirty` to `onDirtyChange` (for the host's own router guard).
 * The listener exists only while there are unsaved changes: an idle `beforeunload` listener
 * would needlessly keep pages out of the back/forward cache.
 */
export function useUnsavedChangesGuard(isDirty: boolean, onDirtyChange?: (isDirty: boolean) => void): void {
  const callback = useLatest(onDirtyChange);

  // Starts at false: a clean editor reports nothing; StrictMode's re-run sees no change.
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current !== isDirty) {
      reported.current = isDirty;
      callback.current?.(isDirty);
    }
  }, [isDirty, callback]);

  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chrome before 119 and older Safari show the prompt only when returnValue is set.
      // https://developer.mozilla.org/en-US/docs/Web/API/Window/beforeunload_event
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty, callback]);
}
