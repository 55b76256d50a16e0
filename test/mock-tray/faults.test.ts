import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { INSTANCE_QUERY, UPDATE_MUTATION, startTestTray, type TestTray } from './helpers';

const { instances } = SEED_IDS;
let tray: TestTray;
let token: string;

beforeEach(async () => {
  tray = await startTestTray({ rateLimitPerSecond: Infinity });
  token = await tray.userToken(SEED_IDS.demoUser);
});
afterEach(() => tray.close());

const enable = (id: string) => tray.gql(token, UPDATE_MUTATION, { input: { solutionInstanceId: id, enabled: true, errorOnEnablingWithMissingValues: true } });
const isEnabled = (id: string) => tray.store.instances.get(id)!.enabled;

describe('store.faults over HTTP', () => {
  it('graphqlErrors answers 200 { data: null, errors } once, without running the operation', async () => {
    tray.store.faults.graphqlErrors('updateSolutionInstance', [{ message: 'Tray is busy', extensions: { code: 'BUSY' } }]);
    const refused = await enable(instances.disabledComplete);
    expect(refused).toEqual({ status: 200, body: { data: null, errors: [{ message: 'Tray is busy', extensions: { code: 'BUSY' } }] } });
    expect(isEnabled(instances.disabledComplete)).toBe(false);
    expect(tray.store.requestLog.at(-1)).toMatchObject({ rootFields: ['updateSolutionInstance'], outcome: 'faulted', fault: 'graphql_errors' });
    expect((await enable(instances.disabledComplete)).body.data?.updateSolutionInstance.solutionInstance.enabled).toBe(true);
  });

  it('rateLimited answers Tray’s exact body; a string match is also an operation name; times counts', async () => {
    tray.store.faults.rateLimited('Instance', { times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const limited = await tray.gql(token, INSTANCE_QUERY, { id: instances.enabledComplete });
      expect(limited.body.errors?.[0]).toMatchObject({ message: 'Rate limit exceeded', extensions: { code: 'access_not_allowed' } });
    }
    expect((await tray.gql(token, INSTANCE_QUERY, { id: instances.enabledComplete })).body.data?.viewer.solutionInstances.edges).toHaveLength(1);
  });

  it('httpResponse answers any status and body; a predicate can match on variables', async () => {
    tray.store.faults.httpResponse((entry) => (entry.variables as any)?.id === instances.newerVersion, { status: 503, body: { message: 'maintenance' } });
    expect(await tray.gql(token, INSTANCE_QUERY, { id: instances.newerVersion })).toEqual({ status: 503, body: { message: 'maintenance' } });
    expect((await tray.gql(token, INSTANCE_QUERY, { id: instances.newerVersion })).status).toBe(200);
  });

  it('unreachable drops the connection: the caller’s fetch rejects and nothing changes', async () => {
    tray.store.faults.unreachable('updateSolutionInstance');
    await expect(enable(instances.disabledComplete)).rejects.toThrow(TypeError);
    expect(isEnabled(instances.disabledComplete)).toBe(false);
    expect(tray.store.countEvents('updateSolutionInstance')).toBe(0);
    expect(tray.store.requestLog.at(-1)).toMatchObject({ outcome: 'faulted', fault: 'unreachable' });
  });

  it('loseAnswer makes the change, then drops the connection', async () => {
    tray.store.faults.loseAnswer('updateSolutionInstance');
    await expect(tray.gql(token, UPDATE_MUTATION, { input: { solutionInstanceId: instances.enabledComplete, enabled: false } })).rejects.toThrow(TypeError);
    expect(isEnabled(instances.enabledComplete)).toBe(false);
    expect(tray.store.events.at(-1)).toMatchObject({ type: 'updateSolutionInstance', outcome: 'updated' });
    expect(tray.store.requestLog.at(-1)).toMatchObject({ outcome: 'executed', fault: 'lose_answer' });
  });

  it('hold stops a request until released; arrived() is the signal; a knob added meanwhile decides its answer', async () => {
    const hold = tray.store.faults.hold('updateSolutionInstance');
    const pending = enable(instances.disabledComplete);
    await hold.arrived();
    expect(hold.requests.map((held) => held.request.variables)).toEqual([
      { input: { solutionInstanceId: instances.disabledComplete, enabled: true, errorOnEnablingWithMissingValues: true } },
    ]);
    expect(isEnabled(instances.disabledComplete)).toBe(false);
    tray.store.faults.graphqlErrors('updateSolutionInstance', [{ message: 'decided at release' }]);
    hold.release();
    expect((await pending).body.errors).toEqual([{ message: 'decided at release' }]);
    expect(tray.store.requestLog.at(-1)).toMatchObject({ held: true, fault: 'graphql_errors' });
  });

  it('a hold of several requests releases them one by one, or when its promise settles', async () => {
    let open!: () => void;
    const hold = tray.store.faults.hold('Instance', { times: 2, until: new Promise<void>((resolve) => (open = resolve)) });
    const first = tray.gql(token, INSTANCE_QUERY, { id: instances.enabledComplete });
    const second = tray.gql(token, INSTANCE_QUERY, { id: instances.newerVersion });
    await hold.arrived(2);
    hold.requests.find((held) => (held.request.variables as any).id === instances.newerVersion)!.release();
    expect((await second).body.data?.viewer.solutionInstances.edges[0].node.id).toBe(instances.newerVersion);
    expect(hold.remaining).toBe(0);
    open();
    expect((await first).status).toBe(200);
    // Used up: the third one runs at once.
    expect((await tray.gql(token, INSTANCE_QUERY, { id: instances.enabledComplete })).status).toBe(200);
  });

  it('refuses a knob it cannot apply, saying why', () => {
    expect(() => tray.store.faults.unreachable('viewer', { times: 0 })).toThrow('times must be a whole number ≥ 1, or Infinity');
    expect(() => tray.store.faults.graphqlErrors('viewer', [])).toThrow('at least one error with a message');
    expect(() => tray.store.faults.httpResponse('viewer', { status: 42 })).toThrow('HTTP status from 200 to 599');
    expect(() => tray.store.faults.hold(undefined as never)).toThrow('needs a match');
  });

  it('a rule can be removed before it is used', async () => {
    const rule = tray.store.faults.unreachable('updateSolutionInstance', { times: Infinity });
    expect(rule.remaining).toBe(Infinity);
    rule.remove();
    expect((await enable(instances.disabledComplete)).status).toBe(200);
  });
});
