import { print } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { SOLUTION_INSTANCE_QUERY } from '../../src/graphql/operations';
import type { CriteriaIdMode } from './helpers/fakeTray';
import { createHarness, expectNoTokenLeaks } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const LOOKUP = print(SOLUTION_INSTANCE_QUERY);
const usesCriteriaId = (query: string) => /criteria:\{id:/.test(query.replace(/\s+/g, ''));

/** user-a owns 250 instances (the one looked up far down the list), user-b one. */
function harnessFor(mode: CriteriaIdMode) {
  const harness = createHarness({ limits: { userRequestsPerSecond: Infinity } }, { criteriaId: mode });
  for (let i = 0; i < 250; i++) harness.tray.addInstance({ id: `inst-a${i}`, owner: 'user-a', name: `A ${i}` });
  harness.tray.addInstance({ id: 'inst-b', owner: 'user-b', name: 'B' });
  return harness;
}

describe.each<CriteriaIdMode>(['honour', 'ignore', 'reject'])('criteria: { id } when Tray would %s it', (mode) => {
  it('a browser lookup answers with exactly the user’s instance of that id, and Tray’s own fields only', async () => {
    const { post } = harnessFor(mode);
    const reply = await post('/graphql', { query: LOOKUP, variables: { id: 'inst-a230' }, operationName: 'SolutionInstance' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: { viewer: { solutionInstances: { edges: [{ node: { id: 'inst-a230', name: 'A 230', enabled: false, solution: { id: 'sol-1', customFields: [] } } }] } } } });
  });

  it('answers none for another user’s id or an unknown one', async () => {
    const { post } = harnessFor(mode);
    for (const id of ['inst-b', 'inst-nope']) {
      const reply = await post('/graphql', { query: LOOKUP, variables: { id } });
      expect(reply.body).toEqual({ data: { viewer: { solutionInstances: { edges: [] } } } });
    }
  });

  it('keeps the browser’s aliases, fragments, totalCount and pageInfo right for one instance', async () => {
    const { post } = harnessFor(mode);
    const query = `query Q($c: SolutionInstanceSearchCriteria) { viewer { mine: solutionInstances(criteria: $c, first: 5) { n: totalCount ...E pageInfo { hasNextPage } } } }
      fragment E on SolutionInstanceConnection { edges { cursor node { ... on SolutionInstance { id } label: name } } }`;
    const reply = await post('/graphql', { query, variables: { c: { id: 'inst-a120', solutionId: 'sol-1' } } });
    expect(reply.body).toEqual({
      data: { viewer: { mine: { n: 1, edges: [{ cursor: 'inst-a120', node: { id: 'inst-a120', label: 'A 120' } }], pageInfo: { hasNextPage: false } } } },
    });
  });

  it('wizard-url and auth-url check ownership right: 404 and no code for a foreign or unknown id', async () => {
    const { post, tray } = harnessFor(mode);
    expect((await post('/wizard-url', { solutionInstanceId: 'inst-a249' })).body.url).toMatch(/\/configure\/inst-a249\?code=code-1$/);
    for (const solutionInstanceId of ['inst-b', 'inst-nope']) {
      const wizard = await post('/wizard-url', { solutionInstanceId });
      const auth = await post('/auth-url', { solutionInstanceId, externalAuthId: 'slack_auth' });
      expect([wizard.status, auth.status]).toEqual([404, 404]);
    }
    expect(tray.callsTo('generateAuthorizationCode')).toHaveLength(1);
  });

  it(mode === 'honour' ? 'keeps asking with criteria: { id }, one call per lookup' : 'remembers it, and pages 100 at a time from then on', async () => {
    const { post, tray } = harnessFor(mode);
    await post('/wizard-url', { solutionInstanceId: 'inst-a5' });
    const before = tray.callsTo('viewer.solutionInstances').length;
    await post('/wizard-url', { solutionInstanceId: 'inst-a230' });
    await post('/graphql', { query: LOOKUP, variables: { id: 'inst-a230' } });
    const later = tray.callsTo('viewer.solutionInstances').slice(before);
    if (mode === 'honour') {
      expect(later.map((call) => usesCriteriaId(call.body.query))).toEqual([true, true]);
    } else {
      expect(later.some((call) => usesCriteriaId(call.body.query))).toBe(false);
      // wizard-url: three pages (0–99, 100–199, 200–249); the browser's lookup: three pages and its own fields.
      expect(later.map((call) => call.body.variables?.first ?? call.body.variables?.__trayHandlerFirst)).toEqual([100, 100, 100, 100, 100, 100, 1]);
    }
  });
});

describe('criteria: { id } when the browser selects edges { node { id } } itself', () => {
  const ownEdges = (query: string) => query.includes('__trayHandlerEdges');

  it('sends the browser’s document as it is, and passes Tray’s verified answer on byte for byte', async () => {
    const { post, tray } = harnessFor('honour');
    const trayText = `{"data":{"viewer":{"solutionInstances":{"edges":[{"node":{"id":"inst-a7","name":"A 7","enabled":false,"solution":{"id":"sol-1","customFields":[]}}}]}}}}`;
    tray.override((call) => (call.field === 'viewer.solutionInstances' ? new Response(trayText, { headers: { 'content-type': 'application/json' } }) : undefined));
    const reply = await post('/graphql', { query: LOOKUP, variables: { id: 'inst-a7' } });
    expect(reply.text).toBe(trayText);
    const [call] = tray.callsTo('viewer.solutionInstances');
    expect(ownEdges(call!.body.query)).toBe(false);
    expect(usesCriteriaId(call!.body.query)).toBe(true);
  });

  const selections = [
    ['an alias puts another field under id', 'edges { node { id: name } }'],
    ['an alias puts another field under node', 'edges { node: cursor other: node { id } }'],
    ['a directive may leave id out', 'edges { node { id @include(if: $withId) name } }'],
    ['id only through a fragment', 'edges { node { ...IdOnly } }'],
  ] as const;
  const cases = selections.flatMap(([name, selection]) => (['honour', 'ignore'] as const).map((mode) => [name, mode, selection] as const));
  it.each(cases)('adds its own ids when %s, and answers only the user’s instance (Tray would %s the filter)', async (_name, mode, selection) => {
    const { post, tray } = harnessFor(mode);
    const withId = selection.includes('$withId') ? ', $withId: Boolean = false' : '';
    const fragment = selection.includes('IdOnly') ? ' fragment IdOnly on SolutionInstance { id }' : '';
    const query = `query Q($id: String!${withId}) { viewer { solutionInstances(criteria: { id: $id }) { ${selection} } } }${fragment}`;
    const reply = await post('/graphql', { query, variables: { id: 'inst-a42' } });
    expect(reply.status).toBe(200);
    expect(reply.body.data.viewer.solutionInstances.edges).toHaveLength(1);
    expect(reply.text).not.toContain('__trayHandlerEdges');
    // The first call is the browser's document, checked: with the handler's own ids added.
    expect(ownEdges(tray.callsTo('viewer.solutionInstances')[0]!.body.query)).toBe(true);
  });
});

describe('criteria: { id } over time', () => {
  it('notices a Tray that stops honouring the filter, warns once, and answers right from then on', async () => {
    const { post, tray, logs } = harnessFor('honour');
    expect((await post('/wizard-url', { solutionInstanceId: 'inst-a3' })).status).toBe(200);
    tray.setCriteriaId('ignore');
    const reply = await post('/graphql', { query: LOOKUP, variables: { id: 'inst-a180' } });
    expect(reply.body.data.viewer.solutionInstances.edges.map((edge: any) => edge.node.id)).toEqual(['inst-a180']);
    expect((await post('/wizard-url', { solutionInstanceId: 'inst-b' })).status).toBe(404);
    expect(logs.filter((line) => /criteria: \{ id \}/.test(line.message))).toEqual([
      { level: 'warn', message: "Tray ignored solutionInstances(criteria: { id }); looking instances up by paging through the user's instances from now on." },
    ]);
  });

  it('answers 400 to two lookups by id in one operation, before calling Tray', async () => {
    const { post, tray } = harnessFor('honour');
    const query = '{ viewer { a: solutionInstances(criteria: { id: "inst-a1" }) { totalCount } b: solutionInstances(criteria: { id: "inst-a2" }) { totalCount } } }';
    const reply = await post('/graphql', { query });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/one instance by criteria\.id per operation/);
    expect(tray.callsTo('viewer.solutionInstances')).toHaveLength(0);
  });
});

