import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { startTestTray, type TestTray } from './helpers';

let tray: TestTray;
let token: string;

beforeAll(async () => {
  tray = await startTestTray({ rateLimitPerSecond: Infinity });
  tray.store.addGeneratedInstances(500);
  token = await tray.userToken(SEED_IDS.demoUser);
});
afterAll(() => tray.close());

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $last: Int, $before: String) {
    viewer {
      solutionInstances(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
        edges { cursor node { id name } }
      }
    }
  }
`;

async function page(variables: Record<string, unknown>) {
  const result = await tray.gql(token, PAGE, variables);
  if (result.body.errors) throw new Error(JSON.stringify(result.body.errors));
  return result.body.data?.viewer.solutionInstances;
}

describe('Relay pagination of solutionInstances', () => {
  it('walks every instance with first/after, without repeats', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const connection = await page({ first: 100, after });
      expect(connection.totalCount).toBe(504);
      ids.push(...connection.edges.map((edge: any) => edge.node.id));
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(6);
    expect(new Set(ids).size).toBe(504);
    expect(ids.slice(0, 4)).toEqual([
      SEED_IDS.instances.enabledComplete,
      SEED_IDS.instances.disabledMissingValues,
      SEED_IDS.instances.disabledComplete,
      SEED_IDS.instances.newerVersion,
    ]);
  });

  it('pages backwards with last/before', async () => {
    const tail = await page({ last: 2 });
    expect(tail.edges.map((edge: any) => edge.node.name)).toEqual(['Generated instance 499', 'Generated instance 500']);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await page({ last: 1, before: tail.pageInfo.startCursor });
    expect(before.edges.map((edge: any) => edge.node.name)).toEqual(['Generated instance 498']);
  });

  it('answers an empty page past the end, and refuses a made-up cursor', async () => {
    const last = await page({ last: 1 });
    const beyond = await page({ first: 10, after: last.pageInfo.endCursor });
    expect(beyond.edges).toEqual([]);
    expect(beyond.pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
    const bad = await tray.gql(token, PAGE, { first: 1, after: 'bm90LWEtY3Vyc29y' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages solutions (master token) and filters them by tag', async () => {
    const query = `query ($tags: [String!], $first: Int) { viewer { solutions(criteria: { tags: $tags }, first: $first) {
      pageInfo { hasNextPage } edges { node { title tags configSlots { externalId title defaultValue } } } } } }`;
    const first = await tray.gql(tray.masterToken, query, { first: 3 });
    expect(first.body.data?.viewer.solutions.edges).toHaveLength(3);
    expect(first.body.data?.viewer.solutions.pageInfo.hasNextPage).toBe(true);
    const crm = await tray.gql(tray.masterToken, query, { tags: ['crm'] });
    expect(crm.body.data?.viewer.solutions.edges.map((edge: any) => edge.node.title)).toEqual(['Salesforce CRM sync']);
  });
});

describe('GraphQL over HTTP', () => {
  it('reports schema validation errors as GraphQL errors', async () => {
    const result = await tray.gql(token, '{ viewer { nope } }');
    expect(result.body.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
    const idTyped = await tray.gql(token, 'query ($id: ID!) { viewer { solutionInstances(criteria: { id: $id }) { totalCount } } }', { id: 'x' });
    expect(idTyped.body.errors?.[0]?.message).toMatch(/ID!.*String/);
    const syntax = await tray.gql(token, '{ viewer { ');
    expect(syntax.body.errors?.[0]?.message).toMatch(/^Syntax Error/);
  });

  it('answers queries over GET and refuses mutations over GET', async () => {
    const url = new URL(tray.graphqlUrl);
    url.searchParams.set('query', '{ viewer { details { name } } }');
    const get = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(await get.json()).toEqual({ data: { viewer: { details: { name: 'Demo User' } } } });
    url.searchParams.set('query', 'mutation { removeSolutionInstance(input: { solutionInstanceId: "x" }) { clientMutationId } }');
    expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(405);
  });

  it('answers 404 elsewhere on the API origin, after trying extraRoutes in order', async () => {
    const response = await fetch(`${tray.apiOrigin}/nothing-here`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain('/graphql');

    const withRoutes = await startTestTray({}, {
      extraRoutes: [
        (request) => (new URL(request.url).pathname === '/a' ? new Response('first') : null),
        async (request) => (new URL(request.url).pathname.startsWith('/a') ? new Response('second') : null),
      ],
    });
    try {
      expect(await (await fetch(`${withRoutes.apiOrigin}/a`)).text()).toBe('first');
      expect(await (await fetch(`${withRoutes.apiOrigin}/ab`)).text()).toBe('second');
      expect((await fetch(`${withRoutes.apiOrigin}/b`)).status).toBe(404);
    } finally {
      await withRoutes.close();
    }
  });
});
