import { describe, expect, it, vi } from 'vitest';
import { createInProcessTray, type InProcessTrayOptions } from '../../src/mock-tray/inProcess';
import { SEED_IDS } from '../../src/mock-tray/seed';
import type { BeforeEnableEvent, InstanceEvent } from '../../src/server/index';

const { instances, demoUser } = SEED_IDS;
const ENABLE = 'mutation Enable($input: UpdateSolutionInstanceInput!) { updateSolutionInstance(input: $input) { solutionInstance { id name enabled } } }';

function setUp(handler: InProcessTrayOptions['handler']) {
  const tray = createInProcessTray({ handler });
  const graphql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await tray.fetch('/api/tray/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const admin = async (body: Record<string, unknown>) => {
    const response = await tray.fetch('/api/tray/admin/set-enabled', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const enable = (id: string) => graphql(ENABLE, { input: { solutionInstanceId: id, enabled: true } });
  return { tray, graphql, admin, enable, isEnabled: (id: string) => tray.store.instances.get(id)!.enabled };
}

describe('beforeEnable', () => {
  it('refusing: nothing reaches Tray, the browser gets ENABLE_REFUSED with the partner’s words', async () => {
    const beforeEnable = vi.fn((_event: BeforeEnableEvent) => ({ refuse: 'Your plan does not include the warehouse export.' }));
    const { tray, enable, isEnabled } = setUp({ beforeEnable });
    const reply = await enable(instances.disabledComplete);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: null,
      errors: [{ message: 'Your plan does not include the warehouse export.', path: ['updateSolutionInstance'], extensions: { code: 'ENABLE_REFUSED' } }],
    });
    expect(tray.mutations('updateSolutionInstance')).toEqual([]);
    expect(isEnabled(instances.disabledComplete)).toBe(false);
    const event = beforeEnable.mock.calls[0]![0];
    expect(event.user).toMatchObject({ userId: demoUser });
    expect(event.via).toBe('graphql');
    expect(event.request).toBeInstanceOf(Request);
    expect(event.instance).toMatchObject({ id: instances.disabledComplete, enabled: false, solution: { id: SEED_IDS.solutions.warehouse } });
    expect(Array.isArray(event.instance.solution.customFields)).toBe(true);
    expect(event.instance.configValues.length).toBeGreaterThan(0);
    expect(event.instance.authValues.length).toBeGreaterThan(0);
  });

  it('allowing: the enable goes on to Tray once', async () => {
    const beforeEnable = vi.fn(async () => undefined);
    const { tray, enable, isEnabled } = setUp({ beforeEnable });
    const reply = await enable(instances.disabledComplete);
    expect(reply.body.data.updateSolutionInstance.solutionInstance.enabled).toBe(true);
    expect(beforeEnable).toHaveBeenCalledTimes(1);
    expect(tray.mutations('updateSolutionInstance')).toHaveLength(1);
    expect(isEnabled(instances.disabledComplete)).toBe(true);
  });

  it('is not asked about a disable, a rename or a read', async () => {
    const beforeEnable = vi.fn(() => ({ refuse: 'no' }));
    const { graphql } = setUp({ beforeEnable });
    await graphql(ENABLE, { input: { solutionInstanceId: instances.enabledComplete, enabled: false } });
    await graphql(ENABLE, { input: { solutionInstanceId: instances.enabledComplete, instanceName: 'Renamed' } });
    await graphql('{ viewer { solutionInstances { edges { node { id } } } } }');
    expect(beforeEnable).not.toHaveBeenCalled();
  });

  it('throwing: refused with a generic message, logged, never a 5xx or a stack', async () => {
    const { tray, enable, isEnabled } = setUp({
      beforeEnable: () => {
        throw new Error('billing service down at /srv/billing.js:12');
      },
    });
    const reply = await enable(instances.disabledComplete);
    expect(reply.status).toBe(200);
    expect(reply.body.errors[0].extensions.code).toBe('ENABLE_REFUSED');
    expect(reply.body.errors[0].message).toMatch(/cannot be activated right now/);
    expect(JSON.stringify(reply.body)).not.toMatch(/billing|srv|at /);
    expect(tray.handlerLog).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringMatching(/beforeEnable failed/) }));
    expect(isEnabled(instances.disabledComplete)).toBe(false);
  });

  it('hanging: refused once timeoutMs is over, and nothing is sent', async () => {
    const { tray, enable } = setUp({ timeoutMs: 50, beforeEnable: () => new Promise<never>(() => undefined) });
    const reply = await enable(instances.disabledComplete);
    expect(reply.body.errors[0].extensions.code).toBe('ENABLE_REFUSED');
    expect(tray.handlerLog.some((line) => /no answer within 50 ms/.test(String(line.details?.['reason'])))).toBe(true);
    expect(tray.mutations('updateSolutionInstance')).toEqual([]);
  });

  it('a verdict of the wrong shape refuses too', async () => {
    const { enable } = setUp({ beforeEnable: () => ({ refuse: '' }) as never });
    expect((await enable(instances.disabledComplete)).body.errors[0].extensions.code).toBe('ENABLE_REFUSED');
  });

  it('checks enables written as literals, in aliases, behind fragments on Mutation and with variable defaults', async () => {
    const beforeEnable = vi.fn(() => ({ refuse: 'Not today.' }));
    const { tray, graphql } = setUp({ beforeEnable });
    const id = instances.disabledComplete;
    const documents = [
      `mutation { x: updateSolutionInstance(input: { solutionInstanceId: "${id}", enabled: true }) { solutionInstance { id } } }`,
      `mutation { ...Go } fragment Go on Mutation { updateSolutionInstance(input: { solutionInstanceId: "${id}", enabled: true }) { solutionInstance { id } } }`,
      `mutation($input: UpdateSolutionInstanceInput = { solutionInstanceId: "${id}", enabled: true }) { updateSolutionInstance(input: $input) { solutionInstance { id } } }`,
      `mutation($on: Boolean!) { updateSolutionInstance(input: { solutionInstanceId: "${id}", enabled: $on }) { solutionInstance { id } } }`,
    ];
    for (const query of documents) {
      const reply = await graphql(query, { on: true });
      expect(reply.body.errors?.[0]?.extensions?.code, query).toBe('ENABLE_REFUSED');
    }
    expect(beforeEnable).toHaveBeenCalledTimes(documents.length);
    expect(tray.mutations('updateSolutionInstance')).toEqual([]);
  });

  it('guards the admin route the same way, with the owner as the user', async () => {
    const beforeEnable = vi.fn((_event: BeforeEnableEvent) => ({ refuse: 'Awaiting the contract.' }));
    const { tray, admin, isEnabled } = setUp({ beforeEnable });
    const reply = await admin({ solutionInstanceId: instances.disabledComplete, owner: demoUser, enabled: true });
    expect(reply.body.errors[0]).toMatchObject({ message: 'Awaiting the contract.', extensions: { code: 'ENABLE_REFUSED' } });
    expect(beforeEnable.mock.calls[0]![0]).toMatchObject({ via: 'admin', user: { userId: demoUser }, instance: { id: instances.disabledComplete } });
    expect(tray.mutations('updateSolutionInstance')).toEqual([]);
    expect(isEnabled(instances.disabledComplete)).toBe(false);
  });

  it('an instance that is not the user’s is not found, and the hook is not asked', async () => {
    const beforeEnable = vi.fn(() => undefined);
    const { enable } = setUp({ beforeEnable });
    const reply = await enable(instances.otherUsers);
    expect(reply.status).toBe(404);
    expect(beforeEnable).not.toHaveBeenCalled();
  });
});

