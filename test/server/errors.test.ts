import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createTrayHandler } from '../../src/server/index';
import { rateLimitResponse } from './helpers/fakeTray';
import { createHarness, expectNoTokenLeaks, MASTER_TOKEN } from './helpers/harness';

afterAll(expectNoTokenLeaks);
afterEach(() => vi.unstubAllGlobals());

const LIST = { query: '{ viewer { solutionInstances { totalCount } } }' };
const SOLUTIONS = { query: '{ viewer { solutions { edges { node { id } } } } }' };

/** A body stream that never says how long it is, like a chunked upload. */
function streamOf(size: number, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const bytes = new Uint8Array(Math.min(chunk, size - sent)).fill(0x20);
      sent += bytes.byteLength;
      controller.enqueue(bytes);
    },
  });
}

function rawPost(path: string, init: RequestInit & { duplex?: 'half' }, user: string | null = 'user-a') {
  const headers = new Headers(init.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  if (user) headers.set('x-test-user', user);
  return new Request(`http://app.test${path}`, { method: 'POST', ...init, headers } as RequestInit);
}

describe('error responses', () => {
  it.each([
    ['unknown route', () => rawPost('/nope', { body: '{}' }), 404, 'not_found'],
    ['GET on /graphql', () => new Request('http://app.test/graphql', { headers: { 'x-test-user': 'user-a' } }), 405, 'method_not_allowed'],
    ['text/plain (cross-site form)', () => rawPost('/graphql', { body: JSON.stringify(LIST), headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type'],
    ['no user', () => rawPost('/graphql', { body: JSON.stringify(LIST) }, null), 401, 'unauthenticated'],
    ['malformed JSON', () => rawPost('/graphql', { body: '{"query": ' }), 400, 'invalid_json'],
    ['empty body', () => rawPost('/graphql', { body: '' }), 400, 'invalid_json'],
    ['missing query', () => rawPost('/graphql', { body: '{"variables": {}}' }), 400, 'invalid_request'],
    ['non-string query', () => rawPost('/graphql', { body: '{"query": {"kind": "Document"}}' }), 400, 'invalid_request'],
    ['array variables', () => rawPost('/graphql', { body: JSON.stringify({ ...LIST, variables: [1] }) }), 400, 'invalid_request'],
    ['string variables', () => rawPost('/graphql', { body: JSON.stringify({ ...LIST, variables: '{}' }) }), 400, 'invalid_request'],
    ['numeric operationName', () => rawPost('/graphql', { body: JSON.stringify({ ...LIST, operationName: 1 }) }), 400, 'invalid_request'],
    ['GraphQL syntax error', () => rawPost('/graphql', { body: '{"query": "{ viewer { "}' }), 400, 'graphql_syntax_error'],
    ['body over 100 KB with Content-Length', () => {
      const body = JSON.stringify({ query: `{ viewer { solutionInstances { totalCount } } }${' '.repeat(110_000)}` });
      return rawPost('/graphql', { body, headers: { 'content-length': String(body.length) } });
    }, 413, 'payload_too_large'],
    ['Content-Length over 100 KB (refused before reading)', () => rawPost('/graphql', { body: JSON.stringify(LIST), headers: { 'content-length': '200000' } }), 413, 'payload_too_large'],
    ['body over 100 KB without Content-Length', () => rawPost('/graphql', { body: streamOf(150_000), duplex: 'half' }), 413, 'payload_too_large'],
    ['body over 100 KB with a lying Content-Length', () => rawPost('/graphql', { body: streamOf(150_000), duplex: 'half', headers: { 'content-length': '20' } }), 413, 'payload_too_large'],
  ])('%s → %i %s, and Tray is never called', async (_name, makeRequest, status, code) => {
    const { send, tray } = createHarness();
    const reply = await send(makeRequest());
    expect(reply.status).toBe(status);
    expect(reply.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(reply.body.error.message.length).toBeGreaterThan(15);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(tray.calls).toHaveLength(0);
  });

  it('405 names the allowed method; the syntax error carries graphql’s message', async () => {
    const { send } = createHarness();
    const wrong = await send(new Request('http://app.test/wizard-url', { method: 'PUT', headers: { 'x-test-user': 'u' } }));
    expect(wrong.headers.get('allow')).toBe('POST');
    const syntax = await send(rawPost('/graphql', { body: '{"query": "{ viewer { "}' }));
    expect(syntax.body.error.message).toMatch(/Syntax Error: Expected Name, found <EOF>/);
  });

  it('404 names every route the handler serves, under its base path', async () => {
    const { send } = createHarness({ basePath: '/api/tray' });
    const reply = await send(rawPost('/api/tray/nope', { body: '{}' }));
    expect(reply.status).toBe(404);
    for (const route of ['graphql', 'wizard-url', 'auth-url', 'admin/instances', 'admin/set-enabled']) {
      expect(reply.body.error.message).toContain(`/api/tray/${route}`);
    }
  });

  it('accepts a body of exactly maxBodyBytes and refuses one byte more', async () => {
    const body = JSON.stringify(LIST);
    const { send } = createHarness({ maxBodyBytes: body.length });
    expect((await send(rawPost('/graphql', { body }))).status).toBe(200);
    expect((await send(rawPost('/graphql', { body: `${body} ` }))).status).toBe(413);
  });

  it('502 upstream_unreachable when fetch throws, without the cause', async () => {
    const { post, logs } = createHarness({ fetch: () => Promise.reject(new TypeError('fetch failed: ECONNREFUSED 10.0.0.1')) });
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('upstream_unreachable');
    expect(reply.text).not.toMatch(/ECONNREFUSED|10\.0\.0\.1/);
    expect(logs).toEqual([]);
  });

  it('502 upstream_invalid_response when Tray answers HTML', async () => {
    const { post, tray } = createHarness();
    tray.override(() => new Response('<html>Bad gateway</html>', { status: 503, headers: { 'content-type': 'text/html' } }));
    const reply = await post('/graphql', SOLUTIONS);
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('upstream_invalid_response');
  });

  it('passes Tray’s status and body through (a 400 validation error stays a 400)', async () => {
    const { post, tray } = createHarness();
    const body = { errors: [{ message: 'Cannot query field "nope" on type "SolutionInstanceConnection".' }] };
    tray.override((call) => (call.field === 'viewer.solutionInstances' ? Response.json(body, { status: 400 }) : undefined));
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(body);
    expect(reply.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('rate limit: keeps Tray’s body, answers 429 with Retry-After: 1', async () => {
    const { post, tray } = createHarness();
    tray.override((call) => (call.field === 'viewer.solutionInstances' ? rateLimitResponse() : undefined));
    const reply = await post('/graphql', LIST);
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('1');
    expect(reply.body).toEqual(await rateLimitResponse().json());
  });

  it('rate limit: Apollo Client in the browser still reads the GraphQL errors', async () => {
    const { handler, tray } = createHarness();
    tray.override((call) => (call.field === 'viewer.solutionInstances' ? rateLimitResponse() : undefined));
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({
        uri: 'http://app.test/graphql',
        headers: { 'x-test-user': 'user-a' },
        fetch: (url, init) => handler(new Request(String(url), init)),
      }),
    });
    const result = await client.query({ query: gql(LIST.query), errorPolicy: 'all' }).catch((error: unknown) => ({ error }));
    expect(CombinedGraphQLErrors.is(result.error)).toBe(true);
    expect((result.error as CombinedGraphQLErrors).errors[0]!.extensions).toMatchObject({ code: 'access_not_allowed' });
  });

  it('our own 401 reaches Apollo Client as a ServerError with statusCode 401', async () => {
    const { handler } = createHarness();
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({ uri: 'http://app.test/graphql', fetch: (url, init) => handler(new Request(String(url), init)) }),
    });
    const result = await client.query({ query: gql(LIST.query) }).catch((error: unknown) => ({ error }));
    expect(ServerError.is(result.error)).toBe(true);
    expect((result.error as ServerError).statusCode).toBe(401);
  });

  it('502 upstream_unauthorized when Tray refuses the master token', async () => {
    const { post, tray, logs } = createHarness();
    tray.override((call) => (call.field === 'viewer.solutions' ? new Response('Unauthorized', { status: 401 }) : undefined));
    const reply = await post('/graphql', SOLUTIONS);
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('upstream_unauthorized');
    expect(reply.body.error.message).toMatch(/TRAY_MASTER_TOKEN/);
    expect(logs.map((log) => log.level)).toEqual(['error']);
  });

  it('500 without a stack trace when getUser throws, or returns a user without userId', async () => {
    for (const getUser of [
      () => {
        throw new Error('session store exploded');
      },
      () => ({ userId: 42 }) as never,
    ]) {
      const { post, logs } = createHarness({ getUser });
      const reply = await post('/graphql', LIST);
      expect(reply.status).toBe(500);
      expect(reply.body.error.code).toBe('internal_error');
      expect(reply.text).not.toMatch(/exploded|\bat .*:\d+/);
      expect(logs).toHaveLength(1);
    }
  });
});

describe('routing', () => {
  it('with basePath, serves only under it (trailing slash tolerated)', async () => {
    const { send } = createHarness({ basePath: '/api/tray/' });
    expect((await send(rawPost('/api/tray/graphql', { body: JSON.stringify(LIST) }))).status).toBe(200);
    expect((await send(rawPost('/api/tray/graphql/', { body: JSON.stringify(LIST) }))).status).toBe(200);
    expect((await send(rawPost('/graphql', { body: JSON.stringify(LIST) }))).status).toBe(404);
    expect((await send(rawPost('/api/tray/other/graphql', { body: JSON.stringify(LIST) }))).status).toBe(404);
  });

  it('without basePath, matches routes by path suffix', async () => {
    const { send } = createHarness();
    expect((await send(rawPost('/api/tray/graphql', { body: JSON.stringify(LIST) }))).status).toBe(200);
    expect((await send(rawPost('/api/tray/graphqlx', { body: JSON.stringify(LIST) }))).status).toBe(404);
  });
});

describe('createTrayHandler options', () => {
  const base = { masterToken: MASTER_TOKEN, embeddedId: 'emb', getUser: () => null };

  it.each([
    [{ masterToken: '' }, /masterToken is missing/],
    [{ embeddedId: undefined }, /embeddedId is missing/],
    [{ getUser: undefined }, /getUser must be a function/],
    [{ region: 'mars' }, /region must be/],
    [{ region: 'toString' }, /region must be/],
    [{ graphqlUrl: 'not a url' }, /graphqlUrl must be an absolute URL/],
    [{ wizardHost: 'http://evil.example' }, /wizardHost must be an https origin/],
    [{ maxBodyBytes: -1 }, /maxBodyBytes must be/],
  ])('refuses %j at creation with a clear message', (override, message) => {
    expect(() => createTrayHandler({ ...base, ...override } as never)).toThrow(message);
  });

  it('looks up the global fetch when a request arrives, not at creation', async () => {
    const handler = createTrayHandler({ ...base, getUser: () => ({ userId: 'u' }) });
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      return Response.json({ data: { viewer: { solutions: { edges: [] } } } });
    });
    const response = await handler(rawPost('/graphql', { body: JSON.stringify(SOLUTIONS) }));
    expect(response.status).toBe(200);
    expect(calls).toEqual(['https://tray.io/graphql']);
  });

  it.each([
    ['eu', 'https://eu1.tray.io/graphql'],
    ['apac', 'https://ap1.tray.io/graphql'],
  ] as const)('region %s talks to %s; graphqlUrl wins over region', async (region, url) => {
    const seen: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return Response.json({ data: {} });
    };
    const getUser = () => ({ userId: 'u' });
    await createTrayHandler({ ...base, region, fetch, getUser })(rawPost('/graphql', { body: JSON.stringify(SOLUTIONS) }));
    await createTrayHandler({ ...base, region, fetch, getUser, graphqlUrl: 'http://127.0.0.1:9/graphql' })(
      rawPost('/graphql', { body: JSON.stringify(SOLUTIONS) }),
    );
    expect(seen).toEqual([url, 'http://127.0.0.1:9/graphql']);
  });
});
