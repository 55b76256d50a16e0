import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SolutionInstanceEnabler, type SolutionInstanceEnablerProps } from '../../src';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { createFakePopup, nextPopup, postFromWizard, stubWindowOpen, type FakePopup } from '../support/fakePopup';
import { freshTrayAndPopup, renderWithTray, wizardUrlFor, type TestTray } from '../support/testTray';

/** Seeded: disabled, every required value set, so enabling works straight away. */
const ID = SEED_IDS.instances.disabledComplete;

let tray: TestTray;
let popup: FakePopup;

beforeEach(() => {
  ({ tray, popup } = freshTrayAndPopup());
});

function renderEnabler(props: Partial<SolutionInstanceEnablerProps> = {}) {
  const callbacks = { onEnabled: vi.fn(), onDisabled: vi.fn(), onCancel: vi.fn(), onError: vi.fn() };
  const getWizardUrl = vi.fn(tray.getWizardUrl);
  const view = renderWithTray(tray, <SolutionInstanceEnabler solutionInstanceId={ID} instanceName="Nightly export" getWizardUrl={getWizardUrl} {...callbacks} {...props} />);
  return { ...view, ...callbacks, getWizardUrl };
}

const status = () => screen.getByRole('status');
const button = (name: string) => screen.getByRole('button', { name });
/** What reached the mock Tray (the handler forwards each to it). */
const mutations = () => tray.mutations('updateSolutionInstance');
/** What the page sent to its backend, including what never arrived. */
const sent = () => tray.backend.requests.filter((request) => request.rootFields.includes('updateSolutionInstance'));

async function openWizard(user: ReturnType<typeof userEvent.setup>, id: string = ID) {
  await screen.findByText('Disabled');
  await user.click(button('Configure'));
  await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(id)));
  expect(status()).toHaveTextContent('Waiting for the wizard…');
}

const finish = () => act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));

/**
 * After messages that must be ignored: the wizard's own cancel still ends the session. Had one
 * of them been taken as a finish, the session would be over, this cancel ignored, and the
 * enable mutation sent.
 */
async function expectStillListening() {
  act(() => postFromWizard({ type: 'tray.configPopup.cancel' }, { source: popup }));
  await waitFor(() => expect(status()).toHaveTextContent('Setup was cancelled.'));
  expect(sent()).toHaveLength(0);
}

