import { TrayHandlerError } from './responses.js';

/**
 * One budget for every call made with the master token (authorize, authorization codes,
 * `viewer.solutions`, the admin list), so that together they stay under Tray's limit of 30
 * requests/s per token however the traffic is mixed. Calls that let a user in (`high`:
 * authorize, codes) go before catalog reads (`low`), and a quarter of the burst is held back
 * for them, so one user paging through the catalog cannot lock everyone else out.
 *
 * A call that would wait longer than it may (`maxWaitMs`) is refused at once with a 429 and
 * the wait it would have had, rather than queued into a timeout.
 */
export type MasterPriority = 'high' | 'low';

export interface MasterBudget {
  acquire(priority: MasterPriority, options: { maxWaitMs: number; signal?: AbortSignal | undefined }): Promise<void>;
  /** Tray rate-limited the master token anyway (another process, a script): spend what is left. */
  drain(): void;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
  cleanup(): void;
}

export function createMasterBudget(options: { perSecond: number; now?: () => number }): MasterBudget {
  const { perSecond } = options;
  if (perSecond === Infinity) return { acquire: () => Promise.resolve(), drain: () => undefined };
  const now = options.now ?? Date.now;
  const capacity = Math.max(1, perSecond);
  const reserve = Math.floor(capacity / 4);
  const queues: Record<MasterPriority, Waiter[]> = { high: [], low: [] };
  let tokens = capacity;
  let at = now();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const threshold = (priority: MasterPriority) => 1 + (priority === 'low' ? reserve : 0);

  function refill() {
    const time = now();
    tokens = Math.min(capacity, tokens + (Math.max(0, time - at) * perSecond) / 1000);
    at = time;
  }

  function pump() {
    timer = undefined;
    refill();
    for (const priority of ['high', 'low'] as const) {
      const queue = queues[priority];
      while (queue.length > 0 && tokens >= threshold(priority)) {
        tokens -= 1;
        const waiter = queue.shift()!;
        waiter.cleanup();
        waiter.resolve();
      }
      if (queue.length > 0) break; // low waits while high waits
    }
    schedule();
  }

  function schedule() {
    if (timer !== undefined) return;
    const head = queues.high.length > 0 ? 'high' : queues.low.length > 0 ? 'low' : undefined;
    if (!head) return;
    const ms = Math.max(1, Math.ceil(((threshold(head) - tokens) * 1000) / perSecond));
    timer = setTimeout(pump, ms);
  }

  return {
    acquire(priority, { maxWaitMs, signal }) {
      refill();
      const ahead = priority === 'high' ? queues.high.length : queues.high.length + queues.low.length;
      if (ahead === 0 && tokens >= threshold(priority)) {
        tokens -= 1;
        return Promise.resolve();
      }
      const waitMs = ((ahead + threshold(priority) - tokens) * 1000) / perSecond;
      if (waitMs > maxWaitMs) {
        const seconds = Math.max(1, Math.ceil(waitMs / 1000));
        return Promise.reject(
          new TrayHandlerError(429, 'rate_limited', `Tray is busy with other users right now. Try again in ${seconds} s.`, {
            'retry-after': String(seconds),
          }),
        );
      }
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const queue = queues[priority];
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(signal!.reason);
        };
        const waiter: Waiter = { resolve, reject, cleanup: () => signal?.removeEventListener('abort', onAbort) };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        schedule();
      });
    },
    drain() {
      refill();
      tokens = 0;
    },
  };
}
