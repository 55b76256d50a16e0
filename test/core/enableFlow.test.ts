import { describe, expect, it, vi } from 'vitest';
import { AddFlow } from '../../src/core/addFlow';
import { EnableFlow, type EnableFlowOptions } from '../../src/core/enableFlow';
import { reduceFlow, type EnableFlowState } from '../../src/core/enableFlowState';
import { TrayEmbeddedError } from '../../src/core/errors';
import { reconnectInstance, removeInstance, renameInstance, upgradeInstance } from '../../src/core/instanceActions';
import type { InstancePort, InstanceStatus } from '../../src/core/instancePort';
import type { UpdateSolutionInstanceInput } from '../../src/graphql/types';
import { WIZARD_URL, fakePopupEachTest, postFromWizard, stubWindowOpen } from '../support/fakePopup';

const fake = fakePopupEachTest();

/** A port over one instance held here, as a server would: it records every call and can be told to refuse or hold. */
function createPort(initial: InstanceStatus = { id: 'si-1', name: 'CRM sync', enabled: false }) {
  const instance = { ...initial };
  const calls: UpdateSolutionInstanceInput[] = [];
  const next: Array<() => Promise<InstanceStatus>> = [];
  const port: Required<InstancePort> = {
    update: vi.fn(async (input: UpdateSolutionInstanceInput) => {
      calls.push(input);
      const scripted = next.shift();
      if (scripted) return scripted();
      if (typeof input.enabled === 'boolean') instance.enabled = input.enabled;
      if (input.instanceName) instance.name = input.instanceName;
      return { ...instance };
    }),
    create: vi.fn(async ({ instanceName }) => ({ id: 'si-new', name: instanceName, enabled: false })),
    upgrade: vi.fn(async () => ({ ...instance })),
    remove: vi.fn(async () => undefined),
  };
  return { port, calls, instance, refuseNext: (answer: () => Promise<InstanceStatus>) => next.push(answer) };
}

function createFlow(overrides: Partial<EnableFlowOptions> = {}) {
  const server = createPort();
  const callbacks = { onDone: vi.fn(), onError: vi.fn(), onCancel: vi.fn(), refresh: vi.fn() };
  const flow = new EnableFlow({ port: server.port, instanceId: 'si-1', getWizardUrl: async () => WIZARD_URL, ...callbacks, ...overrides });
  const states: EnableFlowState[] = [];
  flow.subscribe(() => states.push(flow.getSnapshot()));
  return { flow, server, states, ...callbacks };
}

async function openWizard(flow: EnableFlow) {
  flow.configure();
  await vi.waitFor(() => expect(fake.popup.location.href).toBe(WIZARD_URL));
}

const finish = () => postFromWizard({ type: 'tray.configPopup.finish' }, { source: fake.popup });