describe('SolutionInstanceEnabler', () => {
  it('shows the server status with Configure and Enable', async () => {
    renderEnabler();
    expect(status()).toHaveTextContent('Loading…');
    expect(await screen.findByText('Disabled')).toBeInTheDocument();
    expect(button('Configure')).toBeEnabled();
    expect(button('Enable')).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Disable' })).toBeNull();
  });

  it('opens the popup synchronously in the click, before the URL arrives', async () => {
    const { user } = renderEnabler({ getWizardUrl: () => new Promise(() => {}) });
    await screen.findByText('Disabled');
    await user.click(button('Configure'));
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(vi.mocked(window.open).mock.calls[0]?.[0]).toBe('');
  });

  it('finish → exactly one updateSolutionInstance with both flags → Enabled', async () => {
    const { user, onEnabled, getWizardUrl } = renderEnabler();
    await openWizard(user);
    expect(getWizardUrl).toHaveBeenCalledWith(ID, { customValidation: false });
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(tray.requests('updateSolutionInstance').map(({ operationName, variables }) => ({ operationName, variables }))).toEqual([
      {
        operationName: 'UpdateSolutionInstance',
        variables: { input: { solutionInstanceId: ID, instanceName: 'Nightly export', enabled: true, errorOnEnablingWithMissingValues: true } },
      },
    ]);
    expect(tray.store.instances.get(ID)).toMatchObject({ enabled: true, name: 'Nightly export' });
    expect(popup.close).toHaveBeenCalled();
    expect(onEnabled).toHaveBeenCalledTimes(1);
    expect(onEnabled.mock.calls[0]?.[0]).toMatchObject({ id: ID, enabled: true });
    expect(button('Reconfigure')).toBeInTheDocument();
    expect(button('Disable')).toBeInTheDocument();
  });

  it('finish sent five times still sends one mutation (StrictMode double mount included)', async () => {
    const { user } = renderEnabler();
    await openWizard(user);
    const hold = tray.faults.hold('updateSolutionInstance');
    for (let i = 0; i < 5; i += 1) finish();
    await waitFor(() => expect(status()).toHaveTextContent('Enabling…'));
    await hold.arrived();
    hold.release();
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(sent()).toHaveLength(1);
    expect(mutations()).toHaveLength(1);
  });

  it('shown another instance while an enable runs: that one shows, and can be changed, at once; the first answer comes only as onEnabled', async () => {
    const other = SEED_IDS.instances.disabledMissingValues;
    const { user, rerender, onEnabled, onError } = renderEnabler();
    await screen.findByText('Disabled');
    const hold = tray.faults.hold('updateSolutionInstance', { times: 2 });
    await user.click(button('Enable'));
    await hold.arrived();
    expect(status()).toHaveTextContent('Enabling…');
    rerender(<SolutionInstanceEnabler solutionInstanceId={other} getWizardUrl={tray.getWizardUrl} onEnabled={onEnabled} onError={onError} />);
    await waitFor(() => expect(status()).toHaveTextContent('Disabled'));
    // The first enable still runs, yet the instance shown gets its own at once.
    await user.click(button('Enable'));
    await hold.arrived(2);
    expect(status()).toHaveTextContent('Enabling…');
    hold.release();
    await waitFor(() => expect(onEnabled).toHaveBeenCalledWith(expect.objectContaining({ id: ID, enabled: true })));
    // Tray refuses the second (a required value is unset): the alert is the shown instance's own.
    expect(await screen.findByRole('alert')).toHaveTextContent('Some required settings are missing.');
    expect(status()).toHaveTextContent('Disabled');
    expect(onEnabled).toHaveBeenCalledTimes(1);
    expect(mutations().map(({ input }) => [input.solutionInstanceId, input.enabled])).toEqual([[ID, true], [other, true]]);
  });

  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['a look-alike origin', { origin: 'https://embedded.tray.io.evil.example' }],
    ['the right origin from another window', { other: true }],
  ])('ignores a finish from %s', async (_label, how: { origin?: string; other?: boolean }) => {
    const { user } = renderEnabler();
    await openWizard(user);
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { origin: how.origin, source: how.other ? createFakePopup() : popup }));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { origin: how.origin, source: how.other ? window : popup }));
    await expectStillListening();
  });

  it.each([['a string', 'tray.configPopup.finish'], ['an unknown type', { type: 'tray.configPopup.finished' }], ['null', null]])(
    'ignores a malformed payload: %s',
    async (_label, data) => {
      const { user } = renderEnabler();
      await openWizard(user);
      act(() => postFromWizard(data, { source: popup }));
      await expectStillListening();
    },
  );

  it('cancel → Disabled with the cancelled notice and onCancel', async () => {
    const { user, onCancel } = renderEnabler();
    await openWizard(user);
    act(() => postFromWizard({ type: 'tray.configPopup.cancel' }, { source: popup }));
    expect(status()).toHaveTextContent('Disabled');
    expect(status()).toHaveTextContent('Setup was cancelled.');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sent()).toHaveLength(0);
  });

  it('a wizard error shows its data.err in an alert with Try again, which reopens the wizard', async () => {
    const { user, onError } = renderEnabler();
    await openWizard(user);
    act(() => postFromWizard({ type: 'tray.configPopup.error', err: 'Slack authentication failed' }, { source: popup }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The setup page reported an error. Slack authentication failed');
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'wizard_error' });
    expect(status()).toHaveTextContent('Disabled');
    await user.click(button('Try again'));
    expect(window.open).toHaveBeenCalledTimes(2);
  });

  it('the popup closed before finish → its own notice, onCancel, no mutation', async () => {
    const { user, onCancel } = renderEnabler();
    await openWizard(user);
    popup.closed = true;
    await waitFor(() => expect(status()).toHaveTextContent('The setup window was closed before finishing.'), { timeout: 2000 });
    expect(status()).toHaveTextContent('Disabled');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(sent()).toHaveLength(0);
  });

  it('a blocked popup explains itself without pointing to Enable, and Enable still works', async () => {
    stubWindowOpen(null);
    const { user, onEnabled } = renderEnabler();
    await screen.findByText('Disabled');
    await user.click(button('Configure'));
    expect(screen.getByRole('alert')).toHaveTextContent('The setup window was blocked. Allow pop-ups for this site, or open it here.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Enable');
    expect(within(screen.getByRole('alert')).getByRole('button', { name: 'Open here' })).toBeInTheDocument();
    await user.click(button('Enable'));
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(mutations()[0]?.input).toMatchObject({ enabled: true, errorOnEnablingWithMissingValues: true });
    expect(onEnabled).toHaveBeenCalledTimes(1);
  });

  it('missing values (a required slot without a value) → alert with Finish setup, status stays Disabled; Finish setup reopens the wizard', async () => {
    const id = SEED_IDS.instances.disabledMissingValues; // "Slack channel" is required and unset
    const { user, onError, onEnabled } = renderEnabler({ solutionInstanceId: id, instanceName: undefined });
    await openWizard(user, id);
    finish();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some required settings are missing.');
    expect(status()).toHaveTextContent('Disabled');
    expect(onError.mock.calls.at(-1)?.[0]).toMatchObject({ code: 'missing_values' });
    expect(onEnabled).not.toHaveBeenCalled();
    expect(tray.store.events.at(-1)).toMatchObject({ type: 'updateSolutionInstance', outcome: 'missing_values' });
    expect(tray.store.instances.get(id)!.enabled).toBe(false);
    popup = nextPopup();
    await user.click(button('Finish setup'));
    expect(window.open).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(id)));
    await tray.fillWizard(popup.location.href, { slack_channel: '#alerts' });
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(mutations()).toHaveLength(2);
    expect(tray.store.instances.get(id)!.enabled).toBe(true);
  });

  it.each([
    ['the request never reached the backend', () => tray.backend.unreachable('updateSolutionInstance'), 1],
    ['the backend could not reach Tray (502)', () => tray.faults.unreachable('updateSolutionInstance'), 2],
  ])('a network error (%s) shows Try again, and retrying enables', async (_label, fail, reachedTray) => {
    fail();
    const { user } = renderEnabler();
    await screen.findByText('Disabled');
    await user.click(button('Enable'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the server.');
    expect(status()).toHaveTextContent('Disabled');
    expect(tray.store.instances.get(ID)!.enabled).toBe(false);
    await user.click(button('Try again'));
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(sent()).toHaveLength(2);
    expect(mutations()).toHaveLength(reachedTray);
  });

  it('a server that answers enabled: false is not shown as enabled', async () => {
    tray.faults.httpResponse('updateSolutionInstance', {
      status: 200,
      body: { data: { updateSolutionInstance: { __typename: 'UpdateSolutionInstancePayload', solutionInstance: { __typename: 'SolutionInstance', id: ID, name: 'Warehouse export', enabled: false } } } },
    });
    const { user, onEnabled } = renderEnabler();
    await screen.findByText('Disabled');
    await user.click(button('Enable'));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Disabled');
    expect(onEnabled).not.toHaveBeenCalled();
    expect(tray.requests('updateSolutionInstance')).toEqual([expect.objectContaining({ fault: 'http_response' })]);
  });

  it('disables an enabled instance', async () => {
    const id = SEED_IDS.instances.enabledComplete;
    const { user, onDisabled } = renderEnabler({ solutionInstanceId: id });
    await screen.findByText('Enabled');
    await user.click(button('Disable'));
    await waitFor(() => expect(status()).toHaveTextContent('Disabled'));
    expect(mutations()).toEqual([{ input: { solutionInstanceId: id, enabled: false } }]);
    expect(tray.store.instances.get(id)!.enabled).toBe(false);
    expect(onDisabled).toHaveBeenCalledTimes(1);
    expect(button('Configure')).toBeInTheDocument();
  });

  it('an invalid wizard URL is shown, the popup closed, nothing enabled', async () => {
    const { user, onError } = renderEnabler({ getWizardUrl: async () => 'http://embedded.tray.io/x' });
    await screen.findByText('Disabled');
    await user.click(button('Configure'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The setup page could not be opened.');
    expect(popup.close).toHaveBeenCalled();
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'invalid_wizard_url' });
    expect(sent()).toHaveLength(0);
  });

  it('replaces every visible string through labels', async () => {
    renderEnabler({ labels: { configure: 'Set up', enable: 'Turn on', disabled: 'Off' } });
    expect(await screen.findByText('Off')).toBeInTheDocument();
    expect(button('Set up')).toBeInTheDocument();
    expect(button('Turn on')).toBeInTheDocument();
  });

  it('unmounting removes every message listener and timer', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const intervals = vi.spyOn(window, 'setInterval');
    const cleared = vi.spyOn(window, 'clearInterval');
    const { user, unmount } = renderEnabler();
    await openWizard(user);
    const messageAdds = added.mock.calls.filter(([type]) => type === 'message');
    expect(messageAdds.length).toBeGreaterThan(0);
    unmount();
    for (const [, listener] of messageAdds) {
      expect(removed.mock.calls.some(([type, l]) => type === 'message' && l === listener)).toBe(true);
    }
    const ids = intervals.mock.results.map((r) => r.value);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(cleared.mock.calls.some(([c]) => c === id)).toBe(true);
    expect(popup.close).toHaveBeenCalled();
  });
});

