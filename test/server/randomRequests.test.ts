import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as marketplaceDocuments from '../../src/graphql/marketplace';
import * as enablerDocuments from '../../src/graphql/operations';
import { createInProcessTray, type InProcessTray } from '../../src/mock-tray/inProcess';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { toNodeListener } from '../../src/server/index';
import { rawHttp, type RawAnswer } from './helpers/rawHttp';

/**
 * The handler on a real socket, as the internet would try it: random methods, paths, `Host`
 * and `Origin` headers, content types and bodies (the widget's own documents with random
 * variables, aliases, deep nesting, forbidden operations, batches, malformed JSON, bytes that
 * are not UTF-8), from signed-in users, other users and nobody. Whatever arrives, the answer is
 * never a 500, every refusal is JSON naming its code, no token is ever in it, and every enable
 * that reaches the mock Tray carries `errorOnEnablingWithMissingValues: true`.
 */

const BASE = '/api/tray';
const ROUTES = ['graphql', 'wizard-url', 'auth-url', 'admin/instances', 'admin/set-enabled'].map((route) => `${BASE}/${route}`);
const DOCUMENTS = ([...Object.values(enablerDocuments), ...Object.values(marketplaceDocuments)] as unknown[])
  .filter((value): value is DocumentNode => typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Document')
  .map((document) => print(document));
const IDS = [...Object.values(SEED_IDS.instances), 'si-unknown', '', 'x'.repeat(300), '../../etc', '"}'];

const odd = fc.constantFrom<unknown>(null, 1, -1, 1e308, true, '', 'x', [], {}, [1, [2]], { a: { b: {} } }, '\ud800');
const id = fc.constantFrom(...IDS);
const nested = fc.integer({ min: 0, max: 60 }).map((depth) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});
const aliases = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom('viewer { id }', '__typename', 'viewer { solutions { edges { node { id } } } }'));

const body: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom('', ' ', '{', 'null', '[]', '1', '"x"', '{"query":', '{"query":"{"}', '{}', Buffer.from([0xff, 0xfe, 0x7b, 0x7d])),
  fc.record({ query: fc.constantFrom(...DOCUMENTS), variables: fc.record({ id, first: fc.constantFrom<unknown>(1, 10, -1, 1e9, 'x'), after: odd, input: fc.record({ solutionInstanceId: id, enabled: fc.constantFrom<unknown>(true, false, 'true', null), instanceName: odd, errorOnEnablingWithMissingValues: fc.constantFrom<unknown>(false, true, undefined, 'no') }) }) }).map((v) => JSON.stringify(v)),
  fc.record({ query: fc.constantFrom(...DOCUMENTS), variables: nested }).map((v) => JSON.stringify(v)),
  aliases.map(([count, field]) => JSON.stringify({ query: `query { ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }` })),
  id.map((value) => JSON.stringify({ query: `mutation { a: updateSolutionInstance(input: { solutionInstanceId: ${JSON.stringify(value)}, enabled: true }) { solutionInstance { id enabled } } }` })),
  fc.constantFrom(
    '{ __schema { types { name } } }',
    'mutation { authorize(input: { userId: "user-other" }) { accessToken } }',
    'mutation { generateAuthorizationCode(input: { userId: "user-other" }) { authorizationCode } }',
    '{ users { edges { node { id } } } }',
    'fragment F on Viewer { ...F } { viewer { ...F } }',
    `{ viewer { ${'solutions { edges { node { '.repeat(8)} id ${'} } } '.repeat(8)} } }`,
  ).map((query) => JSON.stringify({ query })),
  fc.record({ query: odd, variables: odd, operationName: odd }).map((v) => JSON.stringify(v)),
  fc.record({ solutionInstanceId: fc.oneof(id, odd), customValidation: odd, externalAuthId: fc.oneof(fc.constant('ext'), odd), authId: fc.oneof(fc.constant('auth-1'), odd) }).map((v) => JSON.stringify(v)),
  fc.constant(JSON.stringify([{ query: DOCUMENTS[0] }, { query: DOCUMENTS[1] }])),
);

interface RandomRequest {
  method: string;
  path: string;
  host: string | null;
  contentType: string;
  user: string | null;
  admin: boolean;
  origin: string | null;
  body: string | Buffer;
}

const randomRequest = (port: number): fc.Arbitrary<RandomRequest> =>
  fc.record({
    method: fc.oneof({ weight: 6, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'OPTIONS', 'DELETE', 'HEAD', 'PATCH') }),
    path: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ROUTES) },
      { weight: 1, arbitrary: fc.constantFrom(`${BASE}/graphql/`, `${BASE}//graphql`, `${BASE}/GRAPHQL`, `${BASE}/graphql?x=1`, `${BASE}/%67raphql`, BASE, '/', '*', `http://evil.test${BASE}/graphql`, `${BASE}/${'x'.repeat(5000)}`) },
    ),
    host: fc.oneof({ weight: 6, arbitrary: fc.constant(`127.0.0.1:${port}`) }, { weight: 1, arbitrary: fc.constantFrom(null, 'evil.test', 'a b', 'x/y', '[::1', 'ex@mple', '', 'localhost:99999', '..') }),
    contentType: fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/jsonx', 'multipart/form-data') }),
    user: fc.constantFrom(SEED_IDS.demoUser, SEED_IDS.otherUser, 'user-unknown', null),
    admin: fc.boolean(),
    origin: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('http://allowed.test', 'http://evil.test', 'null', `http://127.0.0.1:${port}`, 'garbage') }),
    body,
  });

