import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, expectNoTokenLeaks, expectOwnedLookupThenMint } from './helpers/harness';

afterAll(expectNoTokenLeaks);

function withInstances(options: Parameters<typeof createHarness>[0] = {}) {
  const harness = createHarness(options);
  const mine = { id: 'inst-a', owner: 'user-a', authValues: [{ externalId: 'slack_auth', authId: 'auth-1' }] };
  harness.tray.addInstance(mine);
  harness.tray.addInstance({ id: 'inst-b', owner: 'user-b' });
  return harness;
}

describe('POST /auth-url', () => {
  it('create: checks ownership with the user token, mints a code with the master token, returns the create URL', async () => {
    const { post, tray } = withInstances();
    const reply = await post('/auth-url', { solutionInstanceId: 'inst-a', externalAuthId: 'slack_auth' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ url: 'https://embedded.tray.io/external/auth/create/emb-123/inst-a/slack_auth?code=code-1' });
    expectOwnedLookupThenMint(tray, { id: 'inst-a', userId: 'user-a', lookupContains: 'authValues { externalId authId }' });
  });

  it('edit: an authentication the instance uses gets the edit URL, with a fresh code each time', async () => {
    const { post, tray } = withInstances();
    const first = await post('/auth-url', { solutionInstanceId: 'inst-a', authId: 'auth-1' });
    const second = await post('/auth-url', { solutionInstanceId: 'inst-a', authId: 'auth-1' });
    expect(first.body).toEqual({ url: 'https://embedded.tray.io/external/auth/edit/emb-123/auth-1?code=code-1' });
    expect(new URL(second.body.url).searchParams.get('code')).toBe('code-2');
    expect(tray.callsTo('generateAuthorizationCode')).toHaveLength(2);
  });

  it('edit: 404 for an authentication the instance does not use, and no code is minted', async () => {
    const { post, tray } = withInstances();
    const reply = await post('/auth-url', { solutionInstanceId: 'inst-a', authId: 'auth-someone-else' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
    expect(tray.callsTo('generateAuthorizationCode')).toHaveLength(0);
  });

  it.each([
    ['create', { externalAuthId: 'slack_auth' }],
    ['edit', { authId: 'auth-1' }],
  ])("%s: 404 for another user's instance, with no code in the answer and none minted", async (_label, target) => {
    const { post, tray } = withInstances();
    const reply = await post('/auth-url', { solutionInstanceId: 'inst-a', ...target }, { userId: 'user-b' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
    expect(reply.text).not.toContain('code=');
    expect(tray.callsTo('generateAuthorizationCode')).toHaveLength(0);
  });

  it('404 when Tray ignores the id criteria and returns other instances', async () => {
    const { post, tray } = withInstances();
    tray.override((call) =>
      call.field === 'viewer.solutionInstances'
        ? Response.json({ data: { viewer: { solutionInstances: { edges: [{ node: { id: 'inst-other', authValues: [{ externalId: 'slack_auth', authId: 'auth-1' }] } }] } } } })
        : undefined,
    );
    expect((await post('/auth-url', { solutionInstanceId: 'inst-a', authId: 'auth-1' })).status).toBe(404);
    expect(tray.callsTo('generateAuthorizationCode')).toHaveLength(0);
  });

  it.each([
    [{ region: 'eu' as const }, 'https://embedded.eu1.tray.io/external/auth/create/emb-123/inst-a/slack_auth?code=code-1'],
    [{ wizardHost: 'https://acme.integration-configuration.com' }, 'https://acme.integration-configuration.com/external/auth/create/emb-123/inst-a/slack_auth?code=code-1'],
    [{ wizardHost: 'http://127.0.0.1:4011' }, 'http://127.0.0.1:4011/external/auth/create/emb-123/inst-a/slack_auth?code=code-1'],
  ])('builds the URL for %j', async (options, expected) => {
    const { post } = withInstances(options);
    expect((await post('/auth-url', { solutionInstanceId: 'inst-a', externalAuthId: 'slack_auth' })).body).toEqual({ url: expected });
  });

  it.each([
    [{}],
    [{ solutionInstanceId: 'inst-a' }],
    [{ solutionInstanceId: 'inst-a', externalAuthId: 'slack_auth', authId: 'auth-1' }],
    [{ solutionInstanceId: 'inst-a', externalAuthId: '' }],
    [{ solutionInstanceId: 'inst-a', authId: 7 }],
    [{ solutionInstanceId: '', authId: 'auth-1' }],
    [['inst-a']],
  ])('answers 400 for the body %j, before calling Tray', async (body) => {
    const { post, tray } = withInstances();
    const reply = await post('/auth-url', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_request');
    expect(tray.calls).toHaveLength(0);
  });

  it('answers 401 without a user, and 502 when Tray mints no code', async () => {
    const { post, tray } = withInstances();
    expect((await post('/auth-url', { solutionInstanceId: 'inst-a', authId: 'auth-1' }, { userId: null })).status).toBe(401);
    tray.override((call) => (call.field === 'generateAuthorizationCode' ? Response.json({ data: { generateAuthorizationCode: { authorizationCode: '' } } }) : undefined));
    const reply = await post('/auth-url', { solutionInstanceId: 'inst-a', authId: 'auth-1' });
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('upstream_error');
  });
});