describe('EnableFlow', () => {
  it('configure → wizard → finish enables once, with both flags, and reports the server’s answer', async () => {
    const { flow, server, onDone } = createFlow({ instanceName: 'My CRM' });
    await openWizard(flow);
    expect(flow.getSnapshot()).toMatchObject({ status: 'wizard', instanceId: 'si-1', wizard: { status: 'open' } });
    for (let i = 0; i < 5; i += 1) finish();
    expect(flow.getSnapshot()).toMatchObject({ status: 'busy', action: 'enable', instanceId: 'si-1' });
    await vi.waitFor(() => expect(flow.getSnapshot().status).toBe('idle'));
    expect(server.calls).toEqual([{ solutionInstanceId: 'si-1', instanceName: 'My CRM', enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(flow.getSnapshot()).toEqual({
      status: 'idle',
      instanceId: 'si-1',
      outcome: { type: 'done', action: 'enable', instance: { id: 'si-1', name: 'My CRM', enabled: true } },
    });
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(fake.popup.close).toHaveBeenCalled();
  });

  it('counts an enable only when the answer shows it: an unconfirmed one is a missing_values failure with a retry', async () => {
    const { flow, server, onError, refresh } = createFlow();
    server.refuseNext(async () => ({ id: 'si-1', name: 'CRM sync', enabled: false }));
    expect(await flow.enable()).toBeNull();
    const state = flow.getSnapshot();
    expect(state.status === 'idle' && state.outcome).toMatchObject({ type: 'failed', step: 'enable', error: { code: 'missing_values' } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    flow.retry();
    await vi.waitFor(() => expect(flow.getSnapshot()).toMatchObject({ status: 'idle', outcome: { type: 'done', action: 'enable' } }));
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]).toMatchObject({ enabled: true, errorOnEnablingWithMissingValues: true });
  });

  it('keeps the port’s typed error, and wraps anything else as a network failure', async () => {
    const { flow, server } = createFlow();
    const refusal = new TrayEmbeddedError('graphql', 'Solution version is deprecated');
    server.refuseNext(() => Promise.reject(refusal));
    await flow.enable();
    expect(flow.getSnapshot()).toMatchObject({ outcome: { error: refusal } });
    server.refuseNext(() => Promise.reject(new TypeError('Failed to fetch')));
    await flow.disable();
    expect(flow.getSnapshot()).toMatchObject({ outcome: { step: 'disable', error: { code: 'network' } } });
  });

  it('runs one change at a time: a second call while one runs gets the same promise', async () => {
    const { flow, server } = createFlow();
    let release!: (value: InstanceStatus) => void;
    server.refuseNext(() => new Promise((resolve) => (release = resolve)));
    const first = flow.enable();
    const second = flow.disable();
    expect(second).toBe(first);
    release({ id: 'si-1', name: 'CRM sync', enabled: true });
    expect(await first).toMatchObject({ enabled: true });
    expect(server.calls).toHaveLength(1);
  });

  it('a direct Enable while the wizard is open closes it and reports no ending of it', async () => {
    const { flow, onCancel, server } = createFlow();
    await openWizard(flow);
    await flow.enable();
    expect(fake.popup.close).toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
    expect(server.calls).toHaveLength(1);
  });

  it.each([
    ['cancel', { type: 'tray.configPopup.cancel' }],
    ['closed', null],
  ] as const)('the wizard ending in %s is the outcome, with no mutation', async (reason, message) => {
    const { flow, onCancel, server } = createFlow();
    await openWizard(flow);
    if (message) postFromWizard(message, { source: fake.popup });
    else {
      fake.popup.closed = true;
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(flow.getSnapshot()).toEqual({ status: 'idle', instanceId: 'si-1', outcome: { type: 'cancelled', reason } });
    expect(onCancel).toHaveBeenCalledWith(reason);
    expect(server.calls).toHaveLength(0);
  });

  it('a wizard error is the outcome, and retry opens the wizard again', async () => {
    const { flow, onError } = createFlow();
    await openWizard(flow);
    postFromWizard({ type: 'tray.configPopup.error', err: 'token revoked' }, { source: fake.popup });
    expect(flow.getSnapshot()).toMatchObject({ status: 'idle', outcome: { type: 'failed', step: 'wizard', error: { code: 'wizard_error', details: 'token revoked' } } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'wizard_error' }), 'wizard');
    vi.mocked(window.open).mockClear();
    flow.retry();
    expect(window.open).toHaveBeenCalledTimes(1);
  });

  it('a blocked popup is the outcome at once, and Enable still works', async () => {
    stubWindowOpen(null);
    const { flow } = createFlow();
    flow.configure();
    expect(flow.getSnapshot()).toMatchObject({ status: 'idle', outcome: { step: 'wizard', error: { code: 'popup_blocked' } } });
    expect(await flow.enable()).toMatchObject({ enabled: true });
  });

  it('configure does nothing while a change runs', async () => {
    const { flow } = createFlow();
    const running = flow.enable();
    flow.configure();
    expect(window.open).not.toHaveBeenCalled();
    await running;
  });

  it('a new instanceId starts over: the wizard closes and the outcome is forgotten', async () => {
    const { flow, port } = { ...createFlow(), port: createPort().port };
    await openWizard(flow);
    flow.setOptions({ port, instanceId: 'si-2', getWizardUrl: async () => WIZARD_URL });
    expect(fake.popup.close).toHaveBeenCalled();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', instanceId: 'si-2', outcome: null });
  });

  it('a change still running when the instanceId changes: its answer is reported, but never shown as the new instance’s, which can be changed at once', async () => {
    const { flow, server, onDone, onError, onCancel, refresh } = createFlow();
    let release!: (value: InstanceStatus) => void;
    let releaseSecond!: (value: InstanceStatus) => void;
    server.refuseNext(() => new Promise((resolve) => (release = resolve)));
    server.refuseNext(() => new Promise((resolve) => (releaseSecond = resolve)));
    const first = flow.enable();
    flow.setOptions({ port: server.port, instanceId: 'si-2', getWizardUrl: async () => WIZARD_URL, onDone, onError, onCancel, refresh });
    expect(flow.getSnapshot()).toEqual({ status: 'idle', instanceId: 'si-2', outcome: null });
    const second = flow.disable();
    expect(second).not.toBe(first);
    expect(flow.getSnapshot()).toEqual({ status: 'busy', instanceId: 'si-2', action: 'disable' });
    release({ id: 'si-1', name: 'CRM sync', enabled: true });
    expect(await first).toMatchObject({ id: 'si-1', enabled: true });
    expect(onDone).toHaveBeenCalledWith('enable', expect.objectContaining({ id: 'si-1' }));
    // si-2's own change is still the one shown.
    expect(flow.getSnapshot()).toEqual({ status: 'busy', instanceId: 'si-2', action: 'disable' });
    releaseSecond({ id: 'si-2', name: 'Slack alerts', enabled: false });
    await second;
    expect(server.calls.map((call) => [call.solutionInstanceId, call.enabled])).toEqual([['si-1', true], ['si-2', false]]);
    expect(flow.getSnapshot()).toMatchObject({ status: 'idle', instanceId: 'si-2', outcome: { type: 'done', action: 'disable', instance: { id: 'si-2' } } });
  });

  it('dismiss while a change runs keeps showing it running until the server answers', async () => {
    const { flow, server } = createFlow();
    let release!: (value: InstanceStatus) => void;
    server.refuseNext(() => new Promise((resolve) => (release = resolve)));
    const running = flow.disable();
    flow.dismiss();
    expect(flow.getSnapshot()).toEqual({ status: 'busy', instanceId: 'si-1', action: 'disable' });
    release({ id: 'si-1', name: 'CRM sync', enabled: false });
    await running;
    expect(flow.getSnapshot()).toMatchObject({ status: 'idle', outcome: { type: 'done', action: 'disable', instance: { enabled: false } } });
  });

  it('close() removes every listener and timer and leaves the flow usable (StrictMode remounts)', async () => {
    const { flow } = createFlow();
    await openWizard(flow);
    expect(fake.listeners.count).toBe(1);
    flow.close();
    expect(fake.listeners.count).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    fake.renew();
    await openWizard(flow);
    expect(flow.getSnapshot().status).toBe('wizard');
  });

  it('rename, upgrade and remove run as the flow’s changes, each with its own retry', async () => {
    const { flow, server, onDone } = createFlow();
    await renameInstance(flow, server.port, 'Renamed');
    expect(server.calls.at(-1)).toEqual({ solutionInstanceId: 'si-1', instanceName: 'Renamed' });
    vi.mocked(server.port.upgrade).mockRejectedValueOnce(new TrayEmbeddedError('graphql', 'no'));
    upgradeInstance(flow, server.port, false);
    await vi.waitFor(() => expect(flow.getSnapshot()).toMatchObject({ outcome: { step: 'upgrade' } }));
    flow.retry();
    await vi.waitFor(() => expect(flow.getSnapshot()).toMatchObject({ outcome: { type: 'done', action: 'upgrade' } }));
    expect(server.port.upgrade).toHaveBeenCalledTimes(2);
    upgradeInstance(flow, server.port, true); // Tray needs the user's input: through the wizard
    expect(flow.getSnapshot().status).toBe('wizard');
    flow.close();
    const removed = { id: 'si-1', name: 'Renamed', enabled: false };
    await removeInstance(flow, server.port, removed);
    expect(flow.getSnapshot()).toEqual({ status: 'idle', instanceId: null, outcome: { type: 'done', action: 'remove', instance: removed } });
    expect(onDone).toHaveBeenLastCalledWith('remove', removed);
    expect(await flow.enable()).toBeNull(); // nothing left to act on
  });
});

describe('AddFlow', () => {
  function createAdd() {
    const server = createPort();
    const getWizardUrl = vi.fn(async (id: string) => `${WIZARD_URL}&for=${id}`);
    const callbacks = { onDone: vi.fn(), onError: vi.fn(), onCancel: vi.fn() };
    const flow = new AddFlow({ port: server.port, instanceId: null, getWizardUrl, ...callbacks });
    return { flow, server, getWizardUrl, ...callbacks };
  }

  it('opens the popup in the click, creates behind it, then shows the new instance’s wizard; finish enables it', async () => {
    const { flow, server, getWizardUrl, onDone } = createAdd();
    let created!: (instance: InstanceStatus) => void;
    flow.add(() => new Promise((resolve) => (created = resolve)));
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(flow.getSnapshot()).toMatchObject({ status: 'wizard', instanceId: null });
    created({ id: 'si-new', name: 'Alerts', enabled: false });
    await vi.waitFor(() => expect(fake.popup.location.href).toBe(`${WIZARD_URL}&for=si-new`));
    expect(getWizardUrl).toHaveBeenCalledWith('si-new', { customValidation: false });
    expect(flow.getSnapshot()).toMatchObject({ status: 'wizard', instanceId: 'si-new' });
    finish();
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('enable', expect.objectContaining({ enabled: true })));
    expect(server.calls).toEqual([{ solutionInstanceId: 'si-new', enabled: true, errorOnEnablingWithMissingValues: true }]);
  });

  it('Add again while its wizard is up brings that wizard forward, and its finish still enables what it made', async () => {
    const { flow, server } = createAdd();
    flow.add(async () => ({ id: 'si-new', name: 'Alerts', enabled: false }));
    await vi.waitFor(() => expect(fake.popup.location.href).toBe(`${WIZARD_URL}&for=si-new`));
    const second = vi.fn(async () => ({ id: 'si-other', name: 'Other', enabled: false }));
    flow.add(second);
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(fake.popup.focus).toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    expect(flow.getSnapshot()).toMatchObject({ status: 'wizard', instanceId: 'si-new' });
    finish();
    await vi.waitFor(() => expect(flow.getSnapshot()).toMatchObject({ status: 'idle', outcome: { type: 'done', action: 'enable' } }));
    expect(server.calls).toEqual([{ solutionInstanceId: 'si-new', enabled: true, errorOnEnablingWithMissingValues: true }]);
  });

  it('dismissed while the enable after the wizard runs: keeps showing it until the server answers', async () => {
    const { flow, server } = createAdd();
    let release!: (value: InstanceStatus) => void;
    server.refuseNext(() => new Promise((resolve) => (release = resolve)));
    flow.add(async () => ({ id: 'si-new', name: 'Alerts', enabled: false }));
    await vi.waitFor(() => expect(fake.popup.location.href).toBe(`${WIZARD_URL}&for=si-new`));
    finish();
    expect(flow.getSnapshot()).toEqual({ status: 'busy', instanceId: 'si-new', action: 'enable' });
    flow.dismiss();
    expect(flow.getSnapshot()).toEqual({ status: 'busy', instanceId: 'si-new', action: 'enable' });
    release({ id: 'si-new', name: 'Alerts', enabled: true });
    await vi.waitFor(() => expect(flow.getSnapshot()).toMatchObject({ status: 'idle', instanceId: 'si-new', outcome: { type: 'done', action: 'enable' } }));
  });

  it('closed while the create still runs: waits for its answer, so the outcome knows what was made', async () => {
    const { flow, onCancel } = createAdd();
    let created!: (instance: InstanceStatus) => void;
    flow.add(() => new Promise((resolve) => (created = resolve)));
    fake.popup.closed = true;
    await vi.advanceTimersByTimeAsync(500);
    expect(flow.getSnapshot().status).toBe('wizard'); // still deciding
    created({ id: 'si-new', name: 'Alerts', enabled: false });
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledWith('closed'));
    expect(flow.getSnapshot()).toEqual({ status: 'idle', instanceId: 'si-new', outcome: { type: 'cancelled', reason: 'closed' } });
    flow.dismiss();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', instanceId: null, outcome: null });
  });

  it('a failed create is the outcome of step create; retry creates again', async () => {
    const { flow } = createAdd();
    const create = vi.fn().mockRejectedValueOnce(new TrayEmbeddedError('network', 'down')).mockResolvedValue({ id: 'si-new', name: 'A', enabled: false });
    flow.add(create);
    await vi.waitFor(() => expect(flow.getSnapshot()).toMatchObject({ outcome: { type: 'failed', step: 'create', error: { code: 'network' } } }));
    fake.renew();
    flow.retry();
    await vi.waitFor(() => expect(fake.popup.location.href).toContain('for=si-new'));
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('a blocked popup creates nothing; "Open here" then creates and shows the new instance’s wizard in the page', async () => {
    stubWindowOpen(null);
    const { flow, getWizardUrl } = createAdd();
    const create = vi.fn(async () => ({ id: 'si-new', name: 'Alerts', enabled: false }));
    flow.add(create);
    expect(create).not.toHaveBeenCalled();
    flow.configure('dialog');
    await vi.waitFor(() => expect(document.querySelector('dialog iframe')?.getAttribute('src')).toBe(`${WIZARD_URL}&for=si-new`));
    expect(create).toHaveBeenCalledTimes(1);
    expect(getWizardUrl).toHaveBeenCalledWith('si-new', { customValidation: false });
    flow.dismiss();
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('a blocked popup creates nothing', () => {
    stubWindowOpen(null);
    const { flow } = createAdd();
    const create = vi.fn();
    flow.add(create);
    expect(create).not.toHaveBeenCalled();
    expect(flow.getSnapshot()).toMatchObject({ instanceId: null, outcome: { step: 'create', error: { code: 'popup_blocked' } } });
  });
});

describe('reconnectInstance', () => {
  type WithAuth = InstanceStatus & { authValues?: Array<{ externalId: string; authId: string }> };
  function createReconnect(answer: (input: UpdateSolutionInstanceInput) => WithAuth) {
    const calls: UpdateSolutionInstanceInput[] = [];
    const port: InstancePort<WithAuth> = { update: vi.fn(async (input) => (calls.push(input), answer(input))) };
    const onDone = vi.fn();
    const onError = vi.fn();
    const flow = new EnableFlow<WithAuth>({ port, instanceId: 'si-1', getWizardUrl: async () => WIZARD_URL, onDone, onError });
    return { flow, port, calls, onDone, onError };
  }
  const before = [
    { externalId: 'slack_auth', authId: 'auth-old' },
    { externalId: 'jira_auth', authId: 'auth-jira' },
  ];

  it('sets that slot’s authentication, keeps the others in place, and reports the server’s answer', async () => {
    const { flow, port, calls, onDone } = createReconnect((input) => ({ id: 'si-1', name: 'x', enabled: true, authValues: input.authValues }));
    const answer = await reconnectInstance(flow, port, before, { externalId: 'slack_auth', authId: 'auth-new' });
    expect(calls).toEqual([{ solutionInstanceId: 'si-1', authValues: [{ externalId: 'slack_auth', authId: 'auth-new' }, { externalId: 'jira_auth', authId: 'auth-jira' }] }]);
    expect(answer?.authValues).toEqual(calls[0]!.authValues);
    expect(onDone).toHaveBeenCalledWith('reconnect', answer);
  });

  it('adds a slot that had no authentication yet, and sends no __typename back', async () => {
    const { flow, port, calls } = createReconnect((input) => ({ id: 'si-1', name: 'x', enabled: true, authValues: input.authValues }));
    await reconnectInstance(flow, port, [{ externalId: 'jira_auth', authId: 'auth-jira', __typename: 'AuthSlotValue' } as never], { externalId: 'slack_auth', authId: 'a' });
    expect(calls[0]!.authValues).toEqual([{ externalId: 'jira_auth', authId: 'auth-jira' }, { externalId: 'slack_auth', authId: 'a' }]);
  });

  it('counts only what the server confirmed: an answer without the new value is a failure with its retry', async () => {
    const { flow, port, calls, onError } = createReconnect(() => ({ id: 'si-1', name: 'x', enabled: true, authValues: before }));
    expect(await reconnectInstance(flow, port, before, { externalId: 'slack_auth', authId: 'auth-new' })).toBeNull();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'graphql' }), 'reconnect');
    flow.retry();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
  });
});

describe('reduceFlow', () => {
  it('is the only state change, and pure', () => {
    const idle: EnableFlowState = { status: 'idle', instanceId: 'si-1', outcome: null };
    const busy = reduceFlow(idle, { type: 'start', action: 'disable', instanceId: 'si-1' });
    expect(busy).toEqual({ status: 'busy', instanceId: 'si-1', action: 'disable' });
    expect(idle).toEqual({ status: 'idle', instanceId: 'si-1', outcome: null });
    expect(reduceFlow(busy, { type: 'end', outcome: { type: 'done', action: 'remove', instance: { id: 'si-1', name: 'x', enabled: false } } })).toMatchObject({
      status: 'idle',
      instanceId: null,
    });
  });
});

