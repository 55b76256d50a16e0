/**
 * The Redis store (issue 12): the handler's latency on it against the in-memory store, in one
 * process with a warm token cache; `authorize` calls per user when 4 handler processes share
 * one Redis (and, for comparison, when they do not); and the Redis memory one user costs.
 * A real redis-server on a free loopback port, started and stopped here.
 */
import { Redis } from 'ioredis';
import { performance } from 'node:perf_hooks';
import { createRedisStore, createTrayHandler, type TrayHandler, type TrayHandlerOptions } from '../../src/server/index.js';
import { startHandlers } from '../../test/server/helpers/handlerProcesses.js';
import { startTrayServer } from '../../test/server/helpers/trayServer.js';
import { startRedisServer } from '../../test/support/redisServer.js';
import { formatSpread, quantile, spread, SPREAD } from './support/stats.js';

interface Row {
  name: string;
  value: string;
  target?: string;
}

const MASTER = 'bench-master-token-0123456789';
const KEY = 'b7'.repeat(32);
const ITERATIONS = 3_000;
const WARM_UP = 1_000;
const USERS = 50;
const QUERY = JSON.stringify({ query: '{ viewer { solutionInstances { totalCount } } }' });

function fakeTray(): typeof fetch {
  let issued = 0;
  return (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = String(init?.body);
    if (body.includes('authorize(')) return Response.json({ data: { authorize: { accessToken: `bench-user-token-${++issued}` } } });
    return Response.json({ data: { viewer: { solutionInstances: { totalCount: 1 } } } });
  }) as typeof fetch;
}

function handlerWith(extra: Partial<TrayHandlerOptions>): TrayHandler {
  return createTrayHandler({
    masterToken: MASTER,
    embeddedId: 'emb',
    graphqlUrl: 'https://tray.test/graphql',
    getUser: (request) => ({ userId: request.headers.get('x-user')! }),
    fetch: fakeTray(),
    logger: { warn: () => undefined, error: (message) => console.error(message) },
    // Finite, so the per-user check runs (a script on Redis), but never the reason for an answer.
    limits: { userRequestsPerSecond: 1e9, userBurst: 1e9 },
    ...extra,
  });
}

async function once(handler: TrayHandler, userId: string): Promise<number> {
  const started = performance.now();
  const response = await handler(new Request('http://app.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-user': userId }, body: QUERY }));
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`handler answered ${response.status}`);
  return performance.now() - started;
}

async function latency(redisUrl: string): Promise<Row[]> {
  const client = new Redis(redisUrl);
  const memory = handlerWith({});
  const shared = handlerWith({ store: createRedisStore(client, { keyPrefix: 'bench:', encryptionKey: KEY }) });
  for (let i = 0; i < WARM_UP; i++) {
    await once(memory, `u${i % USERS}`);
    await once(shared, `u${i % USERS}`);
  }
  const onMemory: number[] = [];
  const onRedis: number[] = [];
  // Alternating, so the machine's other load falls on both alike.
  for (let i = 0; i < ITERATIONS; i++) {
    onMemory.push(await once(memory, `u${i % USERS}`));
    onRedis.push(await once(shared, `u${i % USERS}`));
  }
  client.disconnect();
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  const tail = (values: number[]) => `median ${ms(spread(values).median)}, p99 ${ms(quantile(values, 0.99))}`;
  return [
    { name: `redis store: handler latency, in-memory store, warm tokens, one run (${SPREAD})`, value: formatSpread(onMemory, 'ms', 3) },
    { name: `redis store: handler latency, Redis store (ioredis, encrypted), warm tokens, one run (${SPREAD})`, value: formatSpread(onRedis, 'ms', 3) },
    { name: 'redis store: in-memory store, median / p99', value: tail(onMemory) },
    { name: 'redis store: Redis store, median / p99', value: tail(onRedis), target: 'a few Redis round trips more' },
  ];
}

