import { bounded } from '../deadline.js';
import type { TrayHandlerLogger } from '../options.js';
import type { RedisCommands } from './redisClient.js';

/**
 * Redis first, this process's memory when Redis is down. The first failure of an outage is
 * logged once (its reason, never a value); from then on calls go to memory at once, and Redis
 * is tried again at most once a second (never while the client itself says it has no
 * connection), so an outage costs nobody a timeout per request. The first call that works
 * again ends the outage, and says so once.
 */
export interface Failover {
  run<T>(shared: () => Promise<T>, local: () => T | Promise<T>): Promise<T>;
  /** True while calls go to memory. */
  readonly degraded: boolean;
}

const RETRY_EVERY_MS = 1_000;

export function createFailover(options: { redis: RedisCommands; timeoutMs: number; logger: TrayHandlerLogger }): Failover {
  const { redis, logger } = options;
  // Half the handler's own bound: the fallback answers before the caller's timer would fire.
  const callMs = Math.max(1, Math.floor(options.timeoutMs / 2));
  let downSince: number | undefined;
  let lastTry = 0;

  function markDown(reason: string): void {
    if (downSince !== undefined) return;
    downSince = Date.now();
    logger.error("Redis store unavailable: serving from this process's memory until Redis answers again.", { reason });
  }

  function markUp(): void {
    if (downSince === undefined) return;
    const seconds = Math.round((Date.now() - downSince) / 1000);
    downSince = undefined;
    logger.warn(`Redis store available again after ${seconds} s: processes share state again.`);
  }

  return {
    get degraded() {
      return downSince !== undefined;
    },
    async run(shared, local) {
      if (redis.isDown()) {
        markDown('the Redis client has no connection');
        return local();
      }
      if (downSince !== undefined) {
        if (Date.now() - lastTry < RETRY_EVERY_MS) return local();
        lastTry = Date.now();
      }
      let value;
      try {
        value = await bounded(() => shared(), { ms: callMs, onTimeout: () => new Error(`Redis did not answer within ${callMs} ms`) });
      } catch (error) {
        lastTry = Date.now();
        markDown(error instanceof Error ? error.message : String(error));
        return local();
      }
      markUp();
      return value;
    },
  };
}
