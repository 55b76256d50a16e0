import { SEED_IDS } from '../../mock-tray/seed.js';
import type { BeforeEnable, InstanceEvent, OnInstanceEvent } from '../../server/index.js';

/**
 * The demo partner's decisions, as a partner would write them for `createTrayHandler`: the
 * reviewed solution (also `disableAutoEnable`) is activated by the partner's staff only, so an
 * end user's own Enable is refused with the reason; the console's (admin route) goes through.
 */
export const REVIEW_REFUSAL =
  'HubSpot contacts (reviewed) is activated by your account manager once they have reviewed the setup. We will email you when it is live.';

export const demoBeforeEnable: BeforeEnable = ({ instance, via }) =>
  via === 'graphql' && instance.solution.id === SEED_IDS.solutions.reviewed ? { refuse: REVIEW_REFUSAL } : undefined;

/** What the events panel shows of one `onInstanceEvent`. */
export interface DemoServerEvent {
  id: number;
  type: InstanceEvent['type'];
  solutionInstanceId: string;
  via: InstanceEvent['via'];
  at: string;
}

// A waiting page is answered at least this often, so no request stays open for long.
const LONGEST_WAIT_MS = 25_000;
const KEPT = 100;

/**
 * `onInstanceEvent` → the demo page's events panel: the page asks for the events after the
 * last one it has (`next(after)`), and is answered as soon as there is one (a long poll: no
 * timer on the page, nothing missed between two asks). `close` answers every waiting page.
 */
export function createDemoEvents() {
  const events: DemoServerEvent[] = [];
  let nextId = 1;
  let closed = false;
  const waiting = new Set<() => void>();
  const wake = () => {
    for (const resolve of [...waiting]) resolve();
  };
  const onInstanceEvent: OnInstanceEvent = ({ type, solutionInstanceId, via, at }) => {
    events.push({ id: nextId++, type, solutionInstanceId, via, at });
    if (events.length > KEPT) events.shift();
    wake();
  };
  const after = (id: number) => events.filter((event) => event.id > id);
  return {
    onInstanceEvent,
    /**
     * The events after `id`, once there is one (or `[]` after a while, or on `close`). A negative
     * `id` answers at once with the latest event alone: where a new page starts from.
     */
    async next(id: number, signal?: AbortSignal): Promise<DemoServerEvent[]> {
      if (id < 0) return events.slice(-1);
      if (closed || after(id).length > 0 || signal?.aborted) return after(id);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting.delete(done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, LONGEST_WAIT_MS);
        waiting.add(done);
        signal?.addEventListener('abort', done);
      });
      return after(id);
    },
    close: () => {
      closed = true;
      wake();
    },
  };
}

export type DemoEvents = ReturnType<typeof createDemoEvents>;

/** Where the page asks: `GET …?after=<id>`. */
export const DEMO_EVENTS_PATH = '/api/demo-events';
