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

/** `text` with every character written as a JSON `\uXXXX` escape: what a wire-text scrubber misses. */
const escaped = (text: string) => [...text].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/** A raw JSON answer from the fake Tray. */
const raw = (text: string) => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });

/** Every string of a parsed body, keys included. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)]);
  return [];
}

describe('no token in any form', () => {
  it('finds tokens Tray echoes JSON-escaped, percent-encoded, backslash-escaped inside JSON strings, or as keys', async () => {
    const { post, tray } = createHarness();
    await post('/graphql', LIST); // user-a's token exists from here on
    const user = tray.issuedTokens[0]!;
    tray.override((call) =>
      call.field === 'viewer.solutionInstances'
        ? raw(
            `{"data":null,"errors":[` +
              `{"message":"token ${escaped(MASTER_TOKEN)} refused"},` +
              `{"message":"see https://tray.test/debug?t=${encodeURIComponent(user).replace(/-/g, '%2D')}"},` +
              `{"message":"{\\"token\\":\\"${escaped(user).replace(/\\/g, '\\\\')}\\"}"},` +
              `{"message":"x","extensions":{"${user}":true}}` +
              `]}`,
          )
        : undefined,
    );
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(200);
    const strings = stringsOf(reply.body);
    expect(strings.join(' ')).toContain('[redacted]');
    for (const secret of [MASTER_TOKEN, user]) {
      expect(strings.filter((text) => text.includes(secret) || decodeURIComponent(text).includes(secret))).toEqual([]);
    }
    expect(reply.body.errors).toHaveLength(4);
  });

  it('scrubs every token this handler issued: another user’s, and a user’s previous ones', async () => {
    const { post, tray } = createHarness();
    await post('/graphql', LIST, { userId: 'user-b' });
    await post('/graphql', LIST);
    const [tokenB, firstA] = tray.issuedTokens;
    tray.revoke(firstA!);
    await post('/graphql', LIST); // user-a is refused, re-authorized: firstA is now a previous token
    expect(tray.issuedTokens).toHaveLength(3);
    tray.override((call) =>
      call.field === 'viewer.solutionInstances' ? Response.json({ data: { viewer: { note: `${tokenB} and ${firstA}` } } }) : undefined,
    );
    const reply = await post('/graphql', LIST);
    expect(reply.body).toEqual({ data: { viewer: { note: '[redacted] and [redacted]' } } });
  });

  it('authorization codes appear in the wizard-url answer and nowhere else', async () => {
    const { post, tray } = createHarness();
    tray.addInstance({ id: 'inst-a', owner: 'user-a' });
    const wizard = await post('/wizard-url', { solutionInstanceId: 'inst-a' });
    expect(wizard.body.url).toMatch(/code=code-1$/);
    tray.override((call) =>
      call.field === 'viewer.solutions' ? Response.json({ data: { viewer: { solutions: { edges: [{ node: { id: 'code-1' } }] } } } }) : undefined,
    );
    const catalog = await post('/graphql', SOLUTIONS, { userId: 'user-b' });
    expect(catalog.body.data.viewer.solutions.edges[0].node.id).toBe('[redacted]');
  });

  it('the logger never receives a secret, whoever put it in the message or the details', async () => {
    const { post, tray, logs } = createHarness({
      getUser: (request) => {
        if (request.headers.get('x-test-user') === 'broken') throw new Error(`session store misconfigured with ${MASTER_TOKEN}`);
        return { userId: request.headers.get('x-test-user') ?? 'user-a' };
      },
    });
    await post('/graphql', LIST);
    const user = tray.issuedTokens[0]!;
    await post('/graphql', LIST, { userId: 'broken' });
    tray.override((call) =>
      call.field === 'authorize' ? raw(`{"errors":[{"message":"cannot authorize with ${escaped(MASTER_TOKEN)}; last token ${user}"}]}`) : undefined,
    );
    await post('/graphql', LIST, { userId: 'user-c' });
    const logged = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThanOrEqual(2);
    expect(logged).toContain('[redacted]');
    expect(leaksIn([logged], [MASTER_TOKEN, user])).toEqual([]);
    expect(logs.find((log) => log.message.startsWith('Unexpected failure'))!.details).toEqual({
      error: 'session store misconfigured with [redacted]',
    });
  });
});
