import { afterAll, describe, expect, it } from 'vitest';
import { rateLimitResponse } from './helpers/fakeTray';
import { createHarness, expectNoTokenLeaks, MASTER_TOKEN } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const LIST = { query: '{ viewer { solutionInstances { totalCount } } }' };
const CATALOG = 'query Catalog($tags: [String!]) { viewer { solutions(criteria: { tags: $tags }) { edges { node { id } } } } }';
const catalog = (tag = 'crm') => ({ query: CATALOG, variables: { tags: [tag] } });

describe('per-user rate limit', () => {
  it('allows a burst of 20, then answers 429 rate_limited with Retry-After; others are not affected', async () => {
    let now = 1_000_000;
    const { post, tray } = createHarness({ now: () => now });
    const burst = await Promise.all(Array.from({ length: 20 }, () => post('/graphql', LIST)));
    expect(burst.map((reply) => reply.status)).toEqual(Array(20).fill(200));
    const over = await post('/graphql', LIST);
    expect(over.status).toBe(429);
    expect(over.body.error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/this user/) });
    expect(over.headers.get('retry-after')).toBe('1');
    expect((await post('/graphql', LIST, { userId: 'user-b' })).status).toBe(200);
    // 10 per second: 100 ms later there is room for exactly one more.
    now += 100;
    expect((await post('/graphql', LIST)).status).toBe(200);
    expect((await post('/graphql', LIST)).status).toBe(429);
    expect(tray.callsTo('viewer.solutionInstances')).toHaveLength(22);
  });

  it('follows limits.userRequestsPerSecond and limits.userBurst, and counts every route', async () => {
    let now = 0;
    const { post } = createHarness({ now: () => now, limits: { userRequestsPerSecond: 0.5, userBurst: 2 } });
    expect((await post('/graphql', LIST)).status).toBe(200);
    expect((await post('/wizard-url', { solutionInstanceId: 'nope' })).status).toBe(404);
    const over = await post('/graphql', LIST);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('2');
    now += 2_000;
    expect((await post('/graphql', LIST)).status).toBe(200);
  });
});

describe('the master-token budget', () => {
  it('while one user floods 200 catalog queries, five other users’ first requests all succeed', async () => {
    // The flooder's own limit is lifted, so the master budget alone stands between it and
    // Tray; Tray's limit (30/s, bursts of 50) is enforced by the fake.
    const { post, tray } = createHarness(
      { timeoutMs: 2_000, limits: { userRequestsPerSecond: Infinity } },
      { rateLimit: { perSecond: 30, burst: 50 } },
    );
    const flood = Array.from({ length: 200 }, (_, i) => post('/graphql', catalog(`tag-${i}`), { userId: 'flooder' }));
    const others = ['u1', 'u2', 'u3', 'u4', 'u5'].map((userId) => post('/graphql', LIST, { userId }));
    const otherReplies = await Promise.all(others);
    expect(otherReplies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
    const floodReplies = await Promise.all(flood);
    const statuses = floodReplies.map((reply) => reply.status);
    // Some catalog reads were served, the rest refused up front with a wait, none failed otherwise.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(10);
    expect(new Set(statuses)).toEqual(new Set([200, 429]));
    const refused = floodReplies.find((reply) => reply.status === 429)!;
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(tray.rateLimited).toBe(0);
    expect(tray.authorizeCalls()).toHaveLength(5);
  });

  it('with default limits the flooder is held to its own burst and everyone else is served', async () => {
    // A stopped clock: the flooder's bucket cannot refill while the 200 requests are dispatched.
    const { post, tray } = createHarness({ now: () => 0 }, { rateLimit: { perSecond: 30, burst: 50 } });
    const flood = Array.from({ length: 200 }, (_, i) => post('/graphql', catalog(`tag-${i}`), { userId: 'flooder' }));
    const others = await Promise.all(['u1', 'u2', 'u3', 'u4', 'u5'].map((userId) => post('/graphql', LIST, { userId })));
    expect(others.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
    const statuses = (await Promise.all(flood)).map((reply) => reply.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(180);
    expect(tray.rateLimited).toBe(0);
  });

  it('authorize and authorization codes go before catalog reads', async () => {
    const { post, tray } = createHarness({ limits: { masterRequestsPerSecond: 4, userRequestsPerSecond: Infinity } });
    tray.addInstance({ id: 'inst-a', owner: 'user-a' });
    // A burst of 4 with 1 held back: three catalog reads go at once, the next three wait.
    const reads = Array.from({ length: 6 }, (_, i) => post('/graphql', catalog(`t${i}`), { userId: 'reader' }));
    await expect.poll(() => tray.callsTo('viewer.solutions').length).toBe(3);
    const wizard = post('/wizard-url', { solutionInstanceId: 'inst-a' });
    expect((await wizard).status).toBe(200);
    await Promise.all(reads);
    const masterCalls = tray.calls.filter((call) => call.authorization === `Bearer ${MASTER_TOKEN}`).map((call) => call.field);
    expect(masterCalls.slice(3, 5)).toEqual(['authorize', 'generateAuthorizationCode']);
    expect(masterCalls.filter((field) => field === 'viewer.solutions')).toHaveLength(6);
  });

  it('refuses a master-token call at once when its wait would outlast half of timeoutMs', async () => {
    const { post, tray } = createHarness({ timeoutMs: 1_000, limits: { masterRequestsPerSecond: 1, userRequestsPerSecond: Infinity } });
    expect((await post('/graphql', catalog('a'))).status).toBe(200);
    const refused = await post('/graphql', catalog('b'));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/busy with other users/) });
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(tray.callsTo('viewer.solutions')).toHaveLength(1);
  });
});

