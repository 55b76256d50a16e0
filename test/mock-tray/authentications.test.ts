import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { createMockTrayWizard } from '../../src/mock-tray/wizard/handler';
import { HOST_ORIGIN, startTestTray, type TestTray } from './helpers';

let tray: TestTray;
let demoToken: string;
const slackId: string = SEED_IDS.instances.disabledMissingValues;
const seededSlackAuth = `auth-${slackId}-slack_auth`;

beforeAll(async () => {
  tray = await startTestTray();
  demoToken = await tray.userToken(SEED_IDS.demoUser);
});
afterAll(() => tray.close());
beforeEach(() => tray.store.clearLogs());

const AUTHENTICATIONS = /* GraphQL */ `{ viewer { authentications { edges { node { id name service { id name } } } } } }`;
const SET_AUTH = /* GraphQL */ `
  mutation ($input: UpdateSolutionInstanceInput!) { updateSolutionInstance(input: $input) { solutionInstance { id authValues { externalId authId } } } }
`;

async function wizardSession(solutionInstanceId = slackId) {
  const code = await tray.authorizationCode(SEED_IDS.demoUser);
  const session = await tray.wizardPost('/wizard-api/session', { embeddedId: tray.embeddedId, solutionInstanceId, code });
  expect(session.status).toBe(200);
  return session.body;
}

