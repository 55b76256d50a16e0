import { describe, expect, it } from 'vitest';
import { createMemoryTokenCache, type TokenCache } from '../../src/server/index';
import { rateLimitResponse } from './helpers/fakeTray';
import { createHarness, expectNoTokenLeaks, knownTokens, leaksIn, MASTER_TOKEN, observedCount } from './helpers/harness';

const LIST = { query: '{ viewer { solutionInstances { totalCount } } }' };
const SOLUTIONS = { query: '{ viewer { solutions { edges { node { id } } } } }' };
const ADMIN = { userId: 'admin-1', isAdmin: true };

/**
 * Drives every route and failure path once, recording each response body, response header
 * set and logger call (the harness does the recording), then greps all of it for the master
 * token and every user token the fake Tray issued.
 */
describe('no token ever leaves the server', () => {
  it('the detector itself finds a planted token', () => {
    expect(leaksIn(['ok', `{"t":"${MASTER_TOKEN}"}`], [MASTER_TOKEN])).toHaveLength(1);
  });

  it('across every scenario: bodies, headers and log lines', async () => {
    const logsSeen: unknown[] = [];
    const run = async (setup: (h: ReturnType<typeof createHarness>) => Promise<unknown>, options = {}) => {
      const harness = createHarness(options);
      harness.tray.addInstance({ id: 'inst-a', owner: 'user-a' });
      harness.tray.addInstance({ id: 'inst-b', owner: 'user-b' });
      await setup(harness);
      logsSeen.push(...harness.logs);
    };

    await run(async ({ post }) => {
      await post('/graphql', LIST);
      await post('/graphql', SOLUTIONS);
      await post('/graphql', { query: 'mutation { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: true}) { solutionInstance { id enabled } } }' });
      await post('/graphql', { query: 'mutation { authorize(input: {userId: "user-a"}) { accessToken } }' });
      await post('/graphql', { query: '{ users { edges { node { id } } } }' });
      await post('/wizard-url', { solutionInstanceId: 'inst-a' });
      await post('/wizard-url', { solutionInstanceId: 'inst-a' }, { userId: 'user-b' });
      await post('/admin/instances', {}, ADMIN);
      await post('/admin/set-enabled', { solutionInstanceId: 'inst-b', owner: 'user-b', enabled: true }, ADMIN);
      await post('/admin/instances', {});
      await post('/graphql', LIST, { userId: null });
      await post('/graphql', '{bad json');
    });
    // Expired token: 401, evict, retry.
    await run(async ({ post, tray }) => {
      await post('/graphql', LIST);
      tray.revoke(tray.issuedTokens[0]!);
      await post('/graphql', LIST);
    });
    // Tray echoes the token it was given in its error messages, on every kind of call.
    await run(async ({ post, tray }) => {
      tray.override((call) => {
        const token = call.authorization?.replace('Bearer ', '');
        if (call.field === 'authorize') return undefined;
        return Response.json({ data: null, errors: [{ message: `Token ${token} is not allowed here` }] });
      });
      await post('/graphql', LIST);
      await post('/graphql', SOLUTIONS);
      await post('/wizard-url', { solutionInstanceId: 'inst-a' });
      await post('/admin/instances', {}, ADMIN);
    });
    await run(async ({ post, tray }) => {
      tray.override((call) =>
        call.field === 'authorize' ? Response.json({ errors: [{ message: `master ${MASTER_TOKEN} cannot authorize` }] }) : undefined,
      );
      await post('/graphql', LIST);
    });
    // Second refusal, rate limits, unreachable, HTML, master 401.
    await run(async ({ post, tray }) => {
      tray.override((call) => (call.field === 'viewer.solutionInstances' ? new Response('no', { status: 401 }) : undefined));
      await post('/graphql', LIST);
    });
    await run(async ({ post, tray }) => {
      tray.override(() => rateLimitResponse());
      await post('/graphql', LIST);
      await post('/graphql', SOLUTIONS);
      await post('/wizard-url', { solutionInstanceId: 'inst-a' });
    });
    await run(({ post }) => post('/graphql', LIST), { fetch: () => Promise.reject(new Error(`boom ${MASTER_TOKEN}`)) });
    await run(async ({ post, tray }) => {
      tray.override(() => new Response(`<html>${MASTER_TOKEN}</html>`, { status: 500 }));
      await post('/graphql', SOLUTIONS);
    });
    // A cache that fails, and a getUser that throws.
    const memory = createMemoryTokenCache();
    const flaky: TokenCache = { get: () => Promise.reject(new Error('down')), set: memory.set, delete: memory.delete };
    await run(({ post }) => post('/graphql', LIST), { tokenCache: flaky });
    await run(({ post }) => post('/graphql', LIST), {
      getUser: () => {
        throw new Error('no session');
      },
    });

    // The tour really happened: many observations, both kinds of token, warnings and errors logged.
    expect(observedCount()).toBeGreaterThan(60);
    expect(knownTokens().length).toBeGreaterThanOrEqual(5);
    expect(new Set(logsSeen.map((log: any) => log.level))).toEqual(new Set(['warn', 'error']));
    expectNoTokenLeaks();
  });
});
