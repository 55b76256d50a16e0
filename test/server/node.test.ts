import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrayHandler, toNodeListener, type NodeContext, type NodeRequestLike } from '../../src/server/index';
import { createFakeTray } from './helpers/fakeTray';
import { createHarness, expectNoTokenLeaks, MASTER_TOKEN } from './helpers/harness';
import { rawHttp } from './helpers/rawHttp';

const LIST = JSON.stringify({ query: '{ viewer { solutionInstances { totalCount } } }' });

describe('toNodeListener on a real node:http server', () => {
  const harness = createHarness({ basePath: '/api/tray' });
  harness.tray.addInstance({ id: 'inst-a', owner: 'user-a' });
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer(toNodeListener(harness.handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    expectNoTokenLeaks();
  });

  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-test-user': 'user-a', ...headers },
      ...(signal ? { signal } : {}),
    });

  it('passes method, path, headers and body through, and writes status, headers and body back', async () => {
    const response = await post('/api/tray/graphql?x=1', LIST);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      data: { viewer: { solutionInstances: { totalCount: 1 } } },
    });
    expect(harness.tray.callsTo('viewer.solutionInstances')).toHaveLength(1);
  });

  it('serves the wizard URL', async () => {
    const response = await post('/api/tray/wizard-url', JSON.stringify({ solutionInstanceId: 'inst-a' }));
    expect(await response.json()).toEqual({ url: expect.stringMatching(/\/configure\/inst-a\?code=code-\d+$/) });
  });

  it('streams a chunked body and answers 413 (not a reset connection) when it is too large', async () => {
    const big = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(10_000)));
        controller.close();
      },
    });
    const response = await fetch(`${origin}/api/tray/graphql`, {
      method: 'POST',
      body: big,
      duplex: 'half',
      headers: { 'content-type': 'application/json', 'x-test-user': 'user-a' },
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
  });

  it('answers 401, 404 and 405 as the handler does', async () => {
    expect((await post('/api/tray/graphql', LIST, { 'x-test-user': '' })).status).toBe(401);
    expect((await post('/elsewhere/graphql', LIST)).status).toBe(404);
    const get = await fetch(`${origin}/api/tray/graphql`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('uses a body that Express already parsed (req.body) and the mount-independent originalUrl', async () => {
    const listener = toNodeListener(harness.handler);
    const written: { status?: number; headers: Record<string, unknown>; body?: string } = { headers: {} };
    const done = new Promise<void>((resolve) => {
      listener(
        {
          method: 'POST',
          url: '/graphql',
          originalUrl: '/api/tray/graphql',
          headers: { host: 'app.test', 'content-type': 'application/json', 'content-length': '999', 'x-test-user': 'user-a' },
          body: JSON.parse(LIST),
          async *[Symbol.asyncIterator]() {},
        },
        {
          statusCode: 0,
          setHeader(name, value) {
            written.headers[name] = value;
          },
          end(chunk) {
            written.status = this.statusCode;
            written.body = new TextDecoder().decode(chunk as Uint8Array);
            resolve();
          },
        },
      );
    });
    await done;
    expect(written.status).toBe(200);
    expect(JSON.parse(written.body!).data.viewer.solutionInstances.totalCount).toBe(1);
  });

  /** A raw HTTP/1.1 request with headers fetch would not let us send (Host, absolute-form targets). */
  async function rawRequest(path: string, headers: Record<string, string>, body = LIST) {
    const answer = await rawHttp(Number(new URL(origin).port), { path, headers: { 'content-type': 'application/json', 'x-test-user': 'user-a', ...headers }, body });
    return { status: answer.status, body: answer.text ? JSON.parse(answer.text) : undefined };
  }

  it('takes the route from the request line: a Host carrying a path is a 400, not another route', async () => {
    const before = harness.tray.calls.length;
    const reply = await rawRequest('/api/tray/graphql', { host: 'app.test/api/tray/admin/instances?x=' });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toEqual({ code: 'invalid_request', message: expect.stringMatching(/Host header/) });
    expect(harness.tray.calls.length).toBe(before);
  });

  it.each(['user@app.test', 'app.test:99999x', 'app test', '[::1', 'app.test#frag', 'app.test:123456'])(
    'a malformed Host (%s) is a 400 from the adapter, never a 500',
    async (host) => {
      const reply = await rawRequest('/api/tray/graphql', { host });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    },
  );

  it('any well-formed Host serves the same route', async () => {
    for (const host of ['other.example', 'app.test:8443', '[::1]:3000', '10.0.0.7']) {
      expect((await rawRequest('/api/tray/graphql', { host })).status).toBe(200);
    }
  });

  it('an absolute-form target keeps its path only; a path starting with // stays a path', async () => {
    expect((await rawRequest('http://elsewhere.example/api/tray/graphql', { host: 'app.test' })).status).toBe(200);
    expect((await rawRequest('//elsewhere.example/api/tray/graphql', { host: 'app.test' })).status).toBe(404);
  });

  it('a client that closes the connection cancels the call to Tray', async () => {
    const hang = { query: '{ viewer { hang: solutionInstances { totalCount } } }' };
    const hung = () => harness.tray.calls.filter((call) => call.body.query.includes('hang'));
    harness.tray.override((call) => (call.body.query.includes('hang') ? new Promise<Response>(() => undefined) : undefined));
    const client = new AbortController();
    const sent = post('/api/tray/graphql', JSON.stringify(hang), {}, client.signal).catch(() => 'aborted');
    await expect.poll(() => hung().length).toBe(1);
    expect(hung()[0]!.signal?.aborted).toBe(false);
    client.abort();
    expect(await sent).toBe('aborted');
    await expect.poll(() => hung()[0]!.signal?.aborted).toBe(true);
  });
});

describe('getUser(request, context) behind toNodeListener', () => {
  it('gets { req, res }, so Express’s req.session and req.user are usable', async () => {
    type ExpressLikeRequest = NodeRequestLike & { session?: { trayUserId?: string }; user?: { admin: boolean } };
    const tray = createFakeTray(MASTER_TOKEN);
    const seen: unknown[] = [];
    const handler = createTrayHandler<NodeContext<ExpressLikeRequest>>({
      masterToken: MASTER_TOKEN,
      embeddedId: 'emb',
      graphqlUrl: 'https://tray.test/graphql',
      fetch: tray.fetch,
      getUser: (_request, context) => {
        seen.push(context?.res.statusCode);
        const trayUserId = context?.req.session?.trayUserId;
        return trayUserId ? { userId: trayUserId, isAdmin: context.req.user?.admin === true } : null;
      },
    });
    const listener = toNodeListener(handler);
    const run = (req: ExpressLikeRequest) =>
      new Promise<number>((resolve) => {
        const res = {
          statusCode: 0,
          setHeader: () => undefined,
          end() {
            resolve(this.statusCode);
          },
        };
        listener(req, res);
      });
    const base = {
      method: 'POST',
      url: '/graphql',
      headers: { host: 'app.test', 'content-type': 'application/json' },
      body: JSON.parse(LIST),
      async *[Symbol.asyncIterator]() {},
    };
    expect(await run({ ...base, session: { trayUserId: 'user-s' } })).toBe(200);
    expect(await run({ ...base })).toBe(401);
    expect(tray.authorizeCalls('user-s')).toHaveLength(1);
    expect(seen).toEqual([0, 0]);
  });

  it('passes whatever second argument it is called with, e.g. a Worker’s env', async () => {
    const tray = createFakeTray(MASTER_TOKEN);
    const handler = createTrayHandler<{ TRAY_USER: string }>({
      masterToken: MASTER_TOKEN,
      embeddedId: 'emb',
      graphqlUrl: 'https://tray.test/graphql',
      fetch: tray.fetch,
      getUser: (_request, env) => (env ? { userId: env.TRAY_USER } : null),
    });
    const request = () => new Request('http://app.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: LIST });
    expect((await handler(request(), { TRAY_USER: 'user-w' })).status).toBe(200);
    expect((await handler(request())).status).toBe(401);
    expect(tray.authorizeCalls('user-w')).toHaveLength(1);
  });
});
