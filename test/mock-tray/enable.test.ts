import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { INSTANCE_QUERY, startTestTray, UPDATE_MUTATION, type TestTray } from './helpers';

let tray: TestTray;
let token: string;
const missingId = SEED_IDS.instances.disabledMissingValues;
const enableInput = { solutionInstanceId: missingId, enabled: true, errorOnEnablingWithMissingValues: true };

beforeAll(async () => {
  tray = await startTestTray();
  token = await tray.userToken(SEED_IDS.demoUser);
});
afterAll(() => tray.close());
beforeEach(() => tray.store.clearLogs());

async function isEnabled(id: string): Promise<boolean> {
  const result = await tray.gql(token, INSTANCE_QUERY, { id });
  return result.body.data?.viewer.solutionInstances.edges[0].node.enabled;
}

/** What the host page does: a code from the backend, then the wizard's session and save calls. */
async function fillInWizard(values: Record<string, unknown>) {
  const code = await tray.authorizationCode(SEED_IDS.demoUser);
  const session = await tray.wizardPost('/wizard-api/session', { embeddedId: tray.embeddedId, solutionInstanceId: missingId, code });
  expect(session.status).toBe(200);
  return tray.wizardPost('/wizard-api/save', { sessionId: session.body.sessionId, values });
}

describe('enabling with errorOnEnablingWithMissingValues', () => {
  it('refuses while a required slot has no value, naming the slot, and the instance stays disabled', async () => {
    const result = await tray.gql(token, UPDATE_MUTATION, { input: { ...enableInput, instanceName: 'Renamed' } });
    expect(result.status).toBe(200);
    // Tray's payloads are non-null (UpdateSolutionInstancePayload!): the error nulls the whole data.
    expect(result.body.data).toBeNull();
    const [error] = result.body.errors ?? [];
    expect(error?.extensions).toEqual({
      code: 'MISSING_VALUES',
      missingConfigSlots: [{ externalId: 'slack_channel', title: 'Slack channel' }],
    });
    expect(error?.message).toContain('Slack channel');
    expect(error?.message).toContain('slack_channel');
    expect(await isEnabled(missingId)).toBe(false);
    // The whole mutation is refused: not even the name changed.
    expect(tray.store.instances.get(missingId)?.name).toBe('Slack alerts');
    expect(tray.store.events).toEqual([
      expect.objectContaining({ type: 'updateSolutionInstance', solutionInstanceId: missingId, outcome: 'missing_values' }),
    ]);
  });

  it('does not let the wizard save without the required value', async () => {
    const saved = await fillInWizard({ slack_channel: '  ' });
    expect(saved.status).toBe(400);
    expect(saved.body.error).toMatchObject({ code: 'invalid_values', fieldErrors: { slack_channel: 'This field is required.' } });
  });

  it('enables once the wizard has saved the values, which are stored JSON encoded', async () => {
    const saved = await fillInWizard({ slack_channel: '#alerts', alert_level: 'warning', mention_here: true });
    expect(saved.status).toBe(200);
    expect(tray.store.countEvents('wizardSaved')).toBe(1);

    const result = await tray.gql(token, UPDATE_MUTATION, { input: enableInput });
    expect(result.body.errors).toBeUndefined();
    const instance = result.body.data?.updateSolutionInstance.solutionInstance;
    expect(instance.enabled).toBe(true);
    expect(instance.configValues).toEqual(
      expect.arrayContaining([
        { externalId: 'slack_channel', value: '"#alerts"' },
        { externalId: 'alert_level', value: '"warning"' },
        { externalId: 'mention_here', value: 'true' },
      ]),
    );
    expect(tray.store.countEvents('updateSolutionInstance')).toBe(1);
  });

  it('disables, then without the flag enables even with missing values, as Tray does', async () => {
    await tray.gql(token, UPDATE_MUTATION, { input: { solutionInstanceId: missingId, enabled: false } });
    expect(await isEnabled(missingId)).toBe(false);
    await tray.gql(token, UPDATE_MUTATION, {
      input: { solutionInstanceId: missingId, configValues: [{ externalId: 'slack_channel', value: null }] },
    });
    const result = await tray.gql(token, UPDATE_MUTATION, { input: { solutionInstanceId: missingId, enabled: true } });
    expect(result.body.data?.updateSolutionInstance.solutionInstance.enabled).toBe(true);
  });
});

describe('config values over GraphQL', () => {
  it('accepts JSON-encoded strings and applies them before the missing-values check', async () => {
    const result = await tray.gql(token, UPDATE_MUTATION, {
      input: { ...enableInput, configValues: [{ externalId: 'slack_channel', value: '"#ops"' }] },
    });
    expect(result.body.data?.updateSolutionInstance.solutionInstance.configValues).toContainEqual({
      externalId: 'slack_channel',
      value: '"#ops"',
    });
  });

  it.each([
    ['a raw (not JSON-encoded) value', [{ externalId: 'slack_channel', value: '#ops' }], /JSON-encoded/],
    ['an unknown slot', [{ externalId: 'nope', value: '"x"' }], /not a config slot/],
  ])('refuses %s with a message saying how to fix it', async (_name, configValues, message) => {
    const result = await tray.gql(token, UPDATE_MUTATION, { input: { solutionInstanceId: missingId, configValues } });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.message).toMatch(message);
    expect(tray.store.instances.get(missingId)?.configValues.get('slack_channel')).toBe('"#ops"');
  });

  it('creates an instance with the slot defaults filled in, and removes it', async () => {
    const created = await tray.gql(
      token,
      `mutation { createSolutionInstance(input: { solutionId: "${SEED_IDS.solutions.warehouse}", instanceName: "Second export" }) {
        solutionInstance { id enabled owner configValues { externalId value } } } }`,
    );
    const instance = created.body.data?.createSolutionInstance.solutionInstance;
    expect(instance).toMatchObject({ enabled: false, owner: SEED_IDS.demoUser });
    expect(instance.configValues).toContainEqual({ externalId: 's3_region', value: '"us-east-1"' });
    const refused = await tray.gql(token, UPDATE_MUTATION, {
      input: { solutionInstanceId: instance.id, enabled: true, errorOnEnablingWithMissingValues: true },
    });
    expect(refused.body.errors?.[0]?.extensions?.missingConfigSlots).toEqual([{ externalId: 's3_bucket', title: 'S3 bucket name' }]);

    await tray.gql(token, `mutation { removeSolutionInstance(input: { solutionInstanceId: "${instance.id}" }) { clientMutationId } }`);
    expect(tray.store.instances.has(instance.id)).toBe(false);
  });

  it('upgrades an instance to the newest version, clearing hasNewerVersion', async () => {
    const id = SEED_IDS.instances.newerVersion;
    expect(tray.store.instances.get(id)?.solutionVersionFlags.hasNewerVersion).toBe(true);
    const result = await tray.gql(
      token,
      `mutation { upgradeSolutionInstance(input: { solutionInstanceId: "${id}" }) { solutionInstance { solutionVersionFlags { hasNewerVersion } } } }`,
    );
    expect(result.body.data?.upgradeSolutionInstance.solutionInstance.solutionVersionFlags.hasNewerVersion).toBe(false);
  });
});
