import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, expectNoTokenLeaks, expectOwnedLookupThenMint } from './helpers/harness';

afterAll(expectNoTokenLeaks);

function withInstances(options: Parameters<typeof createHarness>[0] = {}) {
  const harness = createHarness(options);
  harness.tray.addInstance({ id: 'inst-a', owner: 'user-a' });
  harness.tray.addInstance({ id: 'inst-b', owner: 'user-b' });
  return harness;
}

describe('POST /wizard-url', () => {
  it('checks ownership with the user token, mints a code with the master token, returns the URL', async () => {
    const { post, tray } = withInstances();
    const reply = await post('/wizard-url', { solutionInstanceId: 'inst-a' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ url: 'https://embedded.tray.io/external/solutions/emb-123/configure/inst-a?code=code-1' });
    expectOwnedLookupThenMint(tray, { id: 'inst-a', userId: 'user-a', lookupContains: '$id: String!' });
  });

  it("answers 404 for another user's instance and mints no code for it", async () => {
    const { post, tray } = withInstances();
    const reply = await post('/wizard-url', { solutionInstanceId: 'inst-a' }, { userId: 'user-b' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
    expect(reply.text).not.toContain('code=');
    expect(tray.callsTo('generateAuthorizationCode')).toHaveLength(0);
  });

  it('answers 404 when Tray ignores the id criteria and returns other instances', async () => {
    const { post, tray } = withInstances();
    tray.override((call) =>
      call.field === 'viewer.solutionInstances'
        ? Response.json({ data: { viewer: { solutionInstances: { edges: [{ node: { id: 'inst-other' } }] } } } })
        : undefined,
    );
    expect((await post('/wizard-url', { solutionInstanceId: 'inst-a' })).status).toBe(404);
    expect(tray.callsTo('generateAuthorizationCode')).toHaveLength(0);
  });

  it('mints a fresh authorization code on every call', async () => {
    const { post, tray } = withInstances();
    const first = await post('/wizard-url', { solutionInstanceId: 'inst-a' });
    const second = await post('/wizard-url', { solutionInstanceId: 'inst-a' });
    expect(new URL(first.body.url).searchParams.get('code')).toBe('code-1');
    expect(new URL(second.body.url).searchParams.get('code')).toBe('code-2');
    expect(tray.callsTo('generateAuthorizationCode')).toHaveLength(2);
    expect(tray.authorizeCalls()).toHaveLength(1);
  });

  it.each([
    [{ region: 'eu' as const }, 'https://embedded.eu1.tray.io/external/solutions/emb-123/configure/inst-a?code=code-1'],
    [{ region: 'apac' as const }, 'https://embedded.ap1.tray.io/external/solutions/emb-123/configure/inst-a?code=code-1'],
    [{ region: 'eu' as const, wizardHost: 'https://acme.integration-configuration.com' }, 'https://acme.integration-configuration.com/external/solutions/emb-123/configure/inst-a?code=code-1'],
    [{ wizardHost: 'http://127.0.0.1:4011' }, 'http://127.0.0.1:4011/external/solutions/emb-123/configure/inst-a?code=code-1'],
    [{ customValidation: true }, 'https://embedded.tray.io/external/solutions/emb-123/configure/inst-a?code=code-1&customValidation=true'],
  ])('builds the URL for %j', async (options, expected) => {
    const { post } = withInstances(options);
    expect((await post('/wizard-url', { solutionInstanceId: 'inst-a' })).body).toEqual({ url: expected });
  });

  it.each([[{}], [{ solutionInstanceId: '' }], [{ solutionInstanceId: 42 }], [['inst-a']]])('answers 400 for the body %j', async (body) => {
    const { post, tray } = withInstances();
    const reply = await post('/wizard-url', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_request');
    expect(tray.calls).toHaveLength(0);
  });

  it('adds customValidation=true exactly when the browser asks for it, per open', async () => {
    const { post } = withInstances();
    const withIt = await post('/wizard-url', { solutionInstanceId: 'inst-a', customValidation: true });
    const without = await post('/wizard-url', { solutionInstanceId: 'inst-a', customValidation: false });
    expect(new URL(withIt.body.url).searchParams.get('customValidation')).toBe('true');
    expect(new URL(without.body.url).searchParams.has('customValidation')).toBe(false);
  });

  it("carries the wizard parameters Tray documents, lists as name[], after the code", async () => {
    const { post } = withInstances();
    const reply = await post('/wizard-url', {
      solutionInstanceId: 'inst-a',
      skipTitleField: true,
      skipAuthSettings: false,
      serviceId: 'svc-1',
      serviceEnvironmentId: 'env-1',
      scopes: ['read', 'write'],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.url).toBe(
      'https://embedded.tray.io/external/solutions/emb-123/configure/inst-a?code=code-1&skipTitleField=true&serviceId=svc-1&serviceEnvironmentId=env-1&scopes%5B%5D=read&scopes%5B%5D=write',
    );
  });

  it.each([
    [{ theme: 'dark' }, /"theme" is not a wizard parameter this server allows.*wizardParameters option/],
    [{ code: 'forged' }, /"code" is not a wizard parameter/],
    [{ skipTitleField: { nested: true } }, /"skipTitleField" must be a string, a number, true or a list of strings/],
    [{ scopes: ['read', 3] }, /"scopes" must be/],
  ])('answers 400 for the parameters %j, before calling Tray', async (extra, message) => {
    const { post, tray } = withInstances();
    const reply = await post('/wizard-url', { solutionInstanceId: 'inst-a', ...extra });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toEqual({ code: 'invalid_request', message: expect.stringMatching(message) });
    expect(tray.calls).toHaveLength(0);
  });

  it('takes the partner’s own parameters once listed in wizardParameters', async () => {
    const { post } = withInstances({ wizardParameters: ['theme'] });
    const reply = await post('/wizard-url', { solutionInstanceId: 'inst-a', theme: 'dark', customValidation: true });
    expect(reply.body.url).toBe('https://embedded.tray.io/external/solutions/emb-123/configure/inst-a?code=code-1&customValidation=true&theme=dark');
  });

  it('answers 502 when Tray returns no authorization code', async () => {
    const { post, tray } = withInstances();
    tray.override((call) =>
      call.field === 'generateAuthorizationCode' ? Response.json({ data: { generateAuthorizationCode: null } }) : undefined,
    );
    const reply = await post('/wizard-url', { solutionInstanceId: 'inst-a' });
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('upstream_error');
  });
});