/** 10 users, each with 100 concurrent first requests spread over 4 processes. */
async function authorizesPerUser(redisUrl: string, store: 'redis' | 'memory', client: 'ioredis' | 'redis'): Promise<number[]> {
  const upstream = await startTrayServer(MASTER);
  const group = await startHandlers(4, {
    client,
    store,
    redisUrl,
    graphqlUrl: upstream.graphqlUrl,
    masterToken: MASTER,
    encryptionKey: KEY,
    limits: { userRequestsPerSecond: Infinity, masterRequestsPerSecond: 1_000 },
  });
  try {
    const users = Array.from({ length: 10 }, (_, i) => `${store}-${client}-user-${i}`);
    // One user at a time (its 100 requests at once): thousands of sockets at once would measure the fake Tray's backlog.
    for (const userId of users) {
      await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const reply = await group.post(i, '/graphql', JSON.parse(QUERY), userId);
          if (reply.status !== 200) throw new Error(`a handler process (${store} store, ${client}) answered ${reply.status}: ${JSON.stringify(reply.body)}`);
        }),
      );
    }
    return users.map((userId) => upstream.tray.authorizeCalls(userId).length);
  } finally {
    await group.stop();
    await upstream.close();
  }
}

/**
 * Redis memory per user: 2,000 users' first requests through the handler (default per-user limits),
 * `INFO memory` before and after. A user's rate bucket lives only until it would be full
 * again (about a second after their last request), so what stays is the token.
 */
async function memoryPerUser(redisUrl: string): Promise<Row[]> {
  const client = new Redis(redisUrl);
  await client.flushall();
  const used = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))![1]);
  const handler = handlerWith({ store: createRedisStore(client, { encryptionKey: KEY }), limits: { masterRequestsPerSecond: Infinity } });
  const users = 2_000;
  // A Tray user id is a UUID.
  const userId = (i: number) => `3f2a9c1e-7b4d-4e8a-9c0f-${String(i).padStart(12, '0')}`;
  const before = await used();
  for (let i = 0; i < users; i += 100) await Promise.all(Array.from({ length: 100 }, (_, j) => once(handler, userId(i + j))));
  const withBuckets = await used();
  // Then the rate buckets expire (about a second after each user's request): what stays is the tokens.
  const settleBy = performance.now() + 10_000;
  while ((await client.dbsize()) > users && performance.now() < settleBy) await new Promise((resolve) => setTimeout(resolve, 100));
  const settled = await client.dbsize();
  const after = await used();
  await once(handler, userId(0));
  const [token, rate] = await Promise.all([client.call('MEMORY', 'USAGE', `rte:token:${userId(0)}`), client.call('MEMORY', 'USAGE', `rte:rate:${userId(0)}`)]);
  client.disconnect();
  const perUser = (bytes: number) => `${Math.round((bytes - before) / users)} B`;
  return [
    { name: `redis store: Redis used_memory per user, ${users.toLocaleString('en-US')} users' first requests, rate buckets still alive`, value: perUser(withBuckets) },
    { name: `redis store: Redis used_memory per user once the rate buckets expired (encrypted token only)`, value: perUser(after), target: `${settled.toLocaleString('en-US')} keys for ${users.toLocaleString('en-US')} users` },
    { name: 'redis store: MEMORY USAGE of one token key / one rate-bucket key (UUID user id)', value: `${String(token)} B / ${String(rate)} B` },
  ];
}

export default async function bench(): Promise<Row[]> {
  const redis = await startRedisServer();
  try {
    const rows = await latency(redis.url);
    for (const client of ['ioredis', 'redis'] as const) {
      const perUser = spread(await authorizesPerUser(redis.url, 'redis', client));
      rows.push({ name: `redis store: authorize calls per user, 4 processes, 100 concurrent first requests each, ${client} (min/median/max of 10 users)`, value: `${perUser.min} / ${perUser.median} / ${perUser.max}`, target: '1 / 1 / 1' });
    }
    const apart = spread(await authorizesPerUser(redis.url, 'memory', 'ioredis'));
    rows.push({ name: 'redis store: the same with the in-memory store, for comparison (min/median/max of 10 users)', value: `${apart.min} / ${apart.median} / ${apart.max}`, target: 'up to 4 (one per process)' });
    rows.push(...(await memoryPerUser(redis.url)));
    return rows;
  } finally {
    await redis.stop();
  }
}
