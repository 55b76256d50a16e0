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

  it('ownerContains matches any part of the owner’s id, in any case, across Tray’s pages, with a cursor that carries on', async () => {
    const harness = createHarness();
    // 250 instances; every 25th belongs to an Acme user, the rest to others.
    for (let i = 0; i < 250; i += 1) harness.tray.addInstance({ id: `inst-${i}`, owner: i % 25 === 0 ? `user-ACME-${i}` : `user-other-${i}` });
    const ids = (reply: { body: any }) => reply.body.data.viewer.solutionInstances.edges.map((edge: any) => edge.node.id);
    const pageInfo = (reply: { body: any }) => reply.body.data.viewer.solutionInstances.pageInfo;

    const first = await harness.post('/admin/instances', { ownerContains: 'acme', first: 4 }, ADMIN);
    expect(first.status).toBe(200);
    expect(ids(first)).toEqual(['inst-0', 'inst-25', 'inst-50', 'inst-75']);
    expect(pageInfo(first)).toEqual({ endCursor: 'inst-75', hasNextPage: true });
    expect(first.body.data.viewer.solutionInstances.totalCount).toBeNull();
    // Tray got no owner criterion (it matches whole ids only) and the master token.
    const call = harness.tray.calls.at(-1)!;
    expect(call.authorization).toBe(`Bearer ${MASTER_TOKEN}`);
    expect(call.body.variables).toEqual({ criteria: {}, first: 100 });

    const rest = await harness.post('/admin/instances', { ownerContains: 'ACME', first: 50, after: pageInfo(first).endCursor }, ADMIN);
    expect(ids(rest)).toEqual(['inst-100', 'inst-125', 'inst-150', 'inst-175', 'inst-200', 'inst-225']);
    expect(pageInfo(rest).hasNextPage).toBe(false);
    // The whole id still goes to Tray as its own criterion.
    const exact = await harness.post('/admin/instances', { owner: 'user-ACME-25' }, ADMIN);
    expect(ids(exact)).toEqual(['inst-25']);
    expect(harness.tray.calls.at(-1)!.body.variables).toEqual({ criteria: { owner: 'user-ACME-25' } });
  });

  it('ownerContains passes on Tray’s refusal of the master token as the configuration error it is', async () => {
    const harness = createHarness({ masterToken: 'not-the-master-token' });
    const reply = await harness.post('/admin/instances', { ownerContains: 'a' }, ADMIN);
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('upstream_unauthorized');
  });

  it.each([[{ first: 0 }], [{ ownerContains: 3 }], [{ first: 1.5 }], [{ first: 101 }], [{ owner: 7 }], [{ after: false }]])('answers 400 to %j', async (body) => {
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
