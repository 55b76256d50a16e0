import { afterAll, describe, expect, it } from 'vitest';
import type { TokenCache } from '../../src/server/index';
import { createHarness, expectNoTokenLeaks } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const LIST = { query: '{ viewer { solutionInstances { totalCount } } }' };
const SOLUTIONS = { query: '{ viewer { solutions { edges { node { id } } } } }' };
const TIMEOUT = { timeoutMs: 60 };

/** A promise that never settles: a Tray, a session store or a client that hangs. */
const never = <T>() => new Promise<T>(() => undefined);

/** Resolves when `signal` aborts. */
const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));

function post(path: string, body: BodyInit, init: RequestInit & { duplex?: 'half' } = {}, user = 'user-a') {
  return new Request(`http://app.test${path}`, {
    method: 'POST',
    body,
    ...init,
    headers: { 'content-type': 'application/json', 'x-test-user': user },
  } as RequestInit);
}

describe('timeoutMs bounds every wait', () => {
  it('a hung Tray is answered 504 upstream_timeout, and the fetch is aborted', async () => {
    const { post: send, tray } = createHarness(TIMEOUT);
    tray.override((call) => (call.field === 'viewer.solutionInstances' ? never() : undefined));
    const reply = await send('/graphql', LIST);
    expect(reply.status).toBe(504);
    expect(reply.body.error).toEqual({ code: 'upstream_timeout', message: expect.stringMatching(/within 60 ms/) });
    const hung = tray.callsTo('viewer.solutionInstances')[0]!;
    expect(hung.signal?.aborted).toBe(true);
  });

  it('an answer whose body never ends is cut off at the timeout too', async () => {
    const { post: send, tray } = createHarness(TIMEOUT);
    let cancelled = false;
    tray.override((call) =>
      call.field === 'viewer.solutions'
        ? new Response(new ReadableStream({ pull: () => never(), cancel: () => void (cancelled = true) }), { status: 200 })
        : undefined,
    );
    const reply = await send('/graphql', SOLUTIONS);
    expect(reply.status).toBe(504);
    expect(reply.body.error.code).toBe('upstream_timeout');
    expect(cancelled).toBe(true);
  });

  it('a timed-out authorize does not wedge the user: the next request authorizes again', async () => {
    const { post: send, tray } = createHarness(TIMEOUT);
    let hangs = 1;
    tray.override((call) => (call.field === 'authorize' && hangs-- > 0 ? never() : undefined));
    expect((await send('/graphql', LIST)).status).toBe(504);
    const second = await send('/graphql', LIST);
    expect(second.status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(2);
  });

  it('a failed authorize does not wedge the user either', async () => {
    const { post: send, tray } = createHarness();
    let failures = 1;
    tray.override((call) => (call.field === 'authorize' && failures-- > 0 ? Response.json({ errors: [{ message: 'down' }] }) : undefined));
    expect((await send('/graphql', LIST)).status).toBe(502);
    expect((await send('/graphql', LIST)).status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(2);
  });

  it('a client that leaves cancels the upstream call', async () => {
    const { handler, tray } = createHarness();
    tray.override((call) => (call.field === 'viewer.solutionInstances' ? never() : undefined));
    const client = new AbortController();
    const pending = handler(post('/graphql', JSON.stringify(LIST), { signal: client.signal }));
    await expect.poll(() => tray.callsTo('viewer.solutionInstances').length).toBe(1);
    client.abort();
    await aborted(tray.callsTo('viewer.solutionInstances')[0]!.signal!);
    const response = await pending;
    expect(response.status).toBe(499);
    expect((await response.json()).error.code).toBe('request_cancelled');
  });

  it('a client that leaves does not fail another request sharing its authorize', async () => {
    const { handler, tray } = createHarness();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    tray.override(async (call) => {
      if (call.field === 'authorize') await gate;
      return undefined;
    });
    const leaving = new AbortController();
    const first = handler(post('/graphql', JSON.stringify(LIST), { signal: leaving.signal }));
    const second = handler(post('/graphql', JSON.stringify(LIST)));
    await expect.poll(() => tray.authorizeCalls().length).toBe(1);
    leaving.abort();
    expect((await first).status).toBe(499);
    release();
    expect((await second).status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(1);
    expect(tray.authorizeCalls()[0]!.signal?.aborted).toBe(false);
  });

  it('a request body that never ends is answered 408 request_timeout', async () => {
    const { send, tray } = createHarness(TIMEOUT);
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"query": "{ viewer')),
      pull: () => never(),
      cancel: () => void (cancelled = true),
    });
    const reply = await send(post('/graphql', body, { duplex: 'half' }));
    expect(reply.status).toBe(408);
    expect(reply.body.error).toEqual({ code: 'request_timeout', message: expect.stringMatching(/60 ms/) });
    expect(cancelled).toBe(true);
    expect(tray.calls).toEqual([]);
  });

  it('a getUser that never answers is a 504, and Tray is never called', async () => {
    const { post: send, tray, logs } = createHarness({ ...TIMEOUT, getUser: () => never() });
    const reply = await send('/graphql', LIST);
    expect(reply.status).toBe(504);
    expect(reply.body.error.code).toBe('upstream_timeout');
    expect(logs.map((log) => log.message)).toEqual([expect.stringMatching(/getUser did not answer within 60 ms/)]);
    expect(tray.calls).toEqual([]);
  });

  it('a token store that hangs is a miss: the request is served, with a warning', async () => {
    const hanging: TokenCache = { get: () => never(), set: () => never(), delete: () => never() };
    const { post: send, tray, logs } = createHarness({ ...TIMEOUT, tokenCache: hanging });
    const reply = await send('/graphql', LIST);
    expect(reply.status).toBe(200);
    expect(tray.authorizeCalls()).toHaveLength(1);
    expect(logs.filter((log) => log.level === 'warn').map((log) => log.details?.reason)).toEqual([
      'no answer within 60 ms',
      'no answer within 60 ms',
    ]);
  });

  it('refuses a timeoutMs that is not a positive number of milliseconds', () => {
    for (const timeoutMs of [0, -1, Number.NaN, Infinity, 2 ** 31]) {
      expect(() => createHarness({ timeoutMs })).toThrow(/timeoutMs must be/);
    }
  });
});
