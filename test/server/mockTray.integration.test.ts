import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/index';
import { startMockTray, type RunningMockTray } from '../../src/mock-tray/server';
import { createTrayHandler, type TrayHandler } from '../../src/server/index';

/** The handler in front of the local mock Tray (real HTTP, real token rules), as `npm run dev` runs it. */
describe('createTrayHandler against the mock Tray', () => {
  let tray: RunningMockTray;
  let handler: TrayHandler;

  beforeAll(async () => {
    tray = await startMockTray({ hostOrigins: ['http://127.0.0.1:5173'] });
    handler = createTrayHandler({
      masterToken: tray.masterToken,
      embeddedId: tray.embeddedId,
      graphqlUrl: tray.graphqlUrl,
      wizardHost: tray.wizardOrigin,
      getUser: (request) => {
        const userId = request.headers.get('x-user');
        return userId ? { userId } : null;
      },
      logger: { warn: () => undefined, error: () => undefined },
    });
  });
  afterAll(() => tray.close());

  const post = async (path: string, body: unknown, userId: string = SEED_IDS.demoUser) => {
    const response = await handler(
      new Request(`http://app.test${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user': userId },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: await response.json() };
  };

  it('lists the user’s own instances and the solutions', async () => {
    const mine = await post('/graphql', { query: '{ viewer { solutionInstances { edges { node { id owner } } } } }' });
    expect(mine.status).toBe(200);
    const ids = mine.body.data.viewer.solutionInstances.edges.map((edge: any) => edge.node.id);
    expect(ids).toContain(SEED_IDS.instances.enabledComplete);
    expect(ids).not.toContain(SEED_IDS.instances.otherUsers);
    const solutions = await post('/graphql', { query: '{ viewer { solutions { edges { node { id title } } } } }' });
    expect(solutions.status).toBe(200);
    expect(solutions.body.data.viewer.solutions.edges.length).toBeGreaterThan(0);
  });

  it('builds a wizard URL on the mock wizard origin for an owned instance only', async () => {
    const owned = await post('/wizard-url', { solutionInstanceId: SEED_IDS.instances.disabledComplete });
    expect(owned.status).toBe(200);
    expect(owned.body.url.startsWith(`${tray.wizardOrigin}/external/solutions/${tray.embeddedId}/configure/`)).toBe(true);
    const foreign = await post('/wizard-url', { solutionInstanceId: SEED_IDS.instances.otherUsers });
    expect(foreign.status).toBe(404);
  });

  it('enables with errorOnEnablingWithMissingValues and refuses a half-configured instance', async () => {
    const mutation = 'mutation ($input: UpdateSolutionInstanceInput!) { updateSolutionInstance(input: $input) { solutionInstance { id enabled } } }';
    const enable = (id: string) => ({ query: mutation, variables: { input: { solutionInstanceId: id, enabled: true, errorOnEnablingWithMissingValues: true } } });
    const ready = await post('/graphql', enable(SEED_IDS.instances.disabledComplete));
    expect(ready.body.data.updateSolutionInstance.solutionInstance.enabled).toBe(true);
    const missing = await post('/graphql', enable(SEED_IDS.instances.disabledMissingValues));
    expect(missing.body.errors?.length).toBeGreaterThan(0);
  });

  it('adds errorOnEnablingWithMissingValues when the browser leaves it out, so the mock refuses a half-configured enable', async () => {
    const mutation = 'mutation ($input: UpdateSolutionInstanceInput!) { updateSolutionInstance(input: $input) { solutionInstance { id enabled } } }';
    const id = SEED_IDS.instances.disabledMissingValues;
    const bare = await post('/graphql', { query: mutation, variables: { input: { solutionInstanceId: id, enabled: true } } });
    expect(bare.body.errors?.length).toBeGreaterThan(0);
    const literal = await post('/graphql', {
      query: `mutation { updateSolutionInstance(input: { solutionInstanceId: "${id}", enabled: true, errorOnEnablingWithMissingValues: false }) { solutionInstance { id enabled } } }`,
    });
    expect(literal.body.errors?.length).toBeGreaterThan(0);
    const check = await post('/graphql', { query: `{ viewer { solutionInstances(criteria: { id: "${id}" }) { edges { node { id enabled } } } } }` });
    expect(check.body.data.viewer.solutionInstances.edges[0].node.enabled).toBe(false);
  });

  it('without the check (requireMissingValuesCheck: false) the mock enables it as Tray would', async () => {
    const unchecked = createTrayHandler({
      masterToken: tray.masterToken,
      embeddedId: tray.embeddedId,
      graphqlUrl: tray.graphqlUrl,
      getUser: () => ({ userId: SEED_IDS.demoUser }),
      requireMissingValuesCheck: false,
      logger: { warn: () => undefined, error: () => undefined },
    });
    const id = SEED_IDS.instances.disabledMissingValues;
    const response = await unchecked(
      new Request('http://app.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { updateSolutionInstance(input: { solutionInstanceId: "${id}", enabled: true }) { solutionInstance { id enabled } } }` }),
      }),
    );
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.updateSolutionInstance.solutionInstance.enabled).toBe(true);
  });
});
