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
  /**
   * Says the story now shows the state it is named for: its canvas gets
   * `data-story-ready="true"`, which tests and screenshot scripts wait on instead of a timer.
   */
  ready: () => void;
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
  /**
   * For stories of views that have no "loaded" callback: the story is ready once this holds of
   * its canvas (looked at again after every change). Every story signals ready, either so or
   * by calling `context.ready()` itself.
   */
  readyWhen?: (canvas: HTMLElement) => boolean;
  render: (context: StoryContext) => ReactNode;
}
