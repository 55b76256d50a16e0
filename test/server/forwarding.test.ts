import { Kind, parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, expectNoTokenLeaks, MASTER_TOKEN } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const CATALOG = 'query Catalog { viewer { solutions { edges { node { id } } } } }';
const MINE = 'query Mine { viewer { solutionInstances { edges { node { ...Fields } } } } }';
const FIELDS = 'fragment Fields on SolutionInstance { id name }';
const UNUSED = 'fragment Unused on Solution { id title }';

/** Operation and fragment names in a forwarded document. */
function definitionsOf(query: string): string[] {
  return parse(query).definitions.map((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION ? definition.name?.value ?? '(anonymous)' : definition.kind,
  );
}

describe('the master token only for what needs it', () => {
  it('forwards the selected operation alone, with the master token when it reads only viewer.solutions', async () => {
    const { post, tray } = createHarness();
    const reply = await post('/graphql', { query: `${CATALOG} ${MINE} ${FIELDS}`, operationName: 'Catalog' });
    expect(reply.status).toBe(200);
    const [call] = tray.calls;
    expect(tray.calls).toHaveLength(1);
    expect(call!.authorization).toBe(`Bearer ${MASTER_TOKEN}`);
    expect(definitionsOf(call!.body.query)).toEqual(['Catalog']);
    expect(call!.body.operationName).toBe('Catalog');
  });

  it('the other operation of the same document goes with the user token, with only its own fragments', async () => {
    const { post, tray } = createHarness();
    const reply = await post('/graphql', { query: `${CATALOG} ${MINE} ${FIELDS} ${UNUSED}`, operationName: 'Mine' });
    expect(reply.status).toBe(200);
    const call = tray.callsTo('viewer.solutionInstances')[0]!;
    expect(call.authorization).toBe(`Bearer ${tray.issuedTokens[0]}`);
    expect(definitionsOf(call.body.query)).toEqual(['Mine', 'Fields']);
  });

  it('fragments reached through other fragments go along; unreached ones stay behind', async () => {
    const { post, tray } = createHarness();
    const query = '{ viewer { ...V } } fragment V on Viewer { solutionInstances { edges { node { ...N } } } } fragment N on SolutionInstance { id } fragment Unused on SolutionInstance { name }';
    await post('/graphql', { query });
    expect(definitionsOf(tray.callsTo('viewer.solutionInstances')[0]!.body.query)).toEqual(['(anonymous)', 'V', 'N']);
  });

  it('forwards query, variables and operationName only: no extensions, no unknown keys', async () => {
    const { post, tray } = createHarness();
    const reply = await post('/graphql', {
      query: MINE + FIELDS,
      variables: { first: 1 },
      operationName: 'Mine',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' }, headers: { authorization: 'Bearer x' } },
      documentId: 'doc-1',
      token: MASTER_TOKEN,
    });
    expect(reply.status).toBe(200);
    const forwarded = tray.callsTo('viewer.solutionInstances')[0]!.body;
    expect(Object.keys(forwarded).sort()).toEqual(['operationName', 'query', 'variables']);
    expect(forwarded.variables).toEqual({ first: 1 });
  });

  it.each([
    ['several operations and no operationName', { query: `${CATALOG} ${MINE} ${FIELDS}` }, /several operations/],
    ['an operationName the document does not have', { query: CATALOG, operationName: 'Other' }, /no operation named "Other"/],
    ['only fragments', { query: FIELDS }, /no operation/],
  ])('%s → 400, nothing sent', async (_name, body, message) => {
    const { post, tray } = createHarness();
    const reply = await post('/graphql', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toEqual({ code: 'invalid_request', message: expect.stringMatching(message) });
    expect(tray.calls).toEqual([]);
  });

  it('an empty operationName counts as none', async () => {
    const { post, tray } = createHarness();
    expect((await post('/graphql', { query: CATALOG, operationName: '' })).status).toBe(200);
    expect(tray.calls[0]!.authorization).toBe(`Bearer ${MASTER_TOKEN}`);
  });
});
