import { gql } from '@apollo/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SOLUTION_INSTANCE_QUERY } from '../../src/graphql/operations';
import { criteriaIdModeFrom, type MockCriteriaIdMode } from '../../src/mock-tray/criteriaId';
import { createInProcessTray } from '../../src/mock-tray/inProcess';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { startMockTray } from '../../src/mock-tray/server';
import { createMockTrayStore } from '../../src/mock-tray/store';
import { startTestTray } from './helpers';

const BY_ID = 'query ($id: String!) { viewer { solutionInstances(criteria: { id: $id }) { edges { node { id } } } } }';
const mine = () => createMockTrayStore().listInstances(SEED_IDS.demoUser).map((instance) => instance.id);

describe.each<MockCriteriaIdMode>(['honour', 'ignore', 'reject'])('the mock with MOCK_TRAY_CRITERIA_ID=%s', (mode) => {
  it('answers criteria: { id } as that Tray would', async () => {
    const tray = await startTestTray({}, { criteriaId: mode });
    try {
      const token = await tray.userToken(SEED_IDS.demoUser);
      const result = await tray.gql(token, BY_ID, { id: SEED_IDS.instances.disabledComplete });
      if (mode === 'reject') {
        expect(result.body.data).toBeUndefined();
        expect(result.body.errors?.[0]?.message).toBe('Field "id" is not defined by type "SolutionInstanceSearchCriteria".');
      } else {
        const ids = result.body.data?.viewer.solutionInstances.edges.map((edge: { node: { id: string } }) => edge.node.id);
        expect(ids).toEqual(mode === 'honour' ? [SEED_IDS.instances.disabledComplete] : mine());
      }
      // Whatever it does with id, another user's instances stay out of a user token's reach.
      const listed = await tray.gql(token, '{ viewer { solutionInstances { edges { node { owner } } } } }');
      expect(new Set(listed.body.data?.viewer.solutionInstances.edges.map((edge: { node: { owner: string } }) => edge.node.owner))).toEqual(new Set([SEED_IDS.demoUser]));
    } finally {
      await tray.close();
    }
  });

  it('through our handler: a lookup answers exactly the instance, wizard-url keeps foreign ids out', async () => {
    const tray = createInProcessTray({ criteriaId: mode, user: { userId: SEED_IDS.demoUser } });
    for (const id of [SEED_IDS.instances.newerVersion, SEED_IDS.instances.enabledComplete]) {
      const { data } = await tray.client.query({ query: SOLUTION_INSTANCE_QUERY, variables: { id }, fetchPolicy: 'network-only' });
      expect(data?.viewer.solutionInstances.edges.map((edge) => edge.node.id)).toEqual([id]);
    }
    const foreign = await tray.createClient().query({ query: SOLUTION_INSTANCE_QUERY, variables: { id: SEED_IDS.instances.otherUsers } });
    expect(foreign.data?.viewer.solutionInstances.edges).toEqual([]);
    const counted = await tray.createClient().query<{ viewer: { solutionInstances: { totalCount: number } } }>({
      query: gql`query Counted($id: String!) { viewer { solutionInstances(criteria: { id: $id }) { totalCount edges { node { id name } } } } }`,
      variables: { id: SEED_IDS.instances.disabledComplete },
    });
    expect(counted.data?.viewer.solutionInstances).toMatchObject({ totalCount: 1, edges: [{ node: { id: SEED_IDS.instances.disabledComplete } }] });

    const codesBefore = tray.store.countEvents('authorizationCodeIssued');
    await expect(tray.getWizardUrl(SEED_IDS.instances.otherUsers)).rejects.toThrow(/No solution instance with this id/);
    expect(tray.store.countEvents('authorizationCodeIssued')).toBe(codesBefore);
    expect(await tray.getWizardUrl(SEED_IDS.instances.disabledComplete)).toMatch(new RegExp(`/configure/${SEED_IDS.instances.disabledComplete}\\?code=`));
  });
});

describe('MOCK_TRAY_CRITERIA_ID', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('sets what startMockTray does; the option wins over it', async () => {
    vi.stubEnv('MOCK_TRAY_CRITERIA_ID', 'reject');
    const fromEnv = await startMockTray({ hostOrigins: ['http://127.0.0.1:5173'] });
    const fromOption = await startMockTray({ hostOrigins: ['http://127.0.0.1:5173'], criteriaId: 'ignore' });
    try {
      expect([fromEnv.store.criteriaId, fromOption.store.criteriaId]).toEqual(['reject', 'ignore']);
    } finally {
      await Promise.all([fromEnv.close(), fromOption.close()]);
    }
  });

  it('refuses a value it does not know, naming the three', async () => {
    expect(criteriaIdModeFrom(undefined)).toBeUndefined();
    expect(criteriaIdModeFrom(' Ignore ')).toBe('ignore');
    expect(() => criteriaIdModeFrom('drop')).toThrow('MOCK_TRAY_CRITERIA_ID must be honour, ignore or reject (received "drop").');
    vi.stubEnv('MOCK_TRAY_CRITERIA_ID', 'drop');
    await expect(startMockTray({ hostOrigins: ['http://127.0.0.1:5173'] })).rejects.toThrow(/must be honour, ignore or reject/);
  });
});