describe('criteria.owner from the browser', () => {
  it.each([
    ['literal', { query: '{ viewer { solutionInstances(criteria: { owner: "user-b" }) { edges { node { id } } } } }' }],
    ['in a criteria variable', { query: 'query ($c: SolutionInstanceSearchCriteria) { viewer { solutionInstances(criteria: $c) { totalCount } } }', variables: { c: { owner: 'user-b' } } }],
    ['as a variable of its own', { query: 'query ($o: String) { viewer { solutionInstances(criteria: { owner: $o }) { totalCount } } }', variables: { o: 'user-b' } }],
  ])('is refused with 403 (%s): it is for the partner’s console, and never reaches Tray', async (_name, payload) => {
    const { post, tray } = harnessFor('honour');
    const reply = await post('/graphql', payload);
    expect(reply.status).toBe(403);
    expect(reply.body.error).toEqual({ code: 'forbidden', message: expect.stringMatching(/criteria\.owner is for the partner's console: Tray allows it with the master token only/) });
    expect(tray.callsTo('viewer.solutionInstances')).toHaveLength(0);
  });

  it('leaves other criteria alone', async () => {
    const { post } = harnessFor('honour');
    const reply = await post('/graphql', { query: 'query ($o: String) { viewer { solutionInstances(criteria: { owner: $o, name: "A 7" }) { totalCount } } }' });
    expect(reply.body).toEqual({ data: { viewer: { solutionInstances: { totalCount: 1 } } } });
  });
});
