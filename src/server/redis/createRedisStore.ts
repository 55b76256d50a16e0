import { createMemoryStore, type CachedAnswer, type HandlerStore, type StoreSettings, type TrayHandlerStore } from '../handlerStore.js';
import type { RateDecision } from '../rateLimiter.js';
import type { CachedToken } from '../tokenCache.js';
import { createFailover } from './failover.js';
import { redisCommands, type RedisClientLike } from './redisClient.js';
import { hex, scriptRunner, TAKE_ONE } from './scripts.js';
import { createSecretCodec, type SecretCodec } from './secretCodec.js';
import { createSharedBudget } from './sharedBudget.js';
import { createSharedFlight } from './sharedFlight.js';
import { jsonCodec, sharedEntries, type EntryCodec } from './sharedEntries.js';

export interface RedisStoreOptions {
  /** Put before every key, so several apps (or handlers) can share one Redis. @default 'rte:' */
  keyPrefix?: string;
  /**
   * 32 bytes (a `Uint8Array`/`Buffer`, or 64 hex characters): user tokens are stored encrypted
   * with AES-256-GCM, so a Redis dump or replica holds no usable token. Without it they are
   * stored as plain text (and the handler warns once). Every process needs the same key.
   */
  encryptionKey?: Uint8Array | string;
}

const ALLOWED: RateDecision = Object.freeze({ allowed: true });

/**
 * A store that makes every process sharing one Redis act as one handler: user tokens (with
 * their expiry as a Redis TTL), refused tokens, one `authorize` per user at a time, the
 * per-user and master-token rate limits (a script per check), the catalog cache and one
 * upstream read per distinct catalog query. `client` is the partner's own `ioredis` or
 * node-redis 4+ client. If Redis goes down the handler carries on from this process's memory,
 * logs it once, and goes back to Redis by itself.
 *
 * ```ts
 * const store = createRedisStore(new Redis(process.env.REDIS_URL), { encryptionKey: process.env.TRAY_STORE_KEY });
 * createTrayHandler({ …, store });
 * ```
 */
export function createRedisStore(client: RedisClientLike, options: RedisStoreOptions = {}): TrayHandlerStore {
  const redis = redisCommands(client);
  const prefix = options.keyPrefix ?? 'rte:';
  if (typeof prefix !== 'string') throw new Error('createRedisStore: keyPrefix must be a string, e.g. "rte:".');
  const secrets = createSecretCodec(options.encryptionKey);
  return { open: (settings) => openRedisStore(redis, prefix, secrets, settings) };
}

const EXTERNAL_USER_TTL_MS = 30 * 24 * 60 * 60 * 1000;

function openRedisStore(redis: ReturnType<typeof redisCommands>, prefix: string, secrets: SecretCodec, settings: StoreSettings): HandlerStore {
  const { now, timeoutMs, logger } = settings;
  if (!secrets.encrypted) {
    logger.warn('createRedisStore has no encryptionKey: user tokens are stored in Redis as plain text. Pass a 32-byte encryptionKey.');
  }
  const local = createMemoryStore(settings);
  const failover = createFailover({ redis, timeoutMs, logger });
  const runScript = scriptRunner(redis);
  const sha256 = async (text: string) => hex(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const entries = <V>(name: string, codec: EntryCodec<V>, ttlMs: (value: V) => number, store: Parameters<typeof sharedEntries<V>>[0]['local'], idOf?: (id: string) => Promise<string>) =>
    sharedEntries<V>({ redis, failover, prefix, name, codec, ttlMs, local: store, ...(idOf ? { idOf } : {}) });

  const tokens = entries<CachedToken>('token', sealedJson(secrets), (token) => token.expiresAt - now(), local.tokens);
  const refused = entries<string>('refused', sealedText(secrets), () => settings.tokenTtlMs, local.refusedTokens);
  const catalog = entries<CachedAnswer>('catalog', jsonCodec(), (answer) => answer.expiresAt - now(), local.catalog, sha256);
  // The partner's user id → the Tray user id. It never changes, so it is kept a month and found
  // again with one lookup after that; the partner's id is hashed (it may be an email address).
  const externalUsers = entries<string>('external', jsonCodec(), () => EXTERNAL_USER_TTL_MS, local.externalUsers, sha256);

  return {
    tokens,
    refusedTokens: refused,
    externalUsers,
    userLimits: {
      take(userId) {
        if (settings.userRequestsPerSecond === Infinity) return ALLOWED;
        return failover.run(
          async () => {
            const [allowed, retryAfterMs] = (await runScript(TAKE_ONE, [`${prefix}rate:${userId}`], [settings.userRequestsPerSecond, settings.userBurst])) as [number, number];
            return allowed ? ALLOWED : { allowed: false, retryAfterMs };
          },
          () => local.userLimits.take(userId),
        );
      },
    },
    catalog,
    authorizing: createSharedFlight({ keyOf: (userId) => `${prefix}lock:authorize:${userId}`, redis, runScript, failover, timeoutMs, maxKeys: settings.maxUsers }),
    catalogReads: createSharedFlight({ keyOf: async (key) => `${prefix}lock:catalog:${await sha256(key)}`, redis, runScript, failover, timeoutMs, maxKeys: 500 }),
    masterBudget: createSharedBudget({ perSecond: settings.masterRequestsPerSecond, key: `${prefix}budget:master`, runScript, failover, local: local.masterBudget }),
    synchronous: false,
  };
}

function sealedText(secrets: SecretCodec): EntryCodec<string> {
  return { write: (value, key) => secrets.seal(value, key), read: (text, key) => secrets.open(text, key) };
}

function sealedJson(secrets: SecretCodec): EntryCodec<CachedToken> {
  return {
    write: (token, key) => secrets.seal(JSON.stringify(token), key),
    async read(text, key) {
      const plain = await secrets.open(text, key);
      if (plain === undefined) return undefined;
      try {
        return JSON.parse(plain) as CachedToken;
      } catch {
        return undefined;
      }
    },
  };
}
