import { useEffect, useRef } from 'react';

/**
 * A ref that holds the latest `value` once the render committed, for callbacks that must not
 * re-attach listeners or restart effects when a parent passes a new function on every render.
 * (Typed as its own `{ current }`: React 18's RefObject has `current: T | null`, React 19's `T`.)
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
