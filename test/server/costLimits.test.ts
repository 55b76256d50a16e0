import { print, type DocumentNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import * as marketplace from '../../src/graphql/marketplace';
import * as operations from '../../src/graphql/operations';
import { createHarness, expectNoTokenLeaks } from './helpers/harness';

afterAll(expectNoTokenLeaks);

/** A query whose deepest field (`id`) sits `depth` levels down. */
const nested = (depth: number) => `{ viewer { solutionInstances ${'{ edges '.repeat(depth - 3)}{ id }${' }'.repeat(depth - 3)} } }`;
const aliases = (count: number) =>
  `{ viewer { ${Array.from({ length: count }, (_, i) => `a${i}: solutionInstances { totalCount }`).join(' ')} } }`;

/** A refusal named after its limit, with nothing sent upstream. */
async function expectRefused(query: string, limit: RegExp, options: Parameters<typeof createHarness>[0] = {}, variables?: object) {
  const { post, tray } = createHarness(options);
  const reply = await post('/graphql', { query, ...(variables ? { variables } : {}) });
  expect(reply.status).toBe(400);
  expect(reply.body.error.code).toBe('limit_exceeded');
  expect(reply.body.error.message).toMatch(limit);
  expect(tray.calls).toEqual([]);
}

async function expectForwarded(query: string, options: Parameters<typeof createHarness>[0] = {}) {
  const { post, tray } = createHarness(options);
  const reply = await post('/graphql', { query });
  expect(reply.status).toBe(200);
  expect(tray.calls.filter((call) => call.field !== 'authorize')).toHaveLength(1);
}

describe('cost limits: refused with 400 before anything reaches Tray', () => {
  it('415 aliased createSolutionInstance mutations are one request too many', async () => {
    const many = Array.from({ length: 415 }, (_, i) => `m${i}: createSolutionInstance(input: $i) { __typename }`);
    await expectRefused(`mutation ($i: CreateSolutionInstanceInput!) { ${many.join(' ')} }`, /more than one mutation/);
  });

  it.each([
    ['two aliases', 'mutation { a: removeSolutionInstance(input: {solutionInstanceId: "1"}) { clientMutationId } b: removeSolutionInstance(input: {solutionInstanceId: "2"}) { clientMutationId } }'],
    ['two different fields', 'mutation { removeSolutionInstance(input: {solutionInstanceId: "1"}) { clientMutationId } upgradeSolutionInstance(input: {solutionInstanceId: "2"}) { solutionInstance { id } } }'],
    ['one in a fragment, one inline', 'mutation { ...R ... on Mutation { upgradeSolutionInstance(input: {solutionInstanceId: "2"}) { solutionInstance { id } } } } fragment R on Mutation { removeSolutionInstance(input: {solutionInstanceId: "1"}) { clientMutationId } }'],
  ])('one mutation field per request: %s → 400', async (_name, query) => {
    await expectRefused(query, /more than one mutation/);
  });

  it('one mutation with __typename beside it is fine', async () => {
    await expectForwarded('mutation { __typename removeSolutionInstance(input: {solutionInstanceId: "1"}) { clientMutationId } }');
  });

  it('maxDepth: 12 levels pass, 13 are refused; the option moves the line', async () => {
    await expectForwarded(nested(12));
    await expectRefused(nested(13), /12 deep \(limits\.maxDepth\)/);
    await expectRefused(nested(6), /5 deep/, { limits: { maxDepth: 5 } });
  });

  it('depth counts through fragments, which add none of their own', async () => {
    const fragmented = (depth: number) =>
      `{ viewer { ...V } } fragment V on Viewer { solutionInstances { ...E } } fragment E on SolutionInstanceConnection ${'{ edges '.repeat(depth - 3)}{ id }${' }'.repeat(depth - 3)}`;
    await expectForwarded(fragmented(12));
    await expectRefused(fragmented(13), /limits\.maxDepth/);
  });

  it('a 5 KB document nested deep is refused, not forwarded as megabytes after printing', async () => {
    const deep = `{ viewer { solutionInstances ${'{ e '.repeat(1200)}{ id }${' }'.repeat(1200)} } }`;
    expect(deep.length).toBeLessThan(10_000);
    await expectRefused(deep, /limits\.maxDepth/);
  });

  it('maxAliases: 30 pass, 31 are refused (each fragment spread counts)', async () => {
    await expectForwarded(aliases(30));
    await expectRefused(aliases(31), /more than 30 aliases \(limits\.maxAliases\)/);
    const spread = `{ viewer { ...A ...B } } fragment A on Viewer { ${Array.from({ length: 16 }, (_, i) => `a${i}: solutionInstances { totalCount }`).join(' ')} } fragment B on Viewer { ${Array.from({ length: 16 }, (_, i) => `b${i}: solutionInstances { totalCount }`).join(' ')} }`;
    await expectRefused(spread, /limits\.maxAliases/);
  });

  it('maxRootFields: 5 pass, 6 are refused', async () => {
    const roots = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `v${i}: viewer { solutionInstances { totalCount } }`).join(' ')} }`;
    await expectForwarded(roots(5));
    await expectRefused(roots(6), /more than 5 root fields \(limits\.maxRootFields\)/);
  });

  it('fragments spread into one another cannot multiply the work past a fixed bound', async () => {
    // Three spreads a level, eleven levels: 177,147 copies of F11 from a 1 KB document.
    const levels = Array.from({ length: 11 }, (_, i) => `fragment F${i} on Solution { a: solution { ...F${i + 1} } b: solution { ...F${i + 1} } c: solution { ...F${i + 1} } }`);
    const query = `{ viewer { solutionInstances { edges { node { ...F0 } } } } } ${levels.join(' ')} fragment F11 on Solution { id }`;
    await expectRefused(query, /expands to more than 10000 fields/, { limits: { maxAliases: Infinity, maxDepth: Infinity } });
  });

  it('a fragment that spreads into itself is refused', async () => {
    await expectRefused('{ viewer { ...A } } fragment A on Viewer { solutionInstances { totalCount } ...B } fragment B on Viewer { ...A }', /spreads into itself/);
  });

  it('a document of more than 5,000 tokens is refused by the parser, whatever else it respects', async () => {
    const tags = Array.from({ length: 5_100 }, () => '"a"').join(' ');
    const { post, tray } = createHarness();
    const reply = await post('/graphql', { query: `{ viewer { solutions(criteria: {tags: [${tags}]}) { edges { node { id } } } } }` });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toEqual({ code: 'graphql_syntax_error', message: expect.stringMatching(/5000 tokens/) });
    expect(tray.calls).toEqual([]);
  });

  it('the printed document may not exceed maxBodyBytes, even after the handler adds to it', async () => {
    const query = 'mutation { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: true}) { solutionInstance { id } } }';
    const body = JSON.stringify({ query });
    const { post, tray } = createHarness({ maxBodyBytes: body.length });
    const reply = await post('/graphql', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toEqual({ code: 'limit_exceeded', message: expect.stringMatching(/once printed \(maxBodyBytes\)/) });
    expect(tray.calls).toEqual([]);
  });

  it('forwards documents compactly printed: never larger than what the browser sent', async () => {
    const { post, tray } = createHarness();
    const query = `query Indented {\n${'  '.repeat(4)}viewer {\n${'  '.repeat(8)}solutionInstances { edges { node { id name enabled } } }\n  }\n}`;
    await post('/graphql', { query });
    const forwarded = tray.callsTo('viewer.solutionInstances')[0]!.body.query;
    expect(forwarded).toBe('query Indented{viewer{solutionInstances{edges{node{id name enabled}}}}}');
  });

  it('variables nested 5,000 deep are a 400, never a 502, and nothing is sent', async () => {
    const { post, tray } = createHarness();
    const body = `{"query": "mutation ($input: UpdateSolutionInstanceInput!) { updateSolutionInstance(input: $input) { clientMutationId } }", "variables": {"input": ${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const reply = await post('/graphql', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toEqual({ code: 'limit_exceeded', message: expect.stringMatching(/nested more than 32 levels/) });
    expect(tray.calls).toEqual([]);
  });

  it('variables 32 levels deep pass; 33 are refused', async () => {
    // `levels` objects one inside the other, the variables object itself the outermost.
    const wrap = (levels: number) => {
      let value: unknown = 'leaf';
      for (let i = 0; i < levels; i++) value = { v: value };
      return value as Record<string, unknown>;
    };
    const query = 'query ($id: String) { viewer { solutionInstances(criteria: {id: $id}) { totalCount } } }';
    const { post, tray } = createHarness();
    expect((await post('/graphql', { query, variables: wrap(32) })).status).toBe(200);
    const refused = await post('/graphql', { query, variables: wrap(33) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('limit_exceeded');
    expect(tray.callsTo('viewer.solutionInstances')).toHaveLength(1);
  });

  it('maxResponseBytes: an answer past it is cut off while streaming and answered 502 upstream_too_large', async () => {
    const { post, tray } = createHarness({ limits: { maxResponseBytes: 64 * 1024 } });
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${'x'.repeat(16 * 1024 - 3)}",`);
    tray.override((call) => {
      if (call.field !== 'viewer.solutionInstances') return undefined;
      return new Response(
        new ReadableStream<Uint8Array>({
          start: (controller) => controller.enqueue(new TextEncoder().encode('{"data":[')),
          pull: (controller) => {
            pulled += 1;
            controller.enqueue(chunk); // endless: 86 MB and more, if anyone read it all
          },
        }),
        { status: 200 },
      );
    });
    const reply = await post('/graphql', { query: '{ viewer { solutionInstances { totalCount } } }' });
    expect(reply.status).toBe(502);
    expect(reply.body.error).toEqual({ code: 'upstream_too_large', message: expect.stringMatching(/65536 bytes \(limits\.maxResponseBytes\)/) });
    expect(pulled).toBeLessThan(10);
  });

  it('maxResponseBytes: a Content-Length past it is refused without reading the body', async () => {
    const { post, tray } = createHarness({ limits: { maxResponseBytes: 1000 } });
    let pulled = 0;
    tray.override((call) =>
      call.field === 'viewer.solutionInstances'
        ? new Response(new ReadableStream({ pull: () => void (pulled += 1) }), { headers: { 'content-length': '5000000' } })
        : undefined,
    );
    expect((await post('/graphql', { query: '{ viewer { solutionInstances { totalCount } } }' })).body.error.code).toBe('upstream_too_large');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('the widget’s own documents all pass the default limits', async () => {
    const documents = Object.entries({ ...operations, ...marketplace }).filter(
      (entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && (entry[1] as DocumentNode).kind === 'Document',
    );
    expect(documents.length).toBeGreaterThanOrEqual(6);
    const { post } = createHarness({ limits: { userRequestsPerSecond: Infinity } });
    for (const [name, document] of documents) {
      const reply = await post('/graphql', { query: print(document) });
      expect([name, reply.status, reply.body.error]).toEqual([name, 200, undefined]);
    }
  });

  it.each([
    [{ maxDepth: 0 }, /limits\.maxDepth must be a whole number ≥ 1/],
    [{ maxAliases: 1.5 }, /limits\.maxAliases must be a whole number/],
    [{ maxResponseBytes: Infinity }, /limits\.maxResponseBytes must be/],
    [{ userRequestsPerSecond: 0 }, /limits\.userRequestsPerSecond must be/],
    [{ catalogTtlMs: -1 }, /limits\.catalogTtlMs must be/],
    [{ maxUsers: 0 }, /limits\.maxUsers must be/],
    [{ maxdepth: 3 }, /limits has unknown keys: maxdepth/],
  ])('refuses limits %j at creation', (limits, message) => {
    expect(() => createHarness({ limits: limits as never })).toThrow(message);
  });
});
