import { LruMap } from './lru.js';
import { createMasterBudget, type MasterBudget } from './masterBudget.js';
import type { TrayHandlerLogger } from './options.js';
import { createMemoryRateLimiter, type RateLimiter } from './rateLimiter.js';
import { createSingleFlight, type SingleFlight } from './singleFlight.js';
import { createMemoryTokenCache, type TokenCache } from './tokenCache.js';

type MaybePromise<T> = T | Promise<T>;

/** A catalog answer (`viewer.solutions`) as sent to browsers, shared between users. */
export interface CachedAnswer {
  status: number;
  /** The JSON body, already scrubbed. */
  body: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface AnswerCache {
  get(key: string): MaybePromise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer): MaybePromise<unknown>;
}

/** Per user: the token Tray last refused, never to be handed out again. */
export interface RefusedTokens {
  get(userId: string): MaybePromise<string | undefined>;
  set(userId: string, token: string): MaybePromise<unknown>;
}

/**
 * Per external user (`getUser` returned `{ externalUserId }`): the Tray user id found or
 * created for them. Kept for good: Tray's id for a user never changes.
 */
export interface ExternalUserIds {
  get(externalUserId: string): MaybePromise<string | undefined>;
  set(externalUserId: string, userId: string): MaybePromise<unknown>;
}

/**
 * Everything the handler remembers between requests, behind small interfaces so that a
 * shared store (Redis, a KV namespace) can stand in for this process's memory when several
 * servers must act as one. Every method may be synchronous or return a promise.
 */
export interface HandlerStore {
  tokens: TokenCache;
  refusedTokens: RefusedTokens;
  /** External user id → Tray user id, so a user is looked up (or created) once, not per request. */
  externalUsers: ExternalUserIds;
  /** Requests per user per second (`limits.userRequestsPerSecond`, `limits.userBurst`). */
  userLimits: RateLimiter;
  /** Catalog answers, keyed by document and variables. */
  catalog: AnswerCache;
  /** One `authorize` at a time per user. */
  authorizing: SingleFlight;
  /** One upstream catalog read at a time per distinct query. */
  catalogReads: SingleFlight;
  /** Every master-token call draws on it (`limits.masterRequestsPerSecond`). */
  masterBudget: MasterBudget;
  /** True when `tokens` and `refusedTokens` answer synchronously: the hot path then needs no promise. */
  synchronous: boolean;
}

/** What the handler tells a store when it opens it: the resolved limits and services. */
export interface StoreSettings {
  maxUsers: number;
  userRequestsPerSecond: number;
  userBurst: number;
  masterRequestsPerSecond: number;
  /** Bounds every call a store makes to something outside this process. */
  timeoutMs: number;
  /** How long a user token lives: a shared store keeps a refusal no longer than that. */
  tokenTtlMs: number;
  now: () => number;
  logger: TrayHandlerLogger;
}

/**
 * The handler's `store` option: a store made before the handler (`createRedisStore(client)`),
 * which the handler opens with its own limits. The in-memory store is the default.
 */
export interface TrayHandlerStore {
  /** Called once by `createTrayHandler`. */
  open(settings: StoreSettings): HandlerStore;
}

// A catalog answer is typically a few KB; these bound a cache fed odd variables on purpose.
const CATALOG_MAX_ENTRIES = 500;
const CATALOG_MAX_CHARS = 4 * 1024 * 1024;

/** The default store: this process's memory, every map bounded with LRU eviction. */
export function createMemoryStore(options: {
  maxUsers: number;
  userRequestsPerSecond: number;
  userBurst: number;
  /** @default Infinity (no budget) */
  masterRequestsPerSecond?: number;
  now: () => number;
  tokens?: TokenCache | undefined;
}): HandlerStore {
  const { maxUsers, now } = options;
  const refused = new LruMap<string, string>({ maxEntries: maxUsers });
  const externalUsers = new LruMap<string, string>({ maxEntries: maxUsers });
  const catalog = new LruMap<string, CachedAnswer>({
    maxEntries: CATALOG_MAX_ENTRIES,
    maxWeight: CATALOG_MAX_CHARS,
    weigh: (answer, key) => answer.body.length + key.length,
  });
  return {
    tokens: options.tokens ?? createMemoryTokenCache({ maxEntries: maxUsers, now }),
    refusedTokens: {
      get: (userId) => refused.get(userId),
      set: (userId, token) => refused.set(userId, token),
    },
    externalUsers: {
      get: (externalUserId) => externalUsers.get(externalUserId),
      set: (externalUserId, userId) => externalUsers.set(externalUserId, userId),
    },
    userLimits: createMemoryRateLimiter({ perSecond: options.userRequestsPerSecond, burst: options.userBurst, maxKeys: maxUsers, now }),
    catalog: {
      get(key) {
        const answer = catalog.get(key);
        if (answer && answer.expiresAt <= now()) {
          catalog.delete(key);
          return undefined;
        }
        return answer;
      },
      set: (key, answer) => catalog.set(key, answer),
    },
    authorizing: createSingleFlight({ maxKeys: maxUsers }),
    catalogReads: createSingleFlight({ maxKeys: CATALOG_MAX_ENTRIES }),
    masterBudget: createMasterBudget({ perSecond: options.masterRequestsPerSecond ?? Infinity }),
    synchronous: options.tokens === undefined,
  };
}