describe('SolutionInstanceEnabler without getWizardUrl', () => {
  it('asks the server handler’s default route for the URL, with JSON', async () => {
    // The page's global fetch is the harness's: the default fetcher reaches the real handler.
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(tray.fetch);
    render(<SolutionInstanceEnabler solutionInstanceId={ID} />, { wrapper: tray.wrapper });
    await screen.findByText('Disabled');
    await userEvent.click(button('Configure'));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(ID)));
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(url).toBe('/api/tray/wizard-url');
    expect(init).toMatchObject({ method: 'POST', body: JSON.stringify({ solutionInstanceId: ID }) });
    expect((init!.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(tray.requests('generateAuthorizationCode')).toHaveLength(1);
  });

  it('shows the server’s refusal as an alert, with nothing enabled', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(tray.fetch);
    render(<SolutionInstanceEnabler solutionInstanceId={ID} />, { wrapper: tray.wrapper });
    await screen.findByText('Disabled');
    tray.store.instances.delete(ID); // removed elsewhere: the handler answers 404
    await userEvent.click(button('Configure'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This integration no longer exists.');
    expect(tray.backend.requests.at(-1)).toMatchObject({ path: '/api/tray/wizard-url' });
    expect(popup.close).toHaveBeenCalled();
    expect(sent()).toHaveLength(0);
  });
});

describe('several enablers on one Apollo client', () => {
  it('query once each: Tray’s id-less Viewer is merged, not overwritten (no refetch loop)', async () => {
    render(
      <>
        <SolutionInstanceEnabler solutionInstanceId={ID} getWizardUrl={tray.getWizardUrl} />
        <SolutionInstanceEnabler solutionInstanceId="si-does-not-exist" getWizardUrl={tray.getWizardUrl} />
      </>,
      { wrapper: tray.wrapper },
    );
    await screen.findByText('Disabled');
    await screen.findByText('Integration not found');
    await act(async () => {}); // React's pending work (effects of the last render) done
    // The cause of a refetch loop, checked where it lives: both answers are kept side by side.
    const viewer = (tray.client.cache.extract() as Record<string, any>)['ROOT_QUERY']['viewer'] as Record<string, unknown>;
    expect(Object.keys(viewer).filter((key) => key.startsWith('solutionInstances')).sort()).toEqual(
      [`solutionInstances({"criteria":{"id":"${ID}"}})`, 'solutionInstances({"criteria":{"id":"si-does-not-exist"}})'].sort(),
    );
    expect(tray.requests('SolutionInstance').map((entry) => entry.variables?.['id']).sort()).toEqual([ID, 'si-does-not-exist'].sort());
  });
});

describe('keyboard and focus', () => {
  it('gives focus back to Configure when the wizard closes', async () => {
    const { user } = renderEnabler();
    await screen.findByText('Disabled');
    button('Configure').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(ID)));
    button('Enable').focus();
    act(() => postFromWizard({ type: 'tray.configPopup.cancel' }, { source: popup }));
    await waitFor(() => expect(button('Configure')).toHaveFocus());
  });

  it('opens the wizard from the keyboard (Enter and Space)', async () => {
    const { user } = renderEnabler();
    await screen.findByText('Disabled');
    await user.tab();
    expect(button('Configure')).toHaveFocus();
    await user.keyboard(' ');
    expect(window.open).toHaveBeenCalledTimes(1);
  });
});
