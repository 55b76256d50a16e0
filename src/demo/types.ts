import type { ApolloClient } from '@apollo/client';
import type { ReactNode } from 'react';
import type { DemoConfig } from './config.js';

/** Everything a story may use; stories import the library exactly as a partner would. */
export interface StoryContext {
  config: DemoConfig;
  /** An Apollo client pointed at our server handler (mock or real Tray behind it). */
  liveClient: ApolloClient;
  /** Shows an event in the demo's event log (callbacks such as onEnabled, onError). */
  log: (event: string, detail?: unknown) => void;
}

export interface Story {
  /** Used in the URL: `#/story/<id>`. Stable: tests and screenshots name stories by it. */
  id: string;
  title: string;
  /** Sidebar section, e.g. "Enabler", "Marketplace", "Listing". */
  group: string;
  /** One or two sentences shown above the canvas. */
  description: string;
  /** Shown in the props panel: the props the story passes, as a partner would write them. */
  props?: Record<string, unknown>;
  /** True when the story runs against the server handler (the dev backend, or the static build's in-page mock). */
  live?: boolean;
  render: (context: StoryContext) => ReactNode;
}
