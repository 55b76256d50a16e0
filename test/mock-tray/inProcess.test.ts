import { gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createInProcessTray } from '../../src/mock-tray/inProcess';
import { SEED_IDS } from '../../src/mock-tray/seed';

const { instances } = SEED_IDS;
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const graphql = (query: string, variables?: Record<string, unknown>, operationName?: string) => json({ query, variables, operationName });
const ENABLE = 'mutation Enable($input: UpdateSolutionInstanceInput!) { updateSolutionInstance(input: $input) { solutionInstance { id enabled } } }';
const enableInput = (id: string) => ({ input: { solutionInstanceId: id, enabled: true, errorOnEnablingWithMissingValues: true } });

describe('createInProcessTray: our handler in front of the mock, no sockets', () => {
  it('runs the browser’s GraphQL through the real handler; both hops log what they saw', async () => {
    const tray = createInProcessTray();
    const response = await tray.fetch('/api/tray/graphql', graphql(ENABLE, enableInput(instances.disabledComplete), 'Enable'));
    expect(await response.json()).toEqual({ data: { updateSolutionInstance: { solutionInstance: { id: instances.disabledComplete, enabled: true } } } });
    expect(tray.backend.requests).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/tray/graphql', operationName: 'Enable', rootFields: ['updateSolutionInstance'], variables: enableInput(instances.disabledComplete) }),
    ]);
    // The handler authorized the user first, then forwarded with their token.
    expect(tray.requests().map((entry) => entry.rootFields)).toEqual([['authorize'], ['updateSolutionInstance']]);
    expect(tray.mutations('updateSolutionInstance')).toEqual([enableInput(instances.disabledComplete)]);
    expect(tray.requests('Enable')).toHaveLength(1);
  });

  it('an Apollo client on the hop, made once', async () => {
    const tray = createInProcessTray();
    expect(tray.client).toBe(tray.client);
    const { data } = await tray.client.query<any>({ query: gql`query Mine { viewer { solutionInstances { totalCount } } }` });
    expect(data.viewer.solutionInstances.totalCount).toBe(4);
    expect(tray.createClient()).not.toBe(tray.client);
  });

  it('Tray unreachable → the handler answers 502 upstream_unreachable; rate limited once → retried; twice → 429', async () => {
    const tray = createInProcessTray();
    tray.faults.unreachable('updateSolutionInstance');
    const down = await tray.fetch('/api/tray/graphql', graphql(ENABLE, enableInput(instances.disabledComplete)));
    expect(down.status).toBe(502);
    expect((await down.json()).error.code).toBe('upstream_unreachable');
    expect(tray.store.instances.get(instances.disabledComplete)!.enabled).toBe(false);
    tray.faults.rateLimited('updateSolutionInstance', { times: 2 });
    const limited = await tray.fetch('/api/tray/graphql', graphql(ENABLE, enableInput(instances.disabledComplete)));
    expect(limited.status).toBe(429);
    expect((await limited.json()).errors[0].extensions.code).toBe('access_not_allowed'); // Tray's own error, passed on with a 429
    expect(tray.store.instances.get(instances.disabledComplete)!.enabled).toBe(false);
    // One rate-limit answer is retried after the wait it implies, and the enable goes through.
    tray.faults.rateLimited('updateSolutionInstance');
    expect((await tray.fetch('/api/tray/graphql', graphql(ENABLE, enableInput(instances.disabledComplete)))).status).toBe(200);
    expect(tray.store.instances.get(instances.disabledComplete)!.enabled).toBe(true);
  });

  it('backend.unreachable: the request never reaches the handler, and the page’s fetch rejects as a browser’s does', async () => {
    const tray = createInProcessTray();
    tray.backend.unreachable('/wizard-url');
    await expect(tray.getWizardUrl(instances.disabledComplete)).rejects.toMatchObject({ code: 'network' });
    expect(tray.backend.requests.at(-1)).toMatchObject({ path: '/api/tray/wizard-url', fault: 'unreachable' });
    expect(tray.requests()).toEqual([]);
    await expect(tray.getWizardUrl(instances.disabledComplete)).resolves.toMatch(/^https:\/\/embedded\.tray\.io\//);
  });

  it('backend.hold stops a request before the handler until released', async () => {
    const tray = createInProcessTray();
    const hold = tray.backend.hold('updateSolutionInstance');
    const pending = tray.fetch('/api/tray/graphql', graphql(ENABLE, enableInput(instances.disabledComplete)));
    await hold.arrived();
    expect(tray.mutations('updateSolutionInstance')).toEqual([]);
    hold.release();
    expect((await pending).status).toBe(200);
    expect(tray.backend.requests[0]!.held).toBe(true);
  });

  it('an aborted request rejects with its reason', async () => {
    const tray = createInProcessTray();
    tray.backend.hold('/graphql');
    const controller = new AbortController();
    const pending = tray.fetch('/api/tray/graphql', { ...graphql(ENABLE, enableInput(instances.disabledComplete)), signal: controller.signal });
    controller.abort(new Error('unsubscribed'));
    await expect(pending).rejects.toThrow('unsubscribed');
  });

  it('getWizardUrl is the handler’s: a fresh, valid code each time; fillWizard saves values as the wizard page does', async () => {
    const tray = createInProcessTray();
    const [first, second] = [await tray.getWizardUrl(instances.disabledMissingValues), await tray.getWizardUrl(instances.disabledMissingValues)];
    const pattern = new RegExp(`^https://embedded\\.tray\\.io/external/solutions/mock-embedded-id/configure/${instances.disabledMissingValues}\\?code=mock-code-`);
    expect(first).toMatch(pattern);
    expect(new URL(first).searchParams.get('code')).not.toBe(new URL(second).searchParams.get('code'));
    await tray.fillWizard(first, { slack_channel: '#alerts' });
    expect(tray.store.instances.get(instances.disabledMissingValues)!.configValues.get('slack_channel')).toBe('"#alerts"');
    await expect(tray.fillWizard(first, { slack_channel: '#other' })).rejects.toThrow('already used');
    await expect(tray.fillWizard('https://embedded.tray.io/elsewhere', {})).rejects.toThrow('needs a config wizard URL');
    // Another user's instance: the handler answers 404, as for one that does not exist.
    await expect(tray.getWizardUrl(instances.otherUsers)).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });

  it('seed: false holds only the signed-in user; user: null is signed out (401); a non-admin gets 403 on admin routes', async () => {
    const empty = createInProcessTray({ seed: false });
    expect([...empty.store.users.keys()]).toEqual([SEED_IDS.demoUser]);
    expect(empty.store.solutions.size + empty.store.instances.size).toBe(0);
    const tray = createInProcessTray({ user: null });
    expect((await tray.fetch('/api/tray/wizard-url', json({ solutionInstanceId: 'x' }))).status).toBe(401);
    tray.user = { userId: SEED_IDS.demoUser };
    expect((await tray.fetch('/api/tray/admin/instances', json({}))).status).toBe(403);
    tray.user = { userId: SEED_IDS.demoUser, isAdmin: true };
    expect((await tray.fetch('/api/tray/admin/instances', json({}))).status).toBe(200);
  });

  it('answers 404 outside the handler’s base path, and keeps the handler’s log lines', async () => {
    const tray = createInProcessTray();
    expect((await tray.fetch('/elsewhere', json({}))).status).toBe(404);
    await tray.fetch('/api/tray/graphql', graphql('mutation { authorize(input: { userId: "x" }) { accessToken } }'));
    expect(tray.handlerLog).toEqual([expect.objectContaining({ level: 'warn', message: 'Refused a GraphQL operation from the browser.' })]);
  });
});
