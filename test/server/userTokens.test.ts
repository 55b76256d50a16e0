import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryTokenCache, type CachedToken, type TokenCache } from '../../src/server/index';
import { rateLimitResponse, unauthenticatedResponse } from './helpers/fakeTray';
import { createHarness, expectNoTokenLeaks } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const LIST = { query: '{ viewer { solutionInstances { totalCount } } }' };
const DAY = 24 * 60 * 60 * 1000;
// These tests count authorize calls under bursts; the per-user rate limit has its own tests.
const UNTHROTTLED = { limits: { userRequestsPerSecond: Infinity } };

describe('user tokens', () => {
  it('1,000 sequential requests from one user cost exactly one authorize', async () => {
    const { post, tray } = createHarness(UNTHROTTLED);
    for (let i = 0; i < 1000; i++) expect((await post('/graphql', LIST)).status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(1);
    expect(tray.callsTo('viewer.solutionInstances')).toHaveLength(1000);
    // A thousand real round trips through the handler: ~1 s on a quiet machine, over 4 s while
    // another process holds the CPU; the default 5 s is not a bound on anything this checks.
  }, 60_000);

  it('100 concurrent first requests from one user share one authorize', async () => {
    const { post, tray } = createHarness(UNTHROTTLED);
    const replies = await Promise.all(Array.from({ length: 100 }, () => post('/graphql', LIST)));
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(tray.authorizeCalls()).toHaveLength(1);
    const used = new Set(tray.callsTo('viewer.solutionInstances').map((call) => call.authorization));
    expect(used).toEqual(new Set([`Bearer ${tray.issuedTokens[0]}`]));
  });

  it('two users get two authorizes and each request carries its own user token', async () => {
    const { post, tray } = createHarness();
    await Promise.all([post('/graphql', LIST), post('/graphql', LIST, { userId: 'user-b' }), post('/graphql', LIST)]);
    expect(tray.authorizeCalls('user-a')).toHaveLength(1);
    expect(tray.authorizeCalls('user-b')).toHaveLength(1);
    const tokenOf = (userId: string) => tray.issuedTokens.find((token) => token.includes(`-${userId}-`));
    const byToken = tray.callsTo('viewer.solutionInstances').map((call) => call.authorization);
    expect(byToken.filter((auth) => auth === `Bearer ${tokenOf('user-a')}`)).toHaveLength(2);
    expect(byToken.filter((auth) => auth === `Bearer ${tokenOf('user-b')}`)).toHaveLength(1);
  });

  it('authorizes again once the token is within the refresh margin of expiry', async () => {
    let now = 1_000_000;
    const { post, tray } = createHarness({ now: () => now, tokenTtlMs: 2 * DAY, tokenRefreshMarginMs: 60_000 });
    await post('/graphql', LIST);
    now += 2 * DAY - 60_001;
    await post('/graphql', LIST);
    expect(tray.authorizeCalls()).toHaveLength(1);
    now += 1;
    await post('/graphql', LIST);
    expect(tray.authorizeCalls()).toHaveLength(2);
    expect(tray.calls.at(-1)!.authorization).toBe(`Bearer ${tray.issuedTokens[1]}`);
  });

  it('a 401 from Tray evicts the token, authorizes again and retries once', async () => {
    const { post, tray, logs } = createHarness();
    await post('/graphql', LIST);
    tray.revoke(tray.issuedTokens[0]!);
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(2);
    const lists = tray.callsTo('viewer.solutionInstances').map((call) => call.authorization);
    expect(lists).toEqual([`Bearer ${tray.issuedTokens[0]}`, `Bearer ${tray.issuedTokens[0]}`, `Bearer ${tray.issuedTokens[1]}`]);
    expect(logs.map((log) => log.message)).toEqual([expect.stringMatching(/retrying once/)]);
    // The fresh token is cached: no further authorize.
    await post('/graphql', LIST);
    expect(tray.authorizeCalls()).toHaveLength(2);
  });

  it('an UNAUTHENTICATED GraphQL error (HTTP 200) also evicts and retries', async () => {
    const { post, tray } = createHarness();
    let refusals = 1;
    tray.override((call) => {
      if (call.field !== 'viewer.solutionInstances' || refusals-- <= 0) return undefined;
      return Response.json({ data: null, errors: [{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } }] });
    });
    expect((await post('/graphql', LIST)).status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(2);
  });

  it.each([
    ['HTTP 403 (how Kazoo reads a revoked token)', () => new Response('Forbidden', { status: 403 })],
    ['HTTP 403 with a GraphQL body', () => Response.json({ errors: [{ message: 'Forbidden' }] }, { status: 403 })],
    ['"The access token is invalid" without a code', () => Response.json({ data: null, errors: [{ message: 'The access token is invalid' }] })],
    ['"Access token expired"', () => Response.json({ data: null, errors: [{ message: 'Access token expired' }] })],
    ['INVALID_TOKEN', () => Response.json({ data: null, errors: [{ message: 'nope', extensions: { code: 'INVALID_TOKEN' } }] })],
  ])('%s evicts the token, authorizes again and retries once', async (_name, refusal) => {
    const { post, tray } = createHarness();
    let refusals = 1;
    tray.override((call) => (call.field === 'viewer.solutionInstances' && refusals-- > 0 ? refusal() : undefined));
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(2);
    const lists = tray.callsTo('viewer.solutionInstances').map((call) => call.authorization);
    expect(lists).toEqual([`Bearer ${tray.issuedTokens[0]}`, `Bearer ${tray.issuedTokens[1]}`]);
  });

  it('a 403 that repeats with a fresh token is Tray’s answer, passed on after one retry', async () => {
    const { post, tray } = createHarness();
    tray.override((call) => (call.field === 'viewer.solutionInstances' ? Response.json({ errors: [{ message: 'Forbidden' }] }, { status: 403 }) : undefined));
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ errors: [{ message: 'Forbidden' }] });
    expect(tray.callsTo('viewer.solutionInstances')).toHaveLength(2);
    expect(tray.authorizeCalls()).toHaveLength(2);
  });

  it('a token the store still holds after Tray refused it is never sent again', async () => {
    const store = new Map<string, CachedToken>();
    // A store whose delete is lost (replication lag, a failed write): it keeps the stale token.
    const forgetful: TokenCache = { get: (id) => store.get(id), set: (id, token) => void store.set(id, token), delete: () => undefined };
    const { post, tray } = createHarness({ tokenCache: forgetful });
    let refusals = 1;
    tray.override((call) => (call.field === 'viewer.solutionInstances' && refusals-- > 0 ? unauthenticatedResponse() : undefined));
    expect((await post('/graphql', LIST)).status).toBe(200);
    store.set('user-a', { accessToken: tray.issuedTokens[0]!, expiresAt: Date.now() + DAY });
    expect((await post('/graphql', LIST)).status).toBe(200);
    expect(tray.callsTo('viewer.solutionInstances').at(-1)!.authorization).toBe(`Bearer ${tray.issuedTokens[2]}`);
  });

  it('does not re-authorize for errors about the operation rather than the token', async () => {
    const { post, tray } = createHarness();
    const body = { data: null, errors: [{ message: 'Not your instance', extensions: { code: 'FORBIDDEN' } }] };
    tray.override((call) => (call.field === 'viewer.solutionInstances' ? Response.json(body) : undefined));
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(body);
    expect(tray.authorizeCalls()).toHaveLength(1);
    expect(tray.callsTo('viewer.solutionInstances')).toHaveLength(1);
  });

  it('retries only once: a second 401 becomes a 502, not a loop', async () => {
    const { post, tray } = createHarness();
    tray.override((call) => (call.field === 'viewer.solutionInstances' ? unauthenticatedResponse() : undefined));
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('upstream_unauthorized');
    expect(tray.callsTo('viewer.solutionInstances')).toHaveLength(2);
    expect(tray.authorizeCalls()).toHaveLength(2);
  });

  it('concurrent 401s for one user share one re-authorize', async () => {
    const { post, tray } = createHarness(UNTHROTTLED);
    await post('/graphql', LIST);
    tray.revoke(tray.issuedTokens[0]!);
    const replies = await Promise.all(Array.from({ length: 20 }, () => post('/graphql', LIST)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(200));
    expect(tray.authorizeCalls()).toHaveLength(2);
  });

  it('uses a custom TokenCache (async, like Redis) and shares tokens across handlers', async () => {
    const store = new Map<string, CachedToken>();
    const operations: string[] = [];
    const shared: TokenCache = {
      async get(userId) {
        operations.push(`get ${userId}`);
        return store.get(userId);
      },
      async set(userId, token) {
        operations.push(`set ${userId}`);
        store.set(userId, token);
      },
      async delete(userId) {
        operations.push(`delete ${userId}`);
        store.delete(userId);
      },
    };
    const first = createHarness({ tokenCache: shared });
    await first.post('/graphql', LIST);
    expect(operations).toEqual(['get user-a', 'set user-a']);
    expect(store.get('user-a')?.accessToken).toBe(first.tray.issuedTokens[0]);
    // A second server instance reads the same store and sends the first one's token. Its fake
    // Tray never issued that token, so it answers 401: the entry is deleted and replaced.
    const second = createHarness({ tokenCache: shared });
    expect((await second.post('/graphql', LIST)).status).toBe(200);
    expect(second.tray.calls[0]!.authorization).toBe(`Bearer ${first.tray.issuedTokens[0]}`);
    expect(operations.slice(2)).toEqual(['get user-a', 'get user-a', 'delete user-a', 'set user-a']);
    expect(store.get('user-a')?.accessToken).toBe(second.tray.issuedTokens[0]);
  });

  it('treats a failing cache as a miss instead of failing the request', async () => {
    const broken: TokenCache = {
      get: () => Promise.reject(new Error('redis down')),
      set: () => Promise.reject(new Error('redis down')),
      delete: () => undefined,
    };
    const { post, tray, logs } = createHarness({ tokenCache: broken });
    expect((await post('/graphql', LIST)).status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(1);
    expect(logs.filter((log) => log.level === 'warn')).toHaveLength(2);
  });

  it('answers 429 when Tray rate-limits the authorize call itself', async () => {
    const { post, tray } = createHarness();
    tray.override((call) => (call.field === 'authorize' ? rateLimitResponse() : undefined));
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('1');
    expect(reply.body.error.code).toBe('rate_limited');
  });

  it('answers 502 with a hint when authorize fails for the user id', async () => {
    const { post, tray, logs } = createHarness();
    tray.override((call) => (call.field === 'authorize' ? Response.json({ data: null, errors: [{ message: 'User not found' }] }) : undefined));
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(502);
    expect(reply.body.error).toEqual({ code: 'upstream_error', message: expect.stringMatching(/Tray user id/) });
    expect(logs[0]!.details).toEqual({ status: 200, errors: ['User not found'] });
  });
});

describe('createMemoryTokenCache', () => {
  it('drops expired entries and keeps at most maxEntries users', () => {
    let now = 0;
    const cache = createMemoryTokenCache({ maxEntries: 2, now: () => now });
    cache.set('a', { accessToken: 'ta', expiresAt: 10 });
    cache.set('b', { accessToken: 'tb', expiresAt: 100 });
    cache.set('c', { accessToken: 'tc', expiresAt: 100 });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual({ accessToken: 'tb', expiresAt: 100 });
    now = 100;
    expect(cache.get('c')).toBeUndefined();
  });
});
