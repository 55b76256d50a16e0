import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { USER_TOKEN_TTL_MS } from '../../src/mock-tray/credentials';
import { fakeClock, INSTANCE_QUERY, startTestTray, UPDATE_MUTATION, type TestTray } from './helpers';

const clock = fakeClock();
let tray: TestTray;
let demoToken: string;

beforeAll(async () => {
  tray = await startTestTray({ now: clock.now });
  demoToken = await tray.userToken(SEED_IDS.demoUser);
});
afterAll(() => tray.close());

const INSTANCE_IDS = /* GraphQL */ `
  query Ids($owner: String) { viewer { solutionInstances(criteria: { owner: $owner }) { totalCount edges { node { id owner } } } } }
`;

describe('token rules', () => {
  it('refuses authorize with a user token, as a GraphQL error (not a 401)', async () => {
    const result = await tray.gql(demoToken, 'mutation { authorize(input: { userId: "user-demo" }) { accessToken } }');
    expect(result.status).toBe(200);
    expect(result.body.data).toBeNull(); // AuthorizePayload! is non-null, as in Tray's schema
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.body.errors?.[0]?.message).toMatch(/master token/);
  });

  it('refuses the master-only query users with a user token', async () => {
    const result = await tray.gql(demoToken, '{ users { edges { node { id } } } }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists viewer.solutions with a user token too, as Tray does (its samples list them so)', async () => {
    const asUser = await tray.gql(demoToken, '{ viewer { solutions { edges { node { id } } } } }');
    const asMaster = await tray.gql(tray.masterToken, '{ viewer { solutions { edges { node { id } } } } }');
    expect(asUser.body.errors).toBeUndefined();
    expect(asUser.body.data?.viewer.solutions.edges.length).toBeGreaterThan(0);
    expect(asUser.body.data).toEqual(asMaster.body.data);
  });

  it('refuses updateSolutionInstance with the master token and leaves the instance alone', async () => {
    const result = await tray.gql(tray.masterToken, UPDATE_MUTATION, {
      input: { solutionInstanceId: SEED_IDS.instances.disabledComplete, enabled: true },
    });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.body.errors?.[0]?.message).toMatch(/user token/);
    expect(tray.store.instances.get(SEED_IDS.instances.disabledComplete)?.enabled).toBe(false);
    expect(tray.store.events.at(-1)).toMatchObject({ type: 'updateSolutionInstance', outcome: 'forbidden' });
  });

  it('shows a user only their own instances, even when they ask for another owner', async () => {
    const own = await tray.gql(demoToken, INSTANCE_IDS);
    const owners = own.body.data?.viewer.solutionInstances.edges.map((edge: any) => edge.node.owner);
    expect(owners).toHaveLength(4);
    expect(new Set(owners)).toEqual(new Set([SEED_IDS.demoUser]));

    const other = await tray.gql(demoToken, INSTANCE_IDS, { owner: SEED_IDS.otherUser });
    expect(other.body.data?.viewer.solutionInstances.totalCount).toBe(0);
    const byId = await tray.gql(demoToken, INSTANCE_QUERY, { id: SEED_IDS.instances.otherUsers });
    expect(byId.body.data?.viewer.solutionInstances.edges).toEqual([]);
  });

  it("reports another user's instance as not found when a user tries to change it", async () => {
    const result = await tray.gql(demoToken, UPDATE_MUTATION, {
      input: { solutionInstanceId: SEED_IDS.instances.otherUsers, enabled: false },
    });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(tray.store.instances.get(SEED_IDS.instances.otherUsers)?.enabled).toBe(true);
  });

  it('lets the master token list every instance, or one owner’s', async () => {
    const all = await tray.gql(tray.masterToken, INSTANCE_IDS);
    expect(all.body.data?.viewer.solutionInstances.totalCount).toBe(5);
    const other = await tray.gql(tray.masterToken, INSTANCE_IDS, { owner: SEED_IDS.otherUser });
    expect(other.body.data?.viewer.solutionInstances.edges.map((edge: any) => edge.node.id)).toEqual([
      SEED_IDS.instances.otherUsers,
    ]);
  });

  it('answers HTTP 401 for a missing or unknown token, and logs no token', async () => {
    const missing = await fetch(tray.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { details { name } } }' }),
    });
    expect(missing.status).toBe(401);
    const unknown = await tray.gql('not-a-token', '{ viewer { details { name } } }');
    expect(unknown.status).toBe(401);
    expect(tray.store.requestLog.at(-1)).toMatchObject({ auth: { kind: 'invalid' }, outcome: 'unauthorized' });
    expect(JSON.stringify(tray.store.requestLog)).not.toContain(demoToken);
  });

  it('expires user tokens after about two days (401, so the handler evicts and retries)', async () => {
    const token = await tray.userToken(SEED_IDS.demoUser);
    clock.advance(USER_TOKEN_TTL_MS - 1000);
    expect((await tray.gql(token, '{ viewer { details { name } } }')).body.data?.viewer.details.name).toBe('Demo User');
    clock.advance(1000);
    expect((await tray.gql(token, '{ viewer { details { name } } }')).status).toBe(401);
    demoToken = await tray.userToken(SEED_IDS.demoUser);
  });

  it('issues a new token on every authorize and logs the call by root field', async () => {
    tray.store.clearLogs();
    const first = await tray.userToken(SEED_IDS.demoUser);
    const second = await tray.userToken(SEED_IDS.demoUser);
    expect(first).not.toBe(second);
    expect(tray.store.countEvents('authorize')).toBe(2);
    expect(tray.store.requestLog.map((entry) => entry.rootFields)).toEqual([['authorize'], ['authorize']]);
    expect(tray.store.requestLog[0]?.variables).toEqual({ userId: SEED_IDS.demoUser });
  });

  it('creates and removes external users with the master token', async () => {
    const created = await tray.gql(
      tray.masterToken,
      'mutation { createExternalUser(input: { name: "New Customer", externalUserId: "ext-new" }) { userId } }',
    );
    const userId = created.body.data?.createExternalUser.userId as string;
    const token = await tray.userToken(userId);
    expect((await tray.gql(token, INSTANCE_IDS)).body.data?.viewer.solutionInstances.totalCount).toBe(0);
    await tray.gql(tray.masterToken, 'mutation ($id: ID!) { removeExternalUser(input: { userId: $id }) { clientMutationId } }', { id: userId });
    expect((await tray.gql(token, INSTANCE_IDS)).status).toBe(401);
  });
});
