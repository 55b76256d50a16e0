import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeListener } from '../../src/server/index';
import { createHarness, expectNoTokenLeaks } from './helpers/harness';

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

  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-test-user': 'user-a', ...headers },
    });

  it('passes method, path, headers and body through, and writes status, headers and body back', async () => {
    const response = await post('/api/tray/graphql?x=1', LIST);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      data: { viewer: { solutionInstances: { edges: [expect.anything()], pageInfo: expect.anything(), totalCount: 1 } } },
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
});
