export interface LoggedEvent {
  at: Date;
  name: string;
  detail?: unknown;
}

/** The callbacks a story's components fired, newest last. */
export function EventLog({ events }: { events: LoggedEvent[] }) {
  return (
    <section aria-label="Events">
      <h3>Events</h3>
      {events.length === 0 ? (
        <p className="demo-muted">No events yet.</p>
      ) : (
        <ol className="demo-events">
          {events.map((event, i) => (
            <li key={i}>
              <time>{event.at.toLocaleTimeString()}</time> <strong>{event.name}</strong>
              {event.detail === undefined ? null : <code> {JSON.stringify(event.detail)}</code>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
