import { sleep } from '../deadline.js';
import { createSingleFlight, type SingleFlight } from '../singleFlight.js';
import type { Failover } from './failover.js';
import type { RedisCommands } from './redisClient.js';
import { RELEASE, type RunScript } from './scripts.js';

/**
 * One run of `work` per key across every process: in this process a plain single flight;
 * then `lookUp` (a hit needs no lock); then, between processes, a Redis lock with a deadline (`SET key owner NX PX timeoutMs`). Whoever
 * does not get the lock polls it (5 ms, doubling to 50 ms) and, once it is gone, runs `work`
 * under the lock itself: `work` must look for the holder's result first (a cached token, a
 * cached catalog answer), so only the first holder calls Tray. A holder that dies delays the
 * others until its lock expires, at most `timeoutMs`. With Redis down it is the local flight.
 */
export function createSharedFlight(options: {
  keyOf: (key: string) => string | Promise<string>;
  redis: RedisCommands;
  runScript: RunScript;
  failover: Failover;
  timeoutMs: number;
  maxKeys: number;
}): SingleFlight {
  const { redis, runScript, failover, timeoutMs } = options;
  const local = createSingleFlight({ maxKeys: options.maxKeys });

  async function underLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lock = await options.keyOf(key);
    const owner = randomOwner();
    // Past this, run anyway: locks expire after timeoutMs, so only a stream of new holders gets here.
    const giveUpAt = Date.now() + 2 * timeoutMs;
    let pause = 5;
    for (;;) {
      const taken = await failover.run(
        async () => (await redis.send(['SET', lock, owner, 'NX', 'PX', String(timeoutMs)])) === 'OK',
        () => undefined,
      );
      if (taken === undefined) return work();
      if (taken) {
        try {
          return await work();
        } finally {
          // Awaited, so the others (and this process's next caller) find it gone at once.
          await failover.run(() => runScript(RELEASE, [lock], [owner]), () => undefined);
        }
      }
      // Someone else holds it: wait until it is released or expires.
      for (;;) {
        if (Date.now() >= giveUpAt) return work();
        await sleep(pause);
        pause = Math.min(50, pause * 2);
        const left = await failover.run(async () => Number(await redis.send(['PTTL', lock])), () => -2);
        if (left <= 0) break;
      }
    }
  }

  return {
    run: (key, work, lookUp) =>
      local.run(key, async () => {
        const found = lookUp ? await lookUp() : undefined;
        return found !== undefined ? found : underLock(key, work);
      }),
    pending: (key) => local.pending(key),
  };
}

function randomOwner(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
