import { useLayoutEffect, useRef } from 'react';

export interface LoggedEvent {
  /** Increasing per story visit: a stable key while old events are dropped. */
  id: number;
  at: Date;
  name: string;
  detail?: unknown;
}

/** The panel keeps this many; older ones are counted, not shown (a long session stays light). */
export const MAX_LOGGED_EVENTS = 100;

/** A story visit's events: the newest MAX_LOGGED_EVENTS, and how many there were in all. */
export interface EventHistory {
  events: LoggedEvent[];
  total: number;
}

export const NO_EVENTS: EventHistory = { events: [], total: 0 };

/** The history with one more event, the oldest dropped past MAX_LOGGED_EVENTS. */
export function appendEvent({ events, total }: EventHistory, name: string, detail: unknown, at = new Date()): EventHistory {
  return { events: [...events, { id: total, at, name, detail }].slice(-MAX_LOGGED_EVENTS), total: total + 1 };
}

/**
 * The callbacks a story's components fired, newest last. The list scrolls inside a panel of
 * bounded height (demo.css) and follows the newest event unless the reader scrolled up.
 */
export function EventLog({ history: { events, total } }: { history: EventHistory }) {
  const dropped = total - events.length;
  const list = useRef<HTMLOListElement>(null);
  const isFollowing = useRef(true);
  useLayoutEffect(() => {
    const element = list.current;
    if (element && isFollowing.current) element.scrollTop = element.scrollHeight;
  }, [events]);
  const onScroll = () => {
    const element = list.current;
    if (element) isFollowing.current = element.scrollHeight - element.scrollTop - element.clientHeight < 8;
  };

  return (
    <section aria-label="Events">
      <h3>Events</h3>
      {events.length === 0 ? (
        <p className="demo-muted">No events yet.</p>
      ) : (
        <>
          {dropped > 0 ? <p className="demo-muted">{dropped} earlier {dropped === 1 ? 'event' : 'events'} not shown.</p> : null}
          {/* Focusable so the keyboard can scroll it (axe: scrollable-region-focusable). */}
          <ol ref={list} className="demo-events" tabIndex={0} aria-label="Events, newest last" onScroll={onScroll}>
            {events.map((event) => (
              <li key={event.id}>
                <time>{event.at.toLocaleTimeString()}</time> <strong>{event.name}</strong>
                {event.detail === undefined ? null : <code> {JSON.stringify(event.detail)}</code>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
