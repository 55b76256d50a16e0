import { LruMap } from './lru.js';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** A per-key allowance, e.g. per user. A shared store can implement it with Redis. */
export interface RateLimiter {
  /** Takes one request's worth of `key`'s allowance; when none is left, says how long until there is. */
  take(key: string): RateDecision | Promise<RateDecision>;
}

const ALLOWED: RateDecision = Object.freeze({ allowed: true });

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in memory, one per key: `perSecond` refill, at most `burst` saved up. At most
 * `maxKeys` buckets are kept (least recently used out); a key that comes back after eviction
 * starts with a full bucket, which costs nothing an attacker could not get with a new account.
 */
export function createMemoryRateLimiter(options: { perSecond: number; burst: number; maxKeys: number; now: () => number }): RateLimiter {
  const { perSecond, burst, now } = options;
  if (perSecond === Infinity) return { take: () => ALLOWED };
  const buckets = new LruMap<string, Bucket>({ maxEntries: options.maxKeys });
  return {
    take(key) {
      const time = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { tokens: burst, at: time };
        buckets.set(key, bucket);
      }
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, time - bucket.at) * perSecond) / 1000);
      bucket.at = time;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return ALLOWED;
      }
      return { allowed: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) * 1000) / perSecond) };
    },
  };
}
