import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, expectNoTokenLeaks, MASTER_TOKEN } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const ADMIN = { userId: 'admin-1', isAdmin: true };

function withInstances() {
  const harness = createHarness();
  harness.tray.addInstance({ id: 'inst-a', owner: 'user-a' });
  harness.tray.addInstance({ id: 'inst-b', owner: 'user-b' });
  return harness;
}

describe('admin routes', () => {
  it.each(['/admin/instances', '/admin/set-enabled'])('%s answers 403 to a non-admin and calls nothing', async (path) => {
    const { post, tray } = withInstances();
    const reply = await post(path, { solutionInstanceId: 'inst-a', owner: 'user-a', enabled: true });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden');
    expect(tray.calls).toHaveLength(0);
  });

  it.each([['"true"', 'true'], ['"false"', 'false'], ['1', 1], ['an object', { role: 'admin' }]])(
    'only the boolean true is an admin: isAdmin %s gets 403',
    async (_name, isAdmin) => {
      const harness = createHarness({ getUser: () => ({ userId: 'user-a', isAdmin: isAdmin as never }) });
      const reply = await harness.post('/admin/instances', {});
      expect(reply.status).toBe(403);
      expect(harness.tray.calls).toHaveLength(0);
    },
  );

  it('lists every user’s instances with the master token, filtered by owner', async () => {
    const { post, tray } = withInstances();
    const all = await post('/admin/instances', {}, ADMIN);
    expect(all.status).toBe(200);
    expect(all.body.data.viewer.solutionInstances.totalCount).toBe(2);
    const mine = await post('/admin/instances', { owner: 'user-b', first: 10, after: 'c0' }, ADMIN);
    expect(mine.body.data.viewer.solutionInstances.edges.map((edge: any) => edge.node.id)).toEqual(['inst-b']);
    const call = tray.calls.at(-1)!;
    expect(call.authorization).toBe(`Bearer ${MASTER_TOKEN}`);
    expect(call.body.variables).toEqual({ criteria: { owner: 'user-b' }, first: 10, after: 'c0' });
    expect(call.body.query).toMatch(/pageInfo \{ endCursor hasNextPage \}/);
    expect(tray.authorizeCalls()).toHaveLength(0);
  });

  it.each([[{ first: 0 }], [{ first: 1.5 }], [{ first: 101 }], [{ owner: 7 }], [{ after: false }]])('answers 400 to %j', async (body) => {
    const { post, tray } = withInstances();
    const reply = await post('/admin/instances', body, ADMIN);
    expect(reply.status).toBe(400);
    expect(tray.calls).toHaveLength(0);
  });

  it('set-enabled runs updateSolutionInstance as the owner, enabling with errorOnEnablingWithMissingValues', async () => {
    const { post, tray } = withInstances();
    const reply = await post('/admin/set-enabled', { solutionInstanceId: 'inst-b', owner: 'user-b', enabled: true }, ADMIN);
    expect(reply.status).toBe(200);
    expect(reply.body.data.updateSolutionInstance.solutionInstance).toMatchObject({ id: 'inst-b', enabled: true });
    const update = tray.callsTo('updateSolutionInstance')[0]!;
    expect(tray.authorizeCalls('user-b')).toHaveLength(1);
    expect(update.authorization).toBe(`Bearer ${tray.issuedTokens[0]}`);
    expect(update.body.variables).toEqual({
      input: { solutionInstanceId: 'inst-b', enabled: true, errorOnEnablingWithMissingValues: true },
    });
    await post('/admin/set-enabled', { solutionInstanceId: 'inst-b', owner: 'user-b', enabled: false }, ADMIN);
    expect(tray.callsTo('updateSolutionInstance')[1]!.body.variables).toEqual({ input: { solutionInstanceId: 'inst-b', enabled: false } });
    expect(tray.instances.get('inst-b')!.enabled).toBe(false);
  });

  it.each([[{ owner: 'user-b', enabled: true }], [{ solutionInstanceId: 'inst-b', enabled: true }], [{ solutionInstanceId: 'inst-b', owner: 'user-b', enabled: 'yes' }]])(
    'set-enabled answers 400 to %j',
    async (body) => {
      const { post, tray } = withInstances();
      expect((await post('/admin/set-enabled', body, ADMIN)).status).toBe(400);
      expect(tray.calls).toHaveLength(0);
    },
  );
});