describe('onInstanceEvent', () => {
  function withEvents(extra: InProcessTrayOptions['handler'] = {}) {
    const events: InstanceEvent[] = [];
    const seenEnabled: boolean[] = [];
    const setup = setUp({
      ...extra,
      onInstanceEvent: (event) => {
        events.push(event);
        const instance = setup.tray.store.instances.get(event.solutionInstanceId);
        if (instance) seenEnabled.push(instance.enabled);
      },
    });
    return { ...setup, events, seenEnabled };
  }

  it('tells once, after Tray confirmed the enable', async () => {
    const { enable, events, seenEnabled } = withEvents();
    await enable(instances.disabledComplete);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'enabled', solutionInstanceId: instances.disabledComplete, user: { userId: demoUser }, instance: { enabled: true }, via: 'graphql' });
    expect(new Date(events[0]!.at).toISOString()).toBe(events[0]!.at);
    expect(seenEnabled).toEqual([true]);
  });

  it('says nothing for a refused or a failed enable', async () => {
    const refused = withEvents({ beforeEnable: () => ({ refuse: 'No.' }) });
    await refused.enable(instances.disabledComplete);
    expect(refused.events).toEqual([]);
    const failed = withEvents();
    const reply = await failed.enable(instances.disabledMissingValues); // Tray refuses: a required value is missing
    expect(reply.body.errors).toBeDefined();
    expect(failed.events).toEqual([]);
  });

  it('names each kind of change', async () => {
    const { tray, graphql, admin, events } = withEvents();
    const created = await graphql(
      'mutation($input: CreateSolutionInstanceInput!) { createSolutionInstance(input: $input) { solutionInstance { id name enabled } } }',
      { input: { solutionId: SEED_IDS.solutions.slack, instanceName: 'Slack two' } },
    );
    const newId = created.body.data.createSolutionInstance.solutionInstance.id as string;
    await graphql(ENABLE, { input: { solutionInstanceId: newId, instanceName: 'Slack 2' } });
    await graphql(ENABLE, { input: { solutionInstanceId: newId, configValues: [{ externalId: 'slack_channel', value: '"#ops"' }] } });
    await graphql(ENABLE, { input: { solutionInstanceId: instances.enabledComplete, enabled: false } });
    await admin({ solutionInstanceId: instances.enabledComplete, owner: demoUser, enabled: true });
    await graphql('mutation($input: UpgradeSolutionInstanceInput!) { upgradeSolutionInstance(input: $input) { solutionInstance { id } } }', {
      input: { solutionInstanceId: instances.newerVersion },
    });
    await graphql('mutation($input: RemoveSolutionInstanceInput!) { removeSolutionInstance(input: $input) { clientMutationId } }', {
      input: { solutionInstanceId: newId },
    });
    expect(events.map((event) => [event.type, event.solutionInstanceId, event.via])).toEqual([
      ['created', newId, 'graphql'],
      ['renamed', newId, 'graphql'],
      ['configUpdated', newId, 'graphql'],
      ['disabled', instances.enabledComplete, 'graphql'],
      ['enabled', instances.enabledComplete, 'admin'],
      ['upgraded', instances.newerVersion, 'graphql'],
      ['removed', newId, 'graphql'],
    ]);
    expect(events.at(-1)!.instance).toBeNull();
    expect(tray.store.instances.has(newId)).toBe(false);
  });

  it('a failing or hanging listener is logged and changes nothing in the answer', async () => {
    const { tray, enable } = setUp({
      timeoutMs: 50,
      onInstanceEvent: () => {
        throw new Error('queue unavailable');
      },
    });
    const reply = await enable(instances.disabledComplete);
    expect(reply.body.data.updateSolutionInstance.solutionInstance.enabled).toBe(true);
    expect(tray.handlerLog).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringMatching(/onInstanceEvent failed/) }));
    const hanging = setUp({ timeoutMs: 50, onInstanceEvent: () => new Promise<never>(() => undefined) });
    const second = await hanging.enable(instances.disabledComplete);
    expect(second.body.data.updateSolutionInstance.solutionInstance.enabled).toBe(true);
  });
});

