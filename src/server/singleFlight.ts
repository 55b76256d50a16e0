import { LruMap } from './lru.js';

/**
 * Concurrent callers with the same key share one run of `work`: one `authorize` per user
 * however many of their requests arrive at once, one catalog call per distinct query. The
 * entry leaves when the work settles, failed or not, so a failure never wedges a key; the
 * work itself must be bounded in time (every call the handler makes is).
 */
export interface SingleFlight {
  /**
   * `lookUp`, when given, finds a result some earlier run left behind (a cached token): a
   * shared flight tries it before taking its cross-process lock, so a hit costs no lock.
   * `work` must look it up too; the in-memory flight leaves that to `work` alone.
   */
  run<T>(key: string, work: () => Promise<T>, lookUp?: () => Promise<T | undefined>): Promise<T>;
  /** The run in progress for `key`, if any. */
  pending(key: string): Promise<unknown> | undefined;
}

export function createSingleFlight(options: { maxKeys: number }): SingleFlight {
  // Bounded like every per-user map; evicting a run only means a later caller starts another.
  const running = new LruMap<string, Promise<unknown>>({ maxEntries: options.maxKeys });
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const pending = running.get(key);
      if (pending) return pending as Promise<T>;
      const run = Promise.resolve().then(work);
      running.set(key, run);
      const forget = () => {
        if (running.peek(key) === run) running.delete(key);
      };
      run.then(forget, forget);
      return run;
    },
    pending: (key) => running.peek(key),
  };
}
