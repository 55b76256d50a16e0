import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentPlanner } from '../../src/server/documentPlan';
import { createMemoryStore } from '../../src/server/handlerStore';
import { LruMap } from '../../src/server/lru';
import { createMemoryRateLimiter } from '../../src/server/rateLimiter';
import { resolveOptions } from '../../src/server/resolveOptions';
import { createSecretRegistry } from '../../src/server/secrets';
import { createSingleFlight } from '../../src/server/singleFlight';
import { createMemoryTokenCache } from '../../src/server/index';
import { createHarness, expectNoTokenLeaks } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const LIST = { query: '{ viewer { solutionInstances { totalCount } } }' };

describe('LruMap', () => {
  it('evicts the least recently used; a read refreshes, a peek does not', () => {
    const removed: string[] = [];
    const map = new LruMap<string, number>({ maxEntries: 2, onRemove: (key) => removed.push(key) });
    map.set('a', 1).set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect([...map.keys()]).toEqual(['a', 'c']);
    expect(map.peek('a')).toBe(1);
    map.set('d', 4);
    expect([...map.keys()]).toEqual(['c', 'd']);
    expect(removed).toEqual(['b', 'a']);
  });

  it('bounds the total weight too, and keeps out an entry heavier than the budget', () => {
    const map = new LruMap<string, string>({ maxEntries: 100, maxWeight: 10, weigh: (value) => value.length });
    map.set('a', 'xxxx').set('b', 'xxxx').set('c', 'xxxx');
    expect([...map.keys()]).toEqual(['b', 'c']);
    map.set('huge', 'x'.repeat(11));
    expect(map.has('huge')).toBe(false);
    expect(map.size).toBe(2);
  });
});

describe('every per-user map is bounded, least recently used out', () => {
  it('the memory token cache: a read keeps a user in', () => {
    const cache = createMemoryTokenCache({ maxEntries: 2, now: () => 0 });
    const token = (name: string) => ({ accessToken: name, expiresAt: 60_000 });
    cache.set('a', token('ta'));
    cache.set('b', token('tb'));
    expect(cache.get('a')).toEqual(token('ta'));
    cache.set('c', token('tc'));
    expect(cache.get('b')).toBeUndefined();
    expect((cache.get('a') as { accessToken: string } | undefined)?.accessToken).toBe('ta');
  });

  it('limits.maxUsers bounds the tokens the handler keeps: an evicted user authorizes again', async () => {
    const { post, tray } = createHarness({ limits: { maxUsers: 2 } });
    await post('/graphql', LIST, { userId: 'a' });
    await post('/graphql', LIST, { userId: 'b' });
    await post('/graphql', LIST, { userId: 'a' }); // a is now the most recent
    await post('/graphql', LIST, { userId: 'c' }); // b goes
    await post('/graphql', LIST, { userId: 'a' });
    expect(tray.authorizeCalls('a')).toHaveLength(1);
    await post('/graphql', LIST, { userId: 'b' });
    expect(tray.authorizeCalls('b')).toHaveLength(2);
  });

  it('per-user rate limits: at most maxKeys buckets, and a returning key starts full', () => {
    const limiter = createMemoryRateLimiter({ perSecond: 1, burst: 1, maxKeys: 2, now: () => 0 });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 1000 });
    limiter.take('b');
    limiter.take('c'); // a goes
    expect(limiter.take('a')).toEqual({ allowed: true });
  });

  it('refused tokens and in-flight work are bounded by maxUsers', async () => {
    const store = createMemoryStore({ maxUsers: 2, userRequestsPerSecond: 10, userBurst: 20, now: Date.now });
    for (const user of ['a', 'b', 'c']) await store.refusedTokens.set(user, `stale-${user}`);
    expect(await store.refusedTokens.get('a')).toBeUndefined();
    expect(await store.refusedTokens.get('c')).toBe('stale-c');
    const flights = createSingleFlight({ maxKeys: 2 });
    const never = () => new Promise<string>(() => undefined);
    for (const key of ['a', 'b', 'c']) void flights.run(key, never);
    expect(flights.pending('a')).toBeUndefined();
    expect(flights.pending('c')).toBeDefined();
  });

  it('a run that fails or settles leaves nothing behind', async () => {
    const flights = createSingleFlight({ maxKeys: 10 });
    await expect(flights.run('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(flights.pending('a')).toBeUndefined();
    const shared = [flights.run('b', async () => 'x'), flights.run('b', async () => 'y')];
    expect(await Promise.all(shared)).toEqual(['x', 'x']);
    expect(flights.pending('b')).toBeUndefined();
  });

  it('the secret registry forgets the least recently seen secrets past its bound, never the permanent ones', () => {
    const registry = createSecretRegistry({ permanent: ['MASTER-SECRET'], maxEntries: 2 });
    registry.add('token-one-123');
    registry.add('token-two-456');
    registry.add('token-one-123'); // seen again: stays
    registry.add('token-three-789');
    expect(registry.scrubText('token-one-123 token-two-456 token-three-789 MASTER-SECRET')).toBe('[redacted] token-two-456 [redacted] [redacted]');
  });

  it('plans are cached by document text: the same text gets the same plan, refusals included', () => {
    const planner = createDocumentPlanner(resolveOptions({ masterToken: 'm', embeddedId: 'e', getUser: () => null }));
    const first = planner.plan(LIST.query, undefined);
    expect(planner.plan(LIST.query, undefined)).toBe(first);
    const refusal = () => {
      try {
        planner.plan('{ users { edges { node { id } } } }', undefined);
      } catch (error) {
        return error;
      }
      throw new Error('expected a refusal');
    };
    const refused = refusal();
    expect(refused).toMatchObject({ status: 403, code: 'forbidden_operation' });
    expect(refusal()).toBe(refused);
  });
});
