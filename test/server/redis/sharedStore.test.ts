/**
 * Several handler processes, one Redis (a real redis-server), one recording fake Tray: the
 * processes act as one handler, with ioredis and with node-redis alike.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHandlers, type HandlerGroup } from '../helpers/handlerProcesses';
import { startTrayServer, type TrayServer } from '../helpers/trayServer';
import { startRedisServer, type RedisServer } from '../../support/redisServer';
import { MASTER_TOKEN } from '../helpers/harness';

const LIST = { query: '{ viewer { solutionInstances { totalCount } } }' };
const CATALOG = 'query Catalog($tags: [String!]) { viewer { solutions(criteria: { tags: $tags }) { edges { node { id } } } } }';
const catalog = (tag: string) => ({ query: CATALOG, variables: { tags: [tag] } });
const ENCRYPTION_KEY = 'a3'.repeat(32);
// The handler's default: on a loaded machine the fake Tray (in this process) can take seconds to answer 400 calls.
const TIMEOUT_MS = 10_000;
// The budget group's: master-token calls may queue for half of it, then are refused.
const LIMITED_TIMEOUT_MS = 5_000;
// Between a process's budget letting a call go and Tray seeing it: the loopback, and a busy machine.
const TRANSIT_JITTER_MS = 250;
const CATALOG_TTL_MS = 1_500;
const PROCESSES = 4;

// A refusal shows its code, so a failure says what went wrong.
const statusesOf = (replies: Array<{ status: number; body: any }>) =>
  replies.map((reply) => (reply.status === 200 || reply.status === 429 ? reply.status : `${reply.status} ${reply.body?.error?.code}`));

// Eight processes and a Redis on two shared cores: the bursts below take seconds, not milliseconds.
describe.each(['ioredis', 'redis'] as const)('the Redis store with %s', { timeout: 60_000 }, (client) => {
  let redis: RedisServer;
  let upstream: TrayServer;
  let shared: HandlerGroup;
  let limited: HandlerGroup;
  let inspect: Redis;

  beforeAll(async () => {
    redis = await startRedisServer();
    upstream = await startTrayServer(MASTER_TOKEN);
    const base = { client, redisUrl: redis.url, graphqlUrl: upstream.graphqlUrl, masterToken: MASTER_TOKEN, encryptionKey: ENCRYPTION_KEY, timeoutMs: TIMEOUT_MS };
    [shared, limited] = await Promise.all([
      startHandlers(PROCESSES, { ...base, limits: { userRequestsPerSecond: Infinity, masterRequestsPerSecond: 1_000, catalogTtlMs: CATALOG_TTL_MS } }),
      startHandlers(PROCESSES, { ...base, timeoutMs: LIMITED_TIMEOUT_MS, limits: { userRequestsPerSecond: 0.01, userBurst: 20, masterRequestsPerSecond: 10 } }),
    ]);
    inspect = new Redis(redis.url, { lazyConnect: true });
    inspect.on('error', () => undefined);
    await inspect.connect();
    // Each process answers once before the figures: its modules compiled, its Redis connection up.
    const warm = await Promise.all([...shared.processes, ...limited.processes].map((one) => one.post('/graphql', catalog('warm-up'), 'warm-up')));
    expect(statusesOf(warm)).toEqual(Array(2 * PROCESSES).fill(200));
  }, 120_000);

  afterAll(async () => {
    inspect?.disconnect();
    await Promise.all([shared?.stop(), limited?.stop()]);
    await upstream?.close();
    await redis?.stop();
  });

  it('400 concurrent first requests for one user over 4 processes make exactly 1 authorize', async () => {
    const replies = await Promise.all(Array.from({ length: 400 }, (_, i) => shared.post(i, '/graphql', LIST, 'first-user')));
    expect(statusesOf(replies)).toEqual(Array(400).fill(200));
    expect(upstream.tray.authorizeCalls('first-user')).toHaveLength(1);
    expect(upstream.tray.callsTo('viewer.solutionInstances').filter((call) => call.authorization === `Bearer ${upstream.tray.issuedTokens.at(-1)}`)).toHaveLength(400);
  });

  it('the same catalog query from 100 users over 4 processes makes 1 master-token call per TTL', async () => {
    const ask = () => Promise.all(Array.from({ length: 100 }, (_, i) => shared.post(i, '/graphql', catalog('shared'), `reader-${i}`)));
    const first = await ask();
    expect(statusesOf(first)).toEqual(Array(100).fill(200));
    expect(new Set(first.map((reply) => JSON.stringify(reply.body))).size).toBe(1);
    expect(upstream.tray.callsTo('viewer.solutions').filter((call) => call.body.variables?.tags?.[0] === 'shared')).toHaveLength(1);
    expect(await ask()).toHaveLength(100);
    expect(upstream.tray.callsTo('viewer.solutions').filter((call) => call.body.variables?.tags?.[0] === 'shared')).toHaveLength(1);
    // Once Redis has let the answer expire, the next round reads Tray once more.
    const [key] = await inspect.keys('rte:catalog:*');
    await expect.poll(() => inspect.exists(key!), { timeout: CATALOG_TTL_MS * 4 }).toBe(0);
    expect(statusesOf(await ask())).toEqual(Array(100).fill(200));
    expect(upstream.tray.callsTo('viewer.solutions').filter((call) => call.body.variables?.tags?.[0] === 'shared')).toHaveLength(2);
    // Catalog reads need no user token: no reader was authorized.
    expect(upstream.tray.authorizeCalls('reader-0')).toHaveLength(0);
  });

  it('holds a user to its per-user limit over all processes', async () => {
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => limited.post(i, '/graphql', LIST, 'busy-user')));
    // One burst of 20 in all (refilling at 0.01/s), where 4 separate processes would allow 80.
    expect(statusesOf(replies).filter((status) => status === 200)).toHaveLength(20);
    expect(statusesOf(replies).filter((status) => status === 429)).toHaveLength(80);
  });

  it('keeps master-token calls, counted at Tray over all processes, within the budget', async () => {
    const started = upstream.tray.calls.length;
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) => limited.post(i, '/graphql', catalog(`budget-${i}`), `budget-user-${i % 30}`)),
    );
    expect(new Set(statusesOf(replies))).toEqual(new Set([200, 429]));
    const master = upstream.tray.calls
      .map((call, index) => ({ call, at: upstream.arrivals[index]! }))
      .slice(started)
      .filter(({ call }) => call.authorization === `Bearer ${MASTER_TOKEN}`)
      .map(({ at }) => at);
    expect(master.length).toBe(statusesOf(replies).filter((status) => status === 200).length);
    // A bucket of 10 refilling at 10/s: between any two calls, at most 10 + 10/s × elapsed
    // (elapsed widened by the transit jitter). Four budgets of their own would let 40 through at once.
    const over: string[] = [];
    for (let i = 0; i < master.length; i++) {
      for (let j = i; j < master.length; j++) {
        const allowed = 10 + Math.floor(((master[j]! - master[i]! + TRANSIT_JITTER_MS) * 10) / 1000);
        if (j - i + 1 > allowed) over.push(`${j - i + 1} calls in ${Math.round(master[j]! - master[i]!)} ms`);
      }
    }
    expect(over).toEqual([]);
  });

  it('stores user tokens encrypted: no token is in any Redis value or key', async () => {
    const tokens = upstream.tray.issuedTokens;
    expect(tokens.length).toBeGreaterThan(0);
    const stored: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await inspect.scan(cursor, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const type = await inspect.type(key);
        const value = type === 'string' ? await inspect.get(key) : type === 'hash' ? JSON.stringify(await inspect.hgetall(key)) : type;
        stored.push(key, value ?? '');
      }
    } while (cursor !== '0');
    expect(stored.some((text) => text.startsWith('rte:token:'))).toBe(true);
    expect(stored.filter((text) => tokens.some((token) => text.includes(token)))).toEqual([]);
  });

  it('Redis stopped mid-run: every request is answered, one line is logged, and sharing resumes after a restart', async () => {
    // Only this outage's lines count: on a starved machine a slow answer may have been one before.
    const seen = shared.processes.map((one) => one.logs.length);
    await redis.stop();
    try {
      const during = await Promise.all(
        Array.from({ length: 80 }, (_, i) => shared.post(i, '/graphql', i % 2 ? LIST : catalog('outage'), `outage-user-${i % 8}`)),
      );
      expect(statusesOf(during)).toEqual(Array(80).fill(200));
      shared.processes.forEach((one, i) => {
        const lines = one.logs.slice(seen[i]).filter((log) => /Redis store unavailable/.test(log.message));
        expect(lines).toHaveLength(1);
        expect(JSON.stringify(one.logs)).not.toMatch(/USER-TOKEN/);
      });
    } finally {
      await redis.start();
    }
    // Each process finds Redis again by itself, on one of its next requests.
    await expect
      .poll(
        async () => {
          await Promise.all(shared.processes.map((one) => one.post('/graphql', LIST, 'outage-user-0')));
          return shared.processes.filter((one, i) => one.logs.slice(seen[i]).some((log) => /Redis store available again/.test(log.message))).length;
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(PROCESSES);
    const replies = await Promise.all(Array.from({ length: 400 }, (_, i) => shared.post(i, '/graphql', LIST, 'after-restart')));
    expect(statusesOf(replies)).toEqual(Array(400).fill(200));
    expect(upstream.tray.authorizeCalls('after-restart')).toHaveLength(1);
  });

  it('a process killed while holding the authorize lock delays the others by at most timeoutMs', async () => {
    let hold = true;
    upstream.tray.override((call) => (hold && call.field === 'authorize' && call.body.variables?.input?.userId === 'held' ? new Promise<Response>(() => undefined) : undefined));
    const [holder, waiter] = shared.processes as [NonNullable<(typeof shared.processes)[0]>, NonNullable<(typeof shared.processes)[1]>];
    void holder.post('/graphql', LIST, 'held').catch(() => undefined);
    await expect.poll(() => upstream.tray.authorizeCalls('held').length).toBe(1);
    expect(await inspect.exists('rte:lock:authorize:held')).toBe(1);
    const started = performance.now();
    const waiting = waiter.post('/graphql', LIST, 'held');
    hold = false;
    await holder.kill();
    const reply = await waiting;
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 2_000);
    expect(upstream.tray.authorizeCalls('held')).toHaveLength(2);
  });
});
