import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { DemoConfig } from './config.js';
import { appendEvent, EventLog, NO_EVENTS } from './EventLog.js';
import { useServerEvents } from './useServerEvents.js';
import { stories } from './stories/index.js';
import type { Story, StoryContext } from './types.js';
import { useDemoConfig } from './useDemoConfig.js';
import { useHashRoute } from './useHashRoute.js';
import { useSystemTheme } from './useSystemTheme.js';
import { watchUntil } from './whenShown.js';

const groups = [...new Set(stories.map((s) => s.group))];
const CANVAS_ID = 'story-canvas';

/** The Storybook-like page: a sidebar of stories, a canvas, the story's props and events. */
export function DemoApp() {
  const config = useDemoConfig();
  const id = useHashRoute() ?? stories[0]!.id;
  const story = stories.find((s) => s.id === id) ?? stories[0]!;
  // null: follow the operating system's colour scheme, as a partner's page would.
  const [chosenTheme, setChosenTheme] = useState<'light' | 'dark' | null>(null);
  const systemTheme = useSystemTheme();
  const theme = chosenTheme ?? systemTheme;
  // On a phone the story list folds away behind a button (demo.css); wider, it is always shown.
  const [isNavOpen, setIsNavOpen] = useState(false);

  // The routes live in the hash, so the skip link cannot jump by fragment: it moves focus.
  const skipToCanvas = (event: MouseEvent) => {
    event.preventDefault();
    (document.getElementById(CANVAS_ID) ?? document.querySelector('main'))?.focus();
  };

  return (
    <div className="demo" data-rte-theme={chosenTheme ?? undefined} data-demo-theme={theme}>
      <a className="demo-skip-link" href={`#${CANVAS_ID}`} onClick={skipToCanvas}>
        Skip to the story
      </a>
      <aside className="demo-sidebar">
        <div className="demo-sidebar-top">
          <h1 className="demo-brand">react-tray-embedded</h1>
          <button type="button" className="demo-nav-toggle" aria-expanded={isNavOpen} aria-controls="demo-stories" onClick={() => setIsNavOpen(!isNavOpen)}>
            Stories
          </button>
        </div>
        <p className="demo-mode">{config ? modeText(config) : 'Connecting…'}</p>
        <nav id="demo-stories" aria-label="Stories" data-open={isNavOpen ? 'true' : undefined}>
          {groups.map((group) => (
            <section key={group}>
              <h2>{group}</h2>
              <ul>
                {stories
                  .filter((s) => s.group === group)
                  .map((s) => (
                    <li key={s.id}>
                      <a href={`#/story/${s.id}`} aria-current={s.id === story.id ? 'page' : undefined} onClick={() => setIsNavOpen(false)}>
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
          <button type="button" className="demo-theme-toggle" onClick={() => setChosenTheme(theme === 'light' ? 'dark' : 'light')}>
            {theme === 'light' ? 'Dark theme' : 'Light theme'}
          </button>
        </header>
        {config ? <StoryView key={story.id} story={story} config={config} /> : <p role="status">Loading…</p>}
      </main>
    </div>
  );
}

function StoryView({ story, config }: { story: Story; config: DemoConfig }) {
  const [history, setHistory] = useState(NO_EVENTS);
  const log = useCallback((name: string, detail?: unknown) => setHistory((current) => appendEvent(current, name, detail)), []);
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
  useServerEvents(story.live === true, log);
  const context: StoryContext = { config, liveClient, log, ready };

  return (
    <>
      <section
        ref={canvas}
        id={CANVAS_ID}
        tabIndex={-1}
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
        <EventLog history={history} />
      </div>
    </>
  );
}

function modeText(config: DemoConfig): string {
  if (config.mode === 'mock') return 'Live stories: our handler → mock Tray';
  if (config.mode === 'real') return 'Live stories: our handler → real Tray';
  return 'Static build: our handler → mock Tray, in the page';
}
