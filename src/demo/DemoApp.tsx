import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DemoConfig } from './config.js';
import { EventLog, type LoggedEvent } from './EventLog.js';
import { stories } from './stories/index.js';
import type { Story, StoryContext } from './types.js';
import { useDemoConfig } from './useDemoConfig.js';
import { useHashRoute } from './useHashRoute.js';
import { watchUntil } from './whenShown.js';

const groups = [...new Set(stories.map((s) => s.group))];

/** The Storybook-like page: a sidebar of stories, a canvas, the story's props and events. */
export function DemoApp() {
  const config = useDemoConfig();
  const id = useHashRoute() ?? stories[0]!.id;
  const story = stories.find((s) => s.id === id) ?? stories[0]!;
  const [theme, setTheme] = useState<'light' | 'dark'>('light');

  return (
    <div className="demo" data-rte-theme={theme}>
      <aside className="demo-sidebar">
        <h1 className="demo-brand">react-tray-embedded</h1>
        <p className="demo-mode">{config ? modeText(config) : 'Connecting…'}</p>
        <nav aria-label="Stories">
          {groups.map((group) => (
            <section key={group}>
              <h2>{group}</h2>
              <ul>
                {stories
                  .filter((s) => s.group === group)
                  .map((s) => (
                    <li key={s.id}>
                      <a href={`#/story/${s.id}`} aria-current={s.id === story.id ? 'page' : undefined}>
                        {s.title}
                      </a>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </nav>
      </aside>
      <main className="demo-main">
        <header className="demo-header">
          <div>
            <h2 id="story-title">{story.title}</h2>
            <p className="demo-muted">{story.description}</p>
          </div>
          <button type="button" className="demo-theme-toggle" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
            {theme === 'light' ? 'Dark theme' : 'Light theme'}
          </button>
        </header>
        {config ? <StoryView key={story.id} story={story} config={config} /> : <p role="status">Loading…</p>}
      </main>
    </div>
  );
}

function StoryView({ story, config }: { story: Story; config: DemoConfig }) {
  const [events, setEvents] = useState<LoggedEvent[]>([]);
  const log = useCallback((name: string, detail?: unknown) => {
    setEvents((list) => [...list, { at: new Date(), name, detail }]);
  }, []);
  // A fresh client per story visit, so every story starts from what the server has now.
  const liveClient = useMemo(
    () => new ApolloClient({ link: new HttpLink({ uri: `${config.apiBase}/graphql` }), cache: new InMemoryCache() }),
    [config.apiBase],
  );
  // Ready once per visit (StoryView is keyed by the story): the story reached the state it shows.
  const [isReady, setIsReady] = useState(false);
  const ready = useCallback(() => setIsReady(true), []);
  const canvas = useRef<HTMLElement>(null);
  const { readyWhen } = story;
  useEffect(() => {
    const root = canvas.current;
    if (!readyWhen || !root || isReady) return;
    return watchUntil(root, () => readyWhen(root), ready);
  }, [readyWhen, isReady, ready]);
  const context: StoryContext = { config, liveClient, log, ready };

  return (
    <>
      <section
        ref={canvas}
        className="demo-canvas rte-root"
        aria-labelledby="story-title"
        data-story={story.id}
        data-story-ready={isReady ? 'true' : undefined}
      >
        {story.render(context)}
      </section>
      <div className="demo-panels">
        <section aria-label="Props">
          <h3>Props</h3>
          <pre>{JSON.stringify(story.props ?? {}, null, 2)}</pre>
        </section>
        <EventLog events={events} />
      </div>
    </>
  );
}

function modeText(config: DemoConfig): string {
  if (config.mode === 'mock') return 'Live stories: our handler → mock Tray';
  if (config.mode === 'real') return 'Live stories: our handler → real Tray';
  return 'Static build: our handler → mock Tray, in the page';
}
