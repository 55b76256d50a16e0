import { ApolloProvider } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { createInProcessTray, type InProcessTray } from '../../mock-tray/inProcess.js';

/** Sets a scripted story's knobs on its fresh mock Tray (`tray.faults`, `tray.backend`, `tray.store`). */
export type StoryKnobs = (tray: InProcessTray) => void;

export interface InPageTrayOptions {
  /** `false`: an empty store holding only the demo user. @default true (the mock's seed) */
  seed?: boolean;
  knobs?: StoryKnobs;
}

/**
 * A scripted story's own backend, inside the page: our real handler in front of a fresh mock
 * Tray (deterministic seed, no network), made once per story visit with its knobs set.
 */
export function useInPageTray({ seed = true, knobs }: InPageTrayOptions = {}): InProcessTray {
  const [tray] = useState(() => {
    const created = createInProcessTray({ seed, origin: window.location.origin });
    knobs?.(created);
    return created;
  });
  return tray;
}

/** Provides the story's in-page mock Tray to the widgets below, through its Apollo client. */
export function InPageTray({ children, ...options }: InPageTrayOptions & { children: ReactNode }) {
  const tray = useInPageTray(options);
  return <ApolloProvider client={tray.client}>{children}</ApolloProvider>;
}
