import { LruMap } from './lru.js';

/** A Tray user token and when it stops working (epoch milliseconds). */
export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * Where the handler keeps user tokens between requests. The default lives in memory; a
 * partner running several server instances can back it with a shared store (Redis, a KV
 * namespace) so that each user costs one `authorize` per token lifetime, not one per server.
 * Methods may be synchronous or return promises. A failing store is logged and treated as
 * a miss, so an outage of the cache never takes the integration down.
 */
export interface TokenCache {
  get(userId: string): Promise<CachedToken | undefined> | CachedToken | undefined;
  set(userId: string, token: CachedToken): Promise<unknown> | unknown;
  delete(userId: string): Promise<unknown> | unknown;
}

/**
 * The default `TokenCache`: a bounded map in this process. Expired entries are dropped when
 * read, and the map holds at most `maxEntries` users, least recently used out (a read counts
 * as a use), so a long-running server with many users cannot grow without bound.
 */
export function createMemoryTokenCache(options: { maxEntries?: number; now?: () => number } = {}): TokenCache {
  const now = options.now ?? Date.now;
  const tokens = new LruMap<string, CachedToken>({ maxEntries: options.maxEntries ?? 10_000 });
  return {
    get(userId) {
      const token = tokens.get(userId);
      if (token && token.expiresAt <= now()) {
        tokens.delete(userId);
        return undefined;
      }
      return token;
    },
    set(userId, token) {
      tokens.set(userId, token);
    },
    delete(userId) {
      tokens.delete(userId);
    },
  };
}
