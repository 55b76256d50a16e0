import type { Failover } from './failover.js';
import type { RedisCommands } from './redisClient.js';

/** How a value is written into a Redis string and read back; `key` is the Redis key it lives under. */
export interface EntryCodec<V> {
  write(value: V, key: string): Promise<string>;
  /** undefined for a value that cannot be read (another key, another version): a miss. */
  read(text: string, key: string): Promise<V | undefined>;
}

/** This process's copy, used while Redis is down. */
export interface LocalEntries<V> {
  get(id: string): V | undefined | Promise<V | undefined>;
  set(id: string, value: V): unknown;
  delete?(id: string): unknown;
}

export interface SharedEntries<V> {
  get(id: string): Promise<V | undefined>;
  set(id: string, value: V): Promise<void>;
  delete(id: string): Promise<void>;
}

/**
 * One keyed map in Redis: `<prefix><name>:<id>` → a string, expiring as `ttlMs` says (a
 * Redis TTL, so Redis drops what nobody needs). Every map the handler keeps per user or per
 * query is one of these; a new one is one call.
 */
export function sharedEntries<V>(options: {
  redis: RedisCommands;
  failover: Failover;
  prefix: string;
  name: string;
  codec: EntryCodec<V>;
  /** Milliseconds the value may live; ≤ 0 means it is already stale and is not written. */
  ttlMs: (value: V) => number;
  local: LocalEntries<V>;
  /** Turns an id into the key's last part (e.g. a hash of a long catalog query). @default the id */
  idOf?: (id: string) => string | Promise<string>;
}): SharedEntries<V> {
  const { redis, failover, codec, local } = options;
  const keyOf = async (id: string) => `${options.prefix}${options.name}:${options.idOf ? await options.idOf(id) : id}`;
  return {
    get: (id) =>
      failover.run(
        async () => {
          const key = await keyOf(id);
          const text = await redis.send(['GET', key]);
          return typeof text === 'string' ? codec.read(text, key) : undefined;
        },
        () => local.get(id),
      ),
    set: (id, value) =>
      failover.run(
        async () => {
          const ttl = Math.ceil(options.ttlMs(value));
          if (ttl <= 0) return;
          const key = await keyOf(id);
          await redis.send(['SET', key, await codec.write(value, key), 'PX', String(ttl)]);
        },
        () => void local.set(id, value),
      ),
    delete: (id) =>
      failover.run(
        async () => void (await redis.send(['DEL', await keyOf(id)])),
        () => void local.delete?.(id),
      ),
  };
}

/** Plain JSON, for what is not secret (catalog answers). */
export function jsonCodec<V>(): EntryCodec<V> {
  return {
    write: async (value) => JSON.stringify(value),
    read: async (text) => {
      try {
        return JSON.parse(text) as V;
      } catch {
        return undefined;
      }
    },
  };
}