describe('the shared catalog', () => {
  it('one answer serves every user for catalogTtlMs; different variables are different entries', async () => {
    let now = 0;
    const { post, tray } = createHarness({ now: () => now });
    const first = await post('/graphql', catalog(), { userId: 'user-a' });
    const second = await post('/graphql', catalog(), { userId: 'user-b' });
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(tray.callsTo('viewer.solutions')).toHaveLength(1);
    await post('/graphql', catalog('other'), { userId: 'user-b' });
    expect(tray.callsTo('viewer.solutions')).toHaveLength(2);
    now += 60_000;
    await post('/graphql', catalog(), { userId: 'user-c' });
    expect(tray.callsTo('viewer.solutions')).toHaveLength(3);
  });

  it('concurrent identical catalog queries make one upstream call', async () => {
    const { post, tray } = createHarness({ limits: { catalogTtlMs: 0, userRequestsPerSecond: Infinity } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    tray.override(async (call) => {
      if (call.field === 'viewer.solutions') await gate;
      return undefined;
    });
    const replies = Array.from({ length: 25 }, (_, i) => post('/graphql', catalog(), { userId: `user-${i}` }));
    await expect.poll(() => tray.callsTo('viewer.solutions').length).toBe(1);
    release();
    const settled = await Promise.all(replies);
    expect(settled.map((reply) => reply.status)).toEqual(Array(25).fill(200));
    expect(tray.callsTo('viewer.solutions')).toHaveLength(1);
    // With catalogTtlMs: 0 nothing is kept once the call is done.
    await post('/graphql', catalog(), { userId: 'user-0' });
    expect(tray.callsTo('viewer.solutions')).toHaveLength(2);
  });

  it('does not keep an answer with errors', async () => {
    const { post, tray } = createHarness();
    let failures = 1;
    tray.override((call) =>
      call.field === 'viewer.solutions' && failures-- > 0 ? Response.json({ data: null, errors: [{ message: 'try later' }] }) : undefined,
    );
    expect((await post('/graphql', catalog())).body.errors).toHaveLength(1);
    expect((await post('/graphql', catalog())).body.data.viewer.solutions.edges).toHaveLength(1);
    expect(tray.callsTo('viewer.solutions')).toHaveLength(2);
  });
});

describe('Tray’s own rate limit', () => {
  it('is waited out once and retried: the browser never sees it', async () => {
    const { post, tray, logs } = createHarness();
    let limited = 1;
    tray.override((call) => (call.field === 'viewer.solutionInstances' && limited-- > 0 ? rateLimitResponse() : undefined));
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(200);
    expect(tray.callsTo('viewer.solutionInstances')).toHaveLength(2);
    expect(logs.map((log) => log.message)).toEqual([expect.stringMatching(/retrying once in 1000 ms/)]);
  });

  it('an HTTP 429 with Retry-After is waited out as Tray says', async () => {
    const { post, tray, logs } = createHarness();
    let limited = 1;
    tray.override((call) =>
      call.field === 'authorize' && limited-- > 0 ? new Response('slow down', { status: 429, headers: { 'retry-after': '0' } }) : undefined,
    );
    expect((await post('/graphql', LIST)).status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(2);
    expect(logs[0]!.message).toMatch(/retrying once in 0 ms/);
  });

  it('twice in a row is passed on as 429 with Retry-After and Tray’s body', async () => {
    const { post, tray } = createHarness();
    tray.override((call) => (call.field === 'viewer.solutions' ? rateLimitResponse() : undefined));
    const reply = await post('/graphql', catalog());
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('1');
    expect(reply.body).toEqual(await rateLimitResponse().json());
    expect(tray.callsTo('viewer.solutions')).toHaveLength(2);
  });
});