describe('external users', () => {
  const LIST = '{ viewer { solutionInstances { edges { node { id } } } } }';

  it('100 concurrent first requests of a new user: one lookup, one creation, one Tray user', async () => {
    // The per-user rate limit is not what this test is about.
    const { tray, graphql } = setUp({ getUser: () => ({ externalUserId: 'acme-42', name: 'Ada of Acme' }), limits: { userBurst: 200 } });
    const replies = await Promise.all(Array.from({ length: 100 }, () => graphql(LIST)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(100).fill(200));
    expect(tray.requests('users')).toHaveLength(1);
    expect(tray.requests('createExternalUser')).toHaveLength(1);
    const created = [...tray.store.users.values()].filter((user) => user.externalUserId === 'acme-42');
    expect(created).toEqual([expect.objectContaining({ name: 'Ada of Acme' })]);
    // Remembered: later requests ask Tray for no user at all.
    await graphql(LIST);
    expect(tray.requests('users')).toHaveLength(1);
  });

  it('an existing user is found, never created, and gets their own instances', async () => {
    const { tray, graphql } = setUp({ getUser: () => ({ externalUserId: 'ext-demo-user' }) });
    const replies = await Promise.all(Array.from({ length: 10 }, () => graphql(LIST)));
    const ids = replies[0]!.body.data.viewer.solutionInstances.edges.map((edge: any) => edge.node.id);
    expect(ids).toContain(instances.enabledComplete);
    expect(tray.requests('users')).toHaveLength(1);
    expect(tray.requests('createExternalUser')).toHaveLength(0);
  });

  it('the hooks see the Tray id and the external id', async () => {
    const beforeEnable = vi.fn((_event: BeforeEnableEvent) => undefined);
    const { enable } = setUp({ getUser: () => ({ externalUserId: 'ext-demo-user' }), beforeEnable });
    await enable(instances.disabledComplete);
    expect(beforeEnable.mock.calls[0]![0].user).toMatchObject({ userId: demoUser, externalUserId: 'ext-demo-user' });
  });

  it('a Tray failure answers 502 and is tried again on the next request', async () => {
    const { tray, graphql } = setUp({ getUser: () => ({ externalUserId: 'acme-7' }) });
    tray.faults.graphqlErrors('users', [{ message: 'Internal error' }], { times: 1 });
    const first = await graphql(LIST);
    expect(first.status).toBe(502);
    expect(tray.requests('createExternalUser')).toHaveLength(0);
    const second = await graphql(LIST);
    expect(second.status).toBe(200);
  });

  it('a user with neither userId nor externalUserId is a 500 that says why in the log', async () => {
    const { tray, graphql } = setUp({ getUser: () => ({ externalUserId: '  ' }) as never });
    expect((await graphql(LIST)).status).toBe(500);
    expect(tray.handlerLog.some((line) => /externalUserId/.test(line.message))).toBe(true);
  });
});
