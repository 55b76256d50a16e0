/**
 * The Redis store inside one process, on a real redis-server: what it writes where, how it
 * refuses bad input, and the handler's token rules (refusals, expiry) on top of it.
 */
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryTokenCache, createRedisStore, createTrayHandler } from '../../../src/server/index';
import { createHarness, expectNoTokenLeaks, MASTER_TOKEN } from '../helpers/harness';
import { redisServerExecutable, startRedisServer, type RedisServer } from '../../support/redisServer';

afterAll(expectNoTokenLeaks);

const LIST = { query: '{ viewer { solutionInstances { totalCount } } }' };
const KEY = Buffer.alloc(32, 7);
let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

describe('createRedisStore refuses what it cannot use, at once', () => {
  it('a client that is neither ioredis nor node-redis', () => {
    expect(() => createRedisStore({} as never)).toThrow(/ioredis client .* or a connected node-redis 4\+ client/);
    expect(() => createRedisStore(null as never)).toThrow(/ioredis/);
  });

  it('an encryption key that is not 32 bytes', () => {
    expect(() => createRedisStore(redis, { encryptionKey: Buffer.alloc(16) })).toThrow(/32 bytes .* received 16 bytes.*openssl rand -hex 32/);
    expect(() => createRedisStore(redis, { encryptionKey: 'secret' })).toThrow(/64 hex characters; received a string of 6 characters/);
  });

  it('store together with tokenCache', () => {
    expect(() =>
      createTrayHandler({ masterToken: 'm', embeddedId: 'e', getUser: () => null, store: createRedisStore(redis), tokenCache: createMemoryTokenCache() }),
    ).toThrow(/either store or tokenCache, not both/);
  });

  it('says how to install redis-server when it is missing', () => {
    const saved = process.env['REDIS_SERVER'];
    process.env['REDIS_SERVER'] = '/nonexistent/redis-server';
    try {
      expect(() => redisServerExecutable()).toThrow(/apt-get install -y redis-server/);
    } finally {
      if (saved === undefined) delete process.env['REDIS_SERVER'];
      else process.env['REDIS_SERVER'] = saved;
    }
  });
});

describe.each([
  ['ioredis', async () => new Redis(server.url)],
  ['redis', async () => createClient({ url: server.url }).connect()],
] as const)('the Redis store in one process, with %s', (_name, connect) => {
  it('keeps the token under <prefix>token:<user>, encrypted, with the token’s expiry as its TTL', async () => {
    const client = await connect();
    const keyPrefix = `t-${_name}:`;
    const now = Date.now();
    const { post, tray, logs } = createHarness({ store: createRedisStore(client as never, { keyPrefix, encryptionKey: KEY }), tokenTtlMs: 60_000, now: () => now });
    expect((await post('/graphql', LIST)).status).toBe(200);
    const stored = await redis.get(`${keyPrefix}token:user-a`);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(tray.issuedTokens[0]);
    const ttl = await redis.pttl(`${keyPrefix}token:user-a`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // The lock is gone once the authorize is done.
    expect(await redis.exists(`${keyPrefix}lock:authorize:user-a`)).toBe(0);
    expect(logs).toEqual([]);
    await (client as { quit(): Promise<unknown> }).quit();
  });

  it('a token Tray refused is recorded (encrypted) and never handed out again, by any handler on the store', async () => {
    const client = await connect();
    const store = createRedisStore(client as never, { keyPrefix: `r-${_name}:`, encryptionKey: KEY });
    const first = createHarness({ store });
    expect((await first.post('/graphql', LIST)).status).toBe(200);
    first.tray.revoke(first.tray.issuedTokens[0]!);
    expect((await first.post('/graphql', LIST)).status).toBe(200);
    expect(first.tray.authorizeCalls()).toHaveLength(2);
    const refused = await redis.get(`r-${_name}:refused:user-a`);
    expect(refused).toMatch(/^v1\./);
    expect(refused).not.toContain(first.tray.issuedTokens[0]);
    expect(await redis.pttl(`r-${_name}:refused:user-a`)).toBeGreaterThan(0);
    await (client as { quit(): Promise<unknown> }).quit();
  });

  it('a value sealed under one key does not open under another: a swapped entry is a miss', async () => {
    const client = await connect();
    const keyPrefix = `s-${_name}:`;
    const { post, tray } = createHarness({ store: createRedisStore(client as never, { keyPrefix, encryptionKey: KEY }), limits: { userRequestsPerSecond: Infinity } });
    await post('/graphql', LIST, { userId: 'alice' });
    await post('/graphql', LIST, { userId: 'bob' });
    // Someone with write access to Redis copies alice's entry over bob's.
    await redis.set(`${keyPrefix}token:bob`, (await redis.get(`${keyPrefix}token:alice`))!);
    await post('/graphql', LIST, { userId: 'bob' });
    const bobsCalls = tray.callsTo('viewer.solutionInstances').slice(-1);
    expect(bobsCalls[0]!.authorization).not.toBe(`Bearer ${tray.issuedTokens[0]}`);
    expect(tray.authorizeCalls('bob')).toHaveLength(2);
    await (client as { quit(): Promise<unknown> }).quit();
  });

  it('the external-user mapping is shared by every handler on the store, under a hashed key', async () => {
    const client = await connect();
    const keyPrefix = `x-${_name}:`;
    const settings = {
      maxUsers: 100,
      userRequestsPerSecond: 10,
      userBurst: 20,
      masterRequestsPerSecond: 20,
      timeoutMs: 10_000,
      tokenTtlMs: 60_000,
      now: Date.now,
      logger: { warn: () => undefined, error: () => undefined },
    };
    const store = createRedisStore(client as never, { keyPrefix, encryptionKey: KEY });
    const [one, other] = [store.open(settings), store.open(settings)];
    expect(await other.externalUsers.get('ada@example.com')).toBeUndefined();
    await one.externalUsers.set('ada@example.com', 'tray-user-1');
    expect(await other.externalUsers.get('ada@example.com')).toBe('tray-user-1');
    const keys = await redis.keys(`${keyPrefix}external:*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${keyPrefix}external:[0-9a-f]{64}$`));
    expect(await redis.pttl(keys[0]!)).toBeGreaterThan(29 * 24 * 60 * 60 * 1000);
    await (client as { quit(): Promise<unknown> }).quit();
  });

  it('without an encryption key the handler warns once that tokens are stored as plain text', async () => {
    const client = await connect();
    const { logs } = createHarness({ store: createRedisStore(client as never, { keyPrefix: `p-${_name}:` }) });
    expect(logs.map((log) => log.message)).toEqual([expect.stringMatching(/no encryptionKey: user tokens are stored in Redis as plain text/)]);
    await (client as { quit(): Promise<unknown> }).quit();
  });
});

describe('MASTER_TOKEN stays out of Redis', () => {
  it('no key or value holds the master token', async () => {
    const keys = await redis.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    const values = await Promise.all(keys.map(async (key) => ((await redis.type(key)) === 'string' ? redis.get(key) : JSON.stringify(await redis.hgetall(key)))));
    expect([...keys, ...values].filter((text) => text?.includes(MASTER_TOKEN))).toEqual([]);
  });
});
