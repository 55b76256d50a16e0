import { boundedIfAsync, untilAborted } from './deadline.js';
import type { HandlerStore } from './handlerStore.js';
import type { TrayHandlerLogger } from './options.js';
import { TrayHandlerError } from './responses.js';
import type { SecretRegistry } from './secrets.js';
import type { CachedToken } from './tokenCache.js';
import { isUnauthenticated, type TrayResult } from './trayClient.js';

export interface UserTokens {
  /** A valid token for the user: from the cache, or from one shared `authorize` call. */
  get(userId: string, signal?: AbortSignal): Promise<string>;
  /** A token other than `staleToken`, which Tray just refused; the stale one leaves the cache. */
  refresh(userId: string, staleToken: string, signal?: AbortSignal): Promise<string>;
}

class StoreTimeout extends Error {}

/**
 * User tokens, cached until `marginMs` before they expire. Concurrent requests for one user
 * share a single lookup-then-authorize (`store.authorizing`), so a burst of first requests (or
 * of retries after a refusal) costs exactly one `authorize`. That shared work is bounded by
 * the handler's timeouts, not by any one client, so a client that leaves does not fail the
 * others, and a failed or timed-out authorize leaves nothing behind: the next request tries
 * again. A store call that fails or outlasts `timeoutMs` is logged and treated as a miss.
 */
export function createUserTokens(options: {
  store: HandlerStore;
  authorize: (userId: string) => Promise<string>;
  secrets: SecretRegistry;
  ttlMs: number;
  marginMs: number;
  timeoutMs: number;
  now: () => number;
  logger: TrayHandlerLogger;
}): UserTokens {
  const { store, now, logger, secrets } = options;

  async function attempt<T>(what: string, userId: string, action: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await boundedIfAsync(action(), { ms: options.timeoutMs, onTimeout: () => new StoreTimeout() });
    } catch (error) {
      const reason = error instanceof StoreTimeout ? `no answer within ${options.timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      logger.warn(`The token store failed on ${what}; carrying on without it.`, { userId, reason });
      return undefined;
    }
  }

  /** A fresh, unrefused token from the store, if it holds one. */
  async function lookUp(userId: string): Promise<string | undefined> {
    const cached = (await attempt('get', userId, () => store.tokens.get(userId))) as CachedToken | undefined;
    if (!cached || typeof cached.accessToken !== 'string') return undefined;
    const refused = await attempt('refusals.get', userId, () => store.refusedTokens.get(userId));
    if (cached.accessToken === refused) {
      await attempt('delete', userId, () => store.tokens.delete(userId));
      return undefined;
    }
    if (cached.expiresAt - options.marginMs <= now()) return undefined;
    // A token from a shared store may have been issued by another server: know it here too.
    secrets.add(cached.accessToken);
    return cached.accessToken;
  }

  async function lookUpOrAuthorize(userId: string): Promise<string> {
    const found = await lookUp(userId);
    if (found !== undefined) return found;
    const accessToken = await options.authorize(userId);
    secrets.add(accessToken);
    // The refusal stays on record: a store that failed to delete (or a lagging replica) may
    // offer the refused token again later, and it must not be sent.
    await attempt('set', userId, () => store.tokens.set(userId, { accessToken, expiresAt: now() + options.ttlMs }));
    return accessToken;
  }

  /** A fresh, unrefused token a synchronous store (the in-memory default) holds: no promise, no flight. */
  function cachedAtOnce(userId: string): string | undefined {
    if (!store.synchronous) return undefined;
    try {
      const cached = store.tokens.get(userId);
      if (!cached || cached instanceof Promise || typeof cached.accessToken !== 'string') return undefined;
      if (cached.expiresAt - options.marginMs <= now()) return undefined;
      const refused = store.refusedTokens.get(userId);
      return refused instanceof Promise || refused === cached.accessToken ? undefined : cached.accessToken;
    } catch {
      return undefined; // the slow path logs it
    }
  }

  function get(userId: string, signal?: AbortSignal): Promise<string> {
    const token = cachedAtOnce(userId);
    if (token !== undefined) {
      secrets.add(token);
      return Promise.resolve(token);
    }
    return untilAborted(store.authorizing.run(userId, () => lookUpOrAuthorize(userId), () => lookUp(userId)), signal);
  }

  return {
    get,
    async refresh(userId, staleToken, signal) {
      await attempt('refusals.set', userId, () => store.refusedTokens.set(userId, staleToken));
      // A lookup that began before the refusal may still resolve to the stale token; wait it out.
      const pending = store.authorizing.pending(userId) as Promise<string> | undefined;
      if (pending) {
        const token = await untilAborted(pending, signal).catch((error: unknown) => {
          if (signal?.aborted) throw error;
          return undefined;
        });
        if (token !== undefined && token !== staleToken) return token;
      }
      return get(userId, signal);
    },
  };
}

/**
 * Runs `call` with the user's token. When Tray refuses the token itself (HTTP 401 or 403, or
 * an error saying the token is invalid or expired) the token is evicted and `call` runs once
 * more with a fresh one; a second refusal is not retried again.
 */
export async function withUserToken(
  tokens: UserTokens,
  userId: string,
  logger: TrayHandlerLogger,
  call: (token: string) => Promise<TrayResult>,
  signal?: AbortSignal,
): Promise<TrayResult> {
  const token = await tokens.get(userId, signal);
  const first = await call(token);
  if (!isUnauthenticated(first)) return first;
  logger.warn(`Tray refused a cached user token (HTTP ${first.status}); authorizing again and retrying once.`, { userId });
  const retried = await call(await tokens.refresh(userId, token, signal));
  if (retried.status === 401) {
    throw new TrayHandlerError(
      502,
      'upstream_unauthorized',
      'Tray refused a freshly issued user token. Check that the master token and region (or graphqlUrl) belong to the same Tray account.',
    );
  }
  return retried;
}
