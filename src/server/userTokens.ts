import type { CachedToken, TokenCache } from './tokenCache.js';
import { isUnauthenticated, type TrayResult } from './trayClient.js';
import { TrayHandlerError } from './responses.js';
import type { TrayHandlerLogger } from './options.js';

export interface UserTokens {
  /** A valid token for the user: from the cache, or from one shared `authorize` call. */
  get(userId: string): Promise<string>;
  /** A token other than `staleToken`, which Tray just refused; the stale one leaves the cache. */
  refresh(userId: string, staleToken: string): Promise<string>;
}

/**
 * User tokens, cached until `tokenRefreshMarginMs` before they expire. Concurrent requests
 * for one user share a single lookup-then-authorize promise, so a burst of first requests
 * (or of retries after a 401) costs exactly one `authorize`.
 */
export function createUserTokens(options: {
  cache: TokenCache;
  authorize: (userId: string) => Promise<string>;
  ttlMs: number;
  marginMs: number;
  now: () => number;
  logger: TrayHandlerLogger;
}): UserTokens {
  const { cache, now, logger } = options;
  const inFlight = new Map<string, Promise<string>>();
  // The token Tray last refused, per user: never handed out again, even if a cache still has it.
  const refused = new Map<string, string>();

  async function attempt(what: string, userId: string, action: () => unknown) {
    try {
      return await action();
    } catch {
      logger.warn(`The token cache failed on ${what}; carrying on without it.`, { userId });
      return undefined;
    }
  }

  async function lookUpOrAuthorize(userId: string): Promise<string> {
    const cached = (await attempt('get', userId, () => cache.get(userId))) as CachedToken | undefined;
    if (cached && cached.accessToken === refused.get(userId)) {
      await attempt('delete', userId, () => cache.delete(userId));
    } else if (cached && cached.expiresAt - options.marginMs > now()) {
      return cached.accessToken;
    }
    const accessToken = await options.authorize(userId);
    refused.delete(userId);
    await attempt('set', userId, () => cache.set(userId, { accessToken, expiresAt: now() + options.ttlMs }));
    return accessToken;
  }

  function get(userId: string): Promise<string> {
    const pending = inFlight.get(userId);
    if (pending) return pending;
    const lookup = lookUpOrAuthorize(userId);
    inFlight.set(userId, lookup);
    const forget = () => {
      if (inFlight.get(userId) === lookup) inFlight.delete(userId);
    };
    lookup.then(forget, forget);
    return lookup;
  }

  return {
    get,
    async refresh(userId, staleToken) {
      refused.set(userId, staleToken);
      // A lookup that began before the refusal may still resolve to the stale token; wait it out.
      const pending = inFlight.get(userId);
      if (pending) {
        const token = await pending.catch(() => undefined);
        if (token !== undefined && token !== staleToken) return token;
      }
      return get(userId);
    },
  };
}

/**
 * Runs `call` with the user's token. When Tray refuses the token itself (HTTP 401, or an
 * UNAUTHENTICATED-like error code) the token is evicted and `call` runs once more with a fresh
 * one; a second refusal is not retried again.
 */
export async function withUserToken(
  tokens: UserTokens,
  userId: string,
  logger: TrayHandlerLogger,
  call: (token: string) => Promise<TrayResult>,
): Promise<TrayResult> {
  const token = await tokens.get(userId);
  const first = await call(token);
  if (!isUnauthenticated(first)) return first;
  logger.warn('Tray refused a cached user token; authorizing again and retrying once.', { userId });
  const retried = await call(await tokens.refresh(userId, token));
  if (retried.status === 401) {
    throw new TrayHandlerError(
      502,
      'upstream_unauthorized',
      'Tray refused a freshly issued user token. Check that the master token and region (or graphqlUrl) belong to the same Tray account.',
    );
  }
  return retried;
}