function send(port: number, request: RandomRequest): Promise<RawAnswer> {
  const headers: Record<string, string> = { 'content-type': request.contentType, 'x-test-admin': request.admin ? 'yes' : 'no' };
  if (request.host !== null) headers['host'] = request.host;
  if (request.user !== null) headers['x-test-user'] = request.user;
  if (request.origin !== null) headers['origin'] = request.origin;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return rawHttp(port, { method: request.method, path: request.path, headers, ...(hasBody ? { body: request.body } : {}) });
}

describe('the handler on a socket, under random requests', () => {
  let tray: InProcessTray;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    tray = createInProcessTray({
      handler: {
        getUser: (request) => {
          const userId = request.headers.get('x-test-user');
          return userId ? { userId, isAdmin: request.headers.get('x-test-admin') === 'yes' } : null;
        },
        cors: { origins: ['http://allowed.test'] },
        limits: { userRequestsPerSecond: Infinity },
      },
    });
    server = createServer(toNodeListener(tray.handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('no form of an enabling document gets a half-configured instance enabled: each that reaches Tray carries the check', async () => {
    // Its required "Slack channel" is unset: enabled only by a mutation that skips the check.
    const id = SEED_IDS.instances.disabledMissingValues;
    const name = JSON.stringify(id);
    const flag = fc.constantFrom<unknown>(undefined, false, true, 'no', null);
    const selection = '{ solutionInstance { id enabled } }';
    const literal = (value: unknown) => (value === undefined ? '' : `, errorOnEnablingWithMissingValues: ${JSON.stringify(value)}`);
    const widgetsUpdate = DOCUMENTS.find((query) => query.includes('mutation UpdateSolutionInstance'))!;
    const enabling = fc.tuple(flag, fc.integer({ min: 0, max: 5 })).map(([value, form]) => {
      switch (form) {
        case 0: // the widget's own document, its input in variables
          return { query: widgetsUpdate, variables: { input: { solutionInstanceId: id, enabled: true, ...(value === undefined ? {} : { errorOnEnablingWithMissingValues: value }) } } };
        case 1: // the input written in the document
          return { query: `mutation { updateSolutionInstance(input: { solutionInstanceId: ${name}, enabled: true${literal(value)} }) ${selection} }` };
        case 2: // aliased
          return { query: `mutation { on: updateSolutionInstance(input: { solutionInstanceId: ${name}, enabled: true${literal(value)} }) ${selection} }` };
        case 3: // enabled from a variable
          return { query: `mutation ($e: Boolean!) { updateSolutionInstance(input: { solutionInstanceId: ${name}, enabled: $e${literal(value)} }) ${selection} }`, variables: { e: true } };
        case 4: // the check from a variable
          return { query: `mutation ($f: Boolean) { updateSolutionInstance(input: { solutionInstanceId: ${name}, enabled: true, errorOnEnablingWithMissingValues: $f }) ${selection} }`, variables: value === undefined ? {} : { f: value } };
        default: // the whole input as a variable's default
          return { query: `mutation ($i: UpdateSolutionInstanceInput = { solutionInstanceId: ${name}, enabled: true${literal(value)} }) { updateSolutionInstance(input: $i) ${selection} }` };
      }
    });
    const reachedTray = () => tray.requests((entry) => entry.rootFields.includes('updateSolutionInstance')).length;
    const before = reachedTray();
    await fc.assert(
      fc.asyncProperty(enabling, async (payload) => {
        const answer = await send(port, { method: 'POST', path: `${BASE}/graphql`, host: `127.0.0.1:${port}`, contentType: 'application/json', user: SEED_IDS.demoUser, admin: false, origin: null, body: JSON.stringify(payload) });
        expect(answer.status).not.toBe(500);
        expect(answer.text).not.toMatch(/"enabled":true/);
        expect(tray.store.instances.get(id)!.enabled).toBe(false);
      }),
      { numRuns: 150 },
    );
    // Most forms went to Tray, which refused them (a form the handler refuses never reaches it).
    expect(reachedTray() - before).toBeGreaterThan(50);
  }, 120_000);

  it('never answers 500, refuses in JSON with a code, leaks no token, and lets no enable through unchecked', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(randomRequest(port), async (request) => {
        const answer = await send(port, request);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status).not.toBe(500);
        // HTTP/1.1 without Host: node:http answers 400 itself, before any listener runs.
        if (request.host === null) return void expect(answer.status).toBe(400);
        expect(answer.text).not.toContain(tray.store.masterToken);
        expect(answer.text).not.toMatch(/mock-user-token-/);
        if (answer.status >= 400 && request.method !== 'HEAD') {
          expect(answer.contentType).toMatch(/json/);
          const parsed = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown }; errors?: unknown };
          // A GraphQL answer (Tray's rate limit as 429) carries `errors`; everything else the handler's error.
          if (parsed.errors === undefined) expect(parsed.error).toEqual({ code: expect.any(String), message: expect.any(String) });
        }
        if (request.origin === 'http://evil.test' || request.origin === 'garbage') expect(answer.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 600 },
    );
    for (const variables of tray.mutations('updateSolutionInstance')) {
      if (variables['input']?.enabled === true) expect(variables['input'].errorOnEnablingWithMissingValues).toBe(true);
    }
    // It went deep, not only to refusals: answers the widget gets, and the handler's own 4xx.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(10);
    expect([...statuses.keys()].filter((status) => status >= 400).length).toBeGreaterThan(4);
    // And it still serves a plain request afterwards.
    const after = await send(port, { method: 'POST', path: `${BASE}/graphql`, host: `127.0.0.1:${port}`, contentType: 'application/json', user: SEED_IDS.demoUser, admin: false, origin: null, body: JSON.stringify({ query: '{ viewer { solutionInstances { totalCount } } }' }) });
    expect(after.status).toBe(200);
  }, 120_000); // 600 requests over a socket take a few seconds alone; CI shares two cores with browsers
});
