import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useState, type ReactNode } from 'react';
import type { InProcessTray } from '../../mock-tray/inProcess.js';

/** Sets a scripted story's knobs on its fresh mock Tray (`tray.faults`, `tray.backend`, `tray.store`). */
export type StoryKnobs = (tray: InProcessTray) => void;

export interface InPageTrayOptions {
  /** `false`: an empty store holding only the demo user. @default true (the mock's seed) */
  seed?: boolean;
  knobs?: StoryKnobs;
}

/**
 * A scripted story's own backend, inside the page: our real handler in front of a fresh mock
 * Tray (deterministic seed, no network), made once per story visit with its knobs set. `null`
 * until the harness's code has loaded: it is split off, so the live stories never load it.
 */
export function useInPageTray({ seed = true, knobs }: InPageTrayOptions = {}): InProcessTray | null {
  const [tray, setTray] = useState<InProcessTray | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void import('../../mock-tray/inProcess.js').then(({ createInProcessTray }) => {
      if (!isCurrent) return;
      const created = createInProcessTray({ seed, origin: window.location.origin });
      knobs?.(created);
      setTray(created);
    });
    return () => {
      isCurrent = false;
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- one mock Tray per story visit
  return tray;
}

/** What a story shows while its mock Tray loads. */
export function StartingTray() {
  return <p role="status">Starting the in-page mock Tray…</p>;
}

/** Provides the story's in-page mock Tray to the widgets below, through its Apollo client. */
export function InPageTray({ children, ...options }: InPageTrayOptions & { children: ReactNode }) {
  const tray = useInPageTray(options);
  return tray ? <ApolloProvider client={tray.client}>{children}</ApolloProvider> : <StartingTray />;
}
