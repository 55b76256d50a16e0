import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The story id in `#/story/<id>`, or null. */
export function useHashRoute(): string | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return /^#\/story\/([\w-]+)$/.exec(hash)?.[1] ?? null;
}