/** The consent round trip over HTTP, as the pages run it: connect → consent page → decide → callback → connected. */
async function consent(sessionId: string, target: Record<string, string>, allow = true) {
  const started = await tray.wizardPost('/wizard-api/connect', { sessionId, ...target });
  expect(started.status).toBe(200);
  const authorize = new URL(started.body.authorizeUrl);
  expect(authorize.origin).toBe(tray.consentOrigin);
  const page = await fetch(authorize);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  const decided = await fetch(`${tray.consentOrigin}/oauth/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state: started.body.state, allow }),
  });
  const back = new URL(((await decided.json()) as { redirect: string }).redirect);
  expect(back.origin + back.pathname).toBe(`${tray.wizardOrigin}/oauth/callback`);
  return { state: started.body.state as string, code: back.searchParams.get('code'), error: back.searchParams.get('error') };
}

describe('authentications in the mock Tray', () => {
  it('viewer.authentications lists the user’s own, newest first; the master token’s viewer has none', async () => {
    const mine = await tray.gql(demoToken, AUTHENTICATIONS);
    const nodes = mine.body.data!.viewer.authentications.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.id)).toContain(seededSlackAuth);
    expect(nodes.find((node: any) => node.id === seededSlackAuth)).toEqual({ id: seededSlackAuth, name: 'Demo User’s Slack', service: { id: 'slack', name: 'Slack' } });
    expect(nodes.every((node: any) => !node.id.includes(SEED_IDS.instances.otherUsers))).toBe(true);
    expect((await tray.gql(tray.masterToken, AUTHENTICATIONS)).body.data!.viewer.authentications.edges).toEqual([]);
  });

  it('updateSolutionInstance takes authValues only for the solution’s slots and the owner’s accounts of that service', async () => {
    const other = `auth-${SEED_IDS.instances.otherUsers}-salesforce_auth`;
    const wrongService = `auth-${SEED_IDS.instances.disabledComplete}-aws_auth`;
    for (const authValues of [[{ externalId: 'slack_auth', authId: other }], [{ externalId: 'slack_auth', authId: wrongService }], [{ externalId: 'nope', authId: seededSlackAuth }]]) {
      const refused = await tray.gql(demoToken, SET_AUTH, { input: { solutionInstanceId: slackId, authValues } });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(tray.store.instances.get(slackId)!.authValues).toEqual([{ externalId: 'slack_auth', authId: seededSlackAuth }]);
    const fresh = tray.store.createAuthentication({ owner: SEED_IDS.demoUser, service: { id: 'slack', name: 'Slack' } });
    const taken = await tray.gql(demoToken, SET_AUTH, { input: { solutionInstanceId: slackId, authValues: [{ externalId: 'slack_auth', authId: fresh.id }] } });
    expect(taken.body.data!.updateSolutionInstance.solutionInstance.authValues).toEqual([{ externalId: 'slack_auth', authId: fresh.id }]);
    tray.store.instances.get(slackId)!.authValues = [{ externalId: 'slack_auth', authId: seededSlackAuth }];
  });

  it('refuses an auth value whose slot the solution does not have, in every mutation that takes them', async () => {
    const authValues = [{ externalId: 'slack_auth', authId: seededSlackAuth }, { externalId: 'jira_auth', authId: seededSlackAuth }];
    const instancesBefore = tray.store.instances.size;
    const attempts = [
      [SET_AUTH, { input: { solutionInstanceId: slackId, authValues } }],
      ['mutation ($input: CreateSolutionInstanceInput!) { createSolutionInstance(input: $input) { solutionInstance { id } } }', { input: { solutionId: SEED_IDS.solutions.slack, instanceName: 'Extra', authValues } }],
      ['mutation ($input: UpgradeSolutionInstanceInput!) { upgradeSolutionInstance(input: $input) { solutionInstance { id } } }', { input: { solutionInstanceId: slackId, authValues } }],
    ] as const;
    for (const [query, variables] of attempts) {
      const refused = await tray.gql(demoToken, query, variables);
      expect(refused.body.data).toBeNull();
      expect(refused.body.errors?.[0]).toMatchObject({ message: '"jira_auth" is not an auth slot of "Slack alerts".', extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(tray.store.instances.size).toBe(instancesBefore);
    expect(tray.store.instances.get(slackId)!.authValues).toEqual([{ externalId: 'slack_auth', authId: seededSlackAuth }]);
  });
});

describe('the wizard’s auth steps', () => {
  it('the session shows each auth slot with the account it will use; a save without authValues keeps it', async () => {
    const session = await wizardSession();
    expect(session.authSlots).toEqual([
      { externalId: 'slack_auth', title: 'Slack workspace', service: { id: 'slack', name: 'Slack' }, authId: seededSlackAuth, authName: 'Demo User’s Slack' },
    ]);
    const saved = await tray.wizardPost('/wizard-api/save', { sessionId: session.sessionId, values: { slack_channel: '#alerts' } });
    expect(saved.body.authValues).toEqual({ slack_auth: seededSlackAuth });
  });

  it('a new instance preselects the user’s newest account of the service; none at all is a field error', async () => {
    const created = tray.store.createInstance({ solutionId: SEED_IDS.solutions.slack, name: 'New Slack', owner: SEED_IDS.demoUser });
    const session = await wizardSession(created.id);
    expect(session.authSlots[0].authId).toBe(tray.store.listAuthentications(SEED_IDS.demoUser, 'slack')[0]!.id);
    const foreign = await tray.wizardPost('/wizard-api/save', {
      sessionId: session.sessionId,
      values: { slack_channel: '#x' },
      authValues: { slack_auth: `auth-${SEED_IDS.instances.otherUsers}-salesforce_auth` },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fieldErrors).toEqual({ slack_auth: 'Connect your Slack workspace.' });
    const noSuchSlot = await tray.wizardPost('/wizard-api/save', { sessionId: session.sessionId, values: { slack_channel: '#x' }, authValues: { jira_auth: session.authSlots[0].authId } });
    expect(noSuchSlot.status).toBe(400);
    expect(noSuchSlot.body.error.fieldErrors).toEqual({ jira_auth: `"jira_auth" is not an auth slot of "${tray.store.solutions.get(SEED_IDS.solutions.slack)!.title}".` });
    tray.store.instances.delete(created.id);
  });

  it('Connect: consent on the third origin, then the grant is redeemed once, by the session that asked', async () => {
    const session = await wizardSession();
    const grant = await consent(session.sessionId, { externalAuthId: 'slack_auth' });
    expect(grant.code).toMatch(/^mock-grant-/);
    const other = await wizardSession();
    expect((await tray.wizardPost('/wizard-api/connected', { sessionId: other.sessionId, state: grant.state, code: grant.code })).status).toBe(400);
    const connected = await tray.wizardPost('/wizard-api/connected', { sessionId: session.sessionId, state: grant.state, code: grant.code });
    expect(connected.body).toMatchObject({ name: 'Demo User’s Slack', authType: 'oauth2' });
    expect(tray.store.authentications.get(connected.body.authId)).toMatchObject({ owner: SEED_IDS.demoUser, service: { id: 'slack' } });
    expect(tray.store.events).toContainEqual({ type: 'authenticationConnected', authId: connected.body.authId, userId: SEED_IDS.demoUser, mode: 'created' });
    expect((await tray.wizardPost('/wizard-api/connected', { sessionId: session.sessionId, state: grant.state, code: grant.code })).status).toBe(400);
  });

  it('Deny sends the user back with access_denied, and nothing is connected', async () => {
    const session = await wizardSession();
    const before = tray.store.authentications.size;
    const denied = await consent(session.sessionId, { externalAuthId: 'slack_auth' }, false);
    expect(denied).toMatchObject({ code: null, error: 'access_denied' });
    expect((await fetch(`${tray.consentOrigin}/oauth/authorize?state=${denied.state}`)).status).toBe(400);
    expect(tray.store.authentications.size).toBe(before);
  });

  it('without a consent origin (the in-process harness), Connect says it cannot connect here', async () => {
    const wizard = createMockTrayWizard({ store: tray.store, hostOrigins: [HOST_ORIGIN] });
    const session = await wizardSession();
    const response = await wizard(new Request('http://wizard.test/wizard-api/connect', { method: 'POST', body: JSON.stringify({ sessionId: session.sessionId, externalAuthId: 'slack_auth' }) }));
    expect(response.status).toBe(501);
  });
});

describe('the auth-only dialog’s pages', () => {
  const createPath = (code: string) => `/external/auth/create/${tray.embeddedId}/${slackId}/slack_auth?code=${code}`;

  it('serves the create and edit pages framable by the host origins only; the callback page by nobody', async () => {
    for (const path of [createPath('x'), `/external/auth/edit/${tray.embeddedId}/${seededSlackAuth}?code=x`]) {
      const response = await fetch(`${tray.wizardOrigin}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${HOST_ORIGIN}`);
      const config = JSON.parse(/id="wizard-config">(.*?)<\/script>/s.exec(await response.text())![1]!);
      expect(config).toMatchObject({ embeddedId: tray.embeddedId, hostOrigins: [HOST_ORIGIN], accountIdRequired: false });
    }
    const callback = await fetch(`${tray.wizardOrigin}/oauth/callback?state=s&code=c`);
    expect(callback.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('edit: a session for the user’s own authentication only; Connect reconnects that same authentication', async () => {
    const other = await tray.wizardPost('/auth-api/session', { embeddedId: tray.embeddedId, authId: `auth-${SEED_IDS.instances.otherUsers}-salesforce_auth`, code: await tray.authorizationCode(SEED_IDS.demoUser) });
    expect(other.status).toBe(404);
    const session = await tray.wizardPost('/auth-api/session', { embeddedId: tray.embeddedId, authId: seededSlackAuth, code: await tray.authorizationCode(SEED_IDS.demoUser) });
    expect(session.body).toMatchObject({ title: 'Slack', authName: 'Demo User’s Slack', service: { id: 'slack', name: 'Slack' } });
    const grant = await consent(session.body.sessionId, { authId: seededSlackAuth });
    const connected = await tray.wizardPost('/wizard-api/connected', { sessionId: session.body.sessionId, state: grant.state, code: grant.code });
    expect(connected.body.authId).toBe(seededSlackAuth);
    expect(tray.store.events).toContainEqual({ type: 'authenticationConnected', authId: seededSlackAuth, userId: SEED_IDS.demoUser, mode: 'updated' });
  });

  it('create: the instance must be the user’s, with that slot; the code is used once', async () => {
    const code = await tray.authorizationCode(SEED_IDS.demoUser);
    const wrongSlot = await tray.wizardPost('/auth-api/session', { embeddedId: tray.embeddedId, solutionInstanceId: slackId, externalAuthId: 'nope', code });
    expect(wrongSlot.status).toBe(404);
    const session = await tray.wizardPost('/auth-api/session', { embeddedId: tray.embeddedId, solutionInstanceId: slackId, externalAuthId: 'slack_auth', code });
    expect(session.body).toMatchObject({ title: 'Slack workspace', authName: null });
    const again = await tray.wizardPost('/auth-api/session', { embeddedId: tray.embeddedId, solutionInstanceId: slackId, externalAuthId: 'slack_auth', code });
    expect(again.body.error.code).toBe('code_used');
  });

  it('with enhanced session security on, opens only for the account the host names', async () => {
    tray.store.authDialogAccountId = 'acct-42';
    try {
      const page = await (await fetch(`${tray.wizardOrigin}${createPath('x')}`)).text();
      expect(page).toContain('"accountIdRequired":true');
      const ids = { embeddedId: tray.embeddedId, solutionInstanceId: slackId, externalAuthId: 'slack_auth' };
      const wrong = await tray.wizardPost('/auth-api/session', { ...ids, accountId: 'acct-1', code: await tray.authorizationCode(SEED_IDS.demoUser) });
      expect(wrong.status).toBe(403);
      const right = await tray.wizardPost('/auth-api/session', { ...ids, accountId: 'acct-42', code: await tray.authorizationCode(SEED_IDS.demoUser) });
      expect(right.status).toBe(200);
    } finally {
      tray.store.authDialogAccountId = null;
    }
  });
});
