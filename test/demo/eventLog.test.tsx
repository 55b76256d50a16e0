import { render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { appendEvent, EventLog, MAX_LOGGED_EVENTS, NO_EVENTS, type EventHistory } from '../../src/demo/EventLog';

const at = new Date('2026-12-01T10:00:00Z');
const historyOf = (count: number): EventHistory => {
  let history = NO_EVENTS;
  for (let i = 0; i < count; i += 1) history = appendEvent(history, `event ${i}`, { i }, at);
  return history;
};

describe("the demo's events panel", () => {
  it('keeps the newest events only, counting the rest', () => {
    const history = historyOf(MAX_LOGGED_EVENTS + 5);
    expect(history.total).toBe(MAX_LOGGED_EVENTS + 5);
    expect(history.events).toHaveLength(MAX_LOGGED_EVENTS);
    expect(history.events[0]!.name).toBe('event 5');
    expect(history.events.at(-1)!.name).toBe(`event ${MAX_LOGGED_EVENTS + 4}`);
    expect(new Set(history.events.map((event) => event.id)).size).toBe(MAX_LOGGED_EVENTS);
  });

  it('says how many earlier events it no longer shows', () => {
    render(<StrictMode><EventLog history={historyOf(MAX_LOGGED_EVENTS + 2)} /></StrictMode>);
    const panel = screen.getByRole('region', { name: 'Events' });
    expect(within(panel).getByText('2 earlier events not shown.')).toBeInTheDocument();
    expect(within(panel).getAllByRole('listitem')).toHaveLength(MAX_LOGGED_EVENTS);
  });

  it('shows every event and no count while there are few', () => {
    render(<StrictMode><EventLog history={historyOf(3)} /></StrictMode>);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByText(/earlier event/)).toBeNull();
    expect(screen.getByRole('list', { name: 'Events, newest last' })).toHaveAttribute('tabindex', '0');
  });
});
