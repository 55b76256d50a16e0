import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref that holds the latest `value` once the render committed, for callbacks that must not
 * re-attach listeners or restart effects when a parent passes a new function on every render.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
