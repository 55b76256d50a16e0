import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHORIZATION_CODE_TTL_MS, WIZARD_SESSION_TTL_MS } from '../../src/mock-tray/credentials';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { fakeClock, startTestTray, type TestTray } from './helpers';

const clock = fakeClock();
let tray: TestTray;
const instanceId = SEED_IDS.instances.disabledComplete;

beforeAll(async () => {
  tray = await startTestTray({ now: clock.now });
});
afterAll(() => tray.close());

function exchange(code: string, overrides: Record<string, unknown> = {}) {
  return tray.wizardPost('/wizard-api/session', { embeddedId: tray.embeddedId, solutionInstanceId: instanceId, code, ...overrides });
}

describe('authorization codes', () => {
  it('exchange once for the instance form: title, slots with required flags and current values', async () => {
    const code = await tray.authorizationCode(SEED_IDS.demoUser);
    const session = await exchange(code);
    expect(session.status).toBe(200);
    expect(session.body.solution.title).toBe('Warehouse export (CSV to S3)');
    expect(session.body.instance).toEqual({ id: instanceId, name: 'Warehouse export' });
    expect(session.body.slots.map((slot: any) => [slot.externalId, slot.required, slot.value])).toEqual([
      ['s3_bucket', true, 'acme-exports'],
      ['s3_region', true, 'us-east-1'],
      ['path_prefix', false, 'exports/'],
      ['schedule_cron', true, '0 2 * * *'],
      ['include_header_row', false, true],
    ]);

    const again = await exchange(code);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('code_used');
  });

  it('expire after five minutes', async () => {
    const code = await tray.authorizationCode(SEED_IDS.demoUser);
    clock.advance(AUTHORIZATION_CODE_TTL_MS);
    const expired = await exchange(code);
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({ code: 'code_expired', message: expect.stringMatching(/expired/) });
  });

  it('are still good just before five minutes', async () => {
    const code = await tray.authorizationCode(SEED_IDS.demoUser);
    clock.advance(AUTHORIZATION_CODE_TTL_MS - 1);
    expect((await exchange(code)).status).toBe(200);
  });

  it('are not used up by a link with the wrong Embedded ID or someone else’s instance', async () => {
    const code = await tray.authorizationCode(SEED_IDS.demoUser);
    const wrongEmbedded = await exchange(code, { embeddedId: 'the-project-id' });
    expect(wrongEmbedded.status).toBe(400);
    expect(wrongEmbedded.body.error.code).toBe('wrong_embedded_id');
    const othersInstance = await exchange(code, { solutionInstanceId: SEED_IDS.instances.otherUsers });
    expect(othersInstance.status).toBe(404);
    expect(othersInstance.body.error.code).toBe('instance_not_found');
    expect((await exchange(code)).status).toBe(200);
  });

  it('refuses an unknown code and a malformed request', async () => {
    expect((await exchange('mock-code-made-up')).body.error.code).toBe('invalid_code');
    expect((await tray.wizardPost('/wizard-api/session', { code: 7 })).status).toBe(400);
  });

  it('gives a wizard session that saves until it ends', async () => {
    const session = await exchange(await tray.authorizationCode(SEED_IDS.demoUser));
    const save = (values: Record<string, unknown>) => tray.wizardPost('/wizard-api/save', { sessionId: session.body.sessionId, values });

    const invalid = await save({ s3_region: 'mars-1', include_header_row: 'yes', nope: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fieldErrors).toEqual({
      s3_region: expect.stringContaining('us-east-1'),
      include_header_row: 'Choose yes or no.',
    });
    expect(invalid.body.error.message).toContain('nope');

    const saved = await save({ s3_bucket: 'new-bucket', include_header_row: false });
    expect(saved.status).toBe(200);
    expect(tray.store.instances.get(instanceId)?.configValues.get('s3_bucket')).toBe('"new-bucket"');
    expect(tray.store.instances.get(instanceId)?.enabled).toBe(false);

    clock.advance(WIZARD_SESSION_TTL_MS);
    const late = await save({ s3_bucket: 'later' });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('session_expired');
  });

  it('may only be minted with the master token', async () => {
    const token = await tray.userToken(SEED_IDS.demoUser);
    const result = await tray.gql(token, 'mutation { generateAuthorizationCode(input: { userId: "user-demo" }) { authorizationCode } }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
