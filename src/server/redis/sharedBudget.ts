import { sleep } from '../deadline.js';
import type { MasterBudget, MasterPriority } from '../masterBudget.js';
import { TrayHandlerError } from '../responses.js';
import type { Failover } from './failover.js';
import { DRAIN, RESERVE, type RunScript } from './scripts.js';

/**
 * The master-token budget shared by every process: the same bucket as the in-memory one (a
 * burst of one second's worth, a quarter held back for `high` calls), kept in Redis. A call
 * reserves its place with one script and sleeps until it is due; a call whose place is
 * further away than `maxWaitMs` is refused with a 429, as in memory. While Redis is down each
 * process falls back to its own in-memory budget.
 */
export function createSharedBudget(options: {
  perSecond: number;
  key: string;
  runScript: RunScript;
  failover: Failover;
  local: MasterBudget;
}): MasterBudget {
  const { perSecond, key, runScript, failover, local } = options;
  if (perSecond === Infinity) return local;
  const capacity = Math.max(1, perSecond);
  const reserve = Math.floor(capacity / 4);
  const threshold = (priority: MasterPriority) => 1 + (priority === 'low' ? reserve : 0);

  return {
    async acquire(priority, { maxWaitMs, signal }) {
      const reply = await failover.run(
        async () => (await runScript(RESERVE, [key], [perSecond, capacity, threshold(priority), Math.floor(maxWaitMs)])) as [number, number],
        () => undefined,
      );
      if (reply === undefined) return local.acquire(priority, { maxWaitMs, signal });
      const [reserved, waitMs] = reply;
      if (!reserved) {
        const seconds = Math.max(1, Math.ceil(waitMs / 1000));
        throw new TrayHandlerError(429, 'rate_limited', `Tray is busy with other users right now. Try again in ${seconds} s.`, {
          'retry-after': String(seconds),
        });
      }
      if (waitMs > 0) await sleep(waitMs, signal);
    },
    drain() {
      void failover.run(() => runScript(DRAIN, [key], [perSecond, capacity]), () => local.drain());
    },
  };
}
