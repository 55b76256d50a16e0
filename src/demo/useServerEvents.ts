import { useEffect } from 'react';
import { DEMO_EVENTS_PATH, type DemoServerEvent } from './partner/partnerHooks.js';

/**
 * Shows the demo backend's `onInstanceEvent` calls in the events panel while a live story is
 * open: one request at a time, each answered when the server has news (a long poll).
 */
export function useServerEvents(isLive: boolean, log: (name: string, detail?: unknown) => void): void {
  useEffect(() => {
    if (!isLive) return;
    const stop = new AbortController();
    const ask = async (after: number) => {
      const response = await fetch(`.${DEMO_EVENTS_PATH}?after=${after}`, { signal: stop.signal });
      return response.ok ? ((await response.json()) as DemoServerEvent[]) : null;
    };
    const listen = async () => {
      // -1 answers at once with the latest event: only events from this visit are shown.
      let after = (await ask(-1))?.[0]?.id ?? 0;
      while (!stop.signal.aborted) {
        const events = await ask(after);
        if (!events) return;
        for (const { type, solutionInstanceId, via } of events) log(`server: onInstanceEvent ${type}`, { solutionInstanceId, via });
        after = events.at(-1)?.id ?? after;
      }
    };
    listen().catch(() => undefined);
    return () => stop.abort();
  }, [isLive, log]);
}
