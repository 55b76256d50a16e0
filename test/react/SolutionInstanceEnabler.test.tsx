import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SolutionInstanceEnabler, type SolutionInstanceEnablerProps } from '../../src';
import { createFakeTray } from '../support/fakeTrayLink';
import { WIZARD_URL, createFakePopup, postFromWizard, stubWindowOpen, type FakePopup } from '../support/fakePopup';

let popup: FakePopup;
let tray: ReturnType<typeof createFakeTray>;

beforeEach(() => {
  popup = createFakePopup();
  stubWindowOpen(popup);
  tray = createFakeTray();
});

function renderEnabler(props: Partial<SolutionInstanceEnablerProps> = {}) {
  const callbacks = { onEnabled: vi.fn(), onDisabled: vi.fn(), onCancel: vi.fn(), onError: vi.fn() };
  const getWizardUrl = vi.fn(async () => WIZARD_URL);
  const view = render(
    <SolutionInstanceEnabler solutionInstanceId="si-1" instanceName="My CRM" getWizardUrl={getWizardUrl} {...callbacks} {...props} />,
    { wrapper: tray.wrapper },
  );
  return { ...view, ...callbacks, getWizardUrl, user: userEvent.setup() };
}

const status = () => screen.getByRole('status');
const button = (name: string) => screen.getByRole('button', { name });

async function openWizard(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByText('Disabled');
  await user.click(button('Configure'));
  await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
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
  expect(tray.mutations()).toHaveLength(0);
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
    expect(getWizardUrl).toHaveBeenCalledWith('si-1');
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(tray.mutations()).toEqual([
      {
        operationName: 'UpdateSolutionInstance',
        variables: { input: { solutionInstanceId: 'si-1', instanceName: 'My CRM', enabled: true, errorOnEnablingWithMissingValues: true } },
      },
    ]);
    expect(popup.close).toHaveBeenCalled();
    expect(onEnabled).toHaveBeenCalledTimes(1);
    expect(onEnabled.mock.calls[0]?.[0]).toMatchObject({ id: 'si-1', enabled: true });
    expect(button('Reconfigure')).toBeInTheDocument();
    expect(button('Disable')).toBeInTheDocument();
  });

  it('finish sent five times still sends one mutation (StrictMode double mount included)', async () => {
    const { user } = renderEnabler();
    await openWizard(user);
    const release = tray.holdMutations();
    for (let i = 0; i < 5; i += 1) finish();
    await waitFor(() => expect(status()).toHaveTextContent('Enabling…'));
    release();
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(tray.mutations()).toHaveLength(1);
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
    expect(status()).toHaveTextContent('Waiting for the wizard…');
    await expectStillListening();
  });

  it.each([['a string', 'tray.configPopup.finish'], ['an unknown type', { type: 'tray.configPopup.finished' }], ['null', null]])(
    'ignores a malformed payload: %s',
    async (_label, data) => {
      const { user } = renderEnabler();
      await openWizard(user);
      act(() => postFromWizard(data, { source: popup }));
      expect(status()).toHaveTextContent('Waiting for the wizard…');
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
    expect(tray.mutations()).toHaveLength(0);
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
    expect(tray.mutations()).toHaveLength(0);
  });

  it('a blocked popup explains itself and Enable still works', async () => {
    stubWindowOpen(null);
    const { user, onEnabled } = renderEnabler();
    await screen.findByText('Disabled');
    await user.click(button('Configure'));
    expect(screen.getByRole('alert')).toHaveTextContent('Allow pop-ups, or use Enable');
    await user.click(button('Enable'));
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(tray.mutations()[0]?.variables.input).toMatchObject({ enabled: true, errorOnEnablingWithMissingValues: true });
    expect(onEnabled).toHaveBeenCalledTimes(1);
  });

  it('missing values → alert with Finish setup, status stays Disabled; Finish setup reopens the wizard', async () => {
    tray.setMissingValues(true);
    const { user, onError, onEnabled } = renderEnabler();
    await openWizard(user);
    finish();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some required settings are missing.');
    expect(status()).toHaveTextContent('Disabled');
    expect(onError.mock.calls.at(-1)?.[0]).toMatchObject({ code: 'missing_values' });
    expect(onEnabled).not.toHaveBeenCalled();
    popup = createFakePopup();
    stubWindowOpen(popup);
    await user.click(button('Finish setup'));
    expect(window.open).toHaveBeenCalledTimes(2);
    tray.setMissingValues(false);
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(tray.mutations()).toHaveLength(2);
  });

  it('a network error shows Try again, and retrying enables', async () => {
    tray.failNextMutation(new TypeError('Failed to fetch'));
    const { user } = renderEnabler();
    await screen.findByText('Disabled');
    await user.click(button('Enable'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the server.');
    expect(status()).toHaveTextContent('Disabled');
    await user.click(button('Try again'));
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(tray.mutations()).toHaveLength(2);
  });

  it('a server that answers enabled: false is not shown as enabled', async () => {
    tray.failNextMutation({ data: { updateSolutionInstance: { __typename: 'UpdateSolutionInstancePayload', solutionInstance: { __typename: 'SolutionInstance', id: 'si-1', name: 'x', enabled: false, created: '2026-11-01T00:00:00Z', solution: { __typename: 'Solution', id: 'sol-1', title: 't' }, solutionVersionFlags: { __typename: 'SolutionVersionFlags', hasNewerVersion: false, requiresUserInputToUpdateVersion: false, requiresSystemInputToUpdateVersion: false } } } } });
    const { user, onEnabled } = renderEnabler();
    await screen.findByText('Disabled');
    await user.click(button('Enable'));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Disabled');
    expect(onEnabled).not.toHaveBeenCalled();
  });

  it('disables an enabled instance', async () => {
    tray.instance.enabled = true;
    const { user, onDisabled } = renderEnabler();
    await screen.findByText('Enabled');
    await user.click(button('Disable'));
    await waitFor(() => expect(status()).toHaveTextContent('Disabled'));
    expect(tray.mutations()[0]?.variables).toEqual({ input: { solutionInstanceId: 'si-1', enabled: false } });
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
    expect(tray.mutations()).toHaveLength(0);
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
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json({ url: WIZARD_URL }));
    render(<SolutionInstanceEnabler solutionInstanceId="si-1" />, { wrapper: tray.wrapper });
    await screen.findByText('Disabled');
    await userEvent.click(button('Configure'));
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/tray/wizard-url');
    expect(init).toMatchObject({ method: 'POST', body: JSON.stringify({ solutionInstanceId: 'si-1' }) });
    expect((init!.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('shows the server’s refusal as an alert, with nothing enabled', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json({ error: { code: 'not_found', message: 'No such instance' } }, { status: 404 }));
    render(<SolutionInstanceEnabler solutionInstanceId="si-1" />, { wrapper: tray.wrapper });
    await screen.findByText('Disabled');
    await userEvent.click(button('Configure'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The setup page could not be opened.');
    expect(popup.close).toHaveBeenCalled();
    expect(tray.mutations()).toHaveLength(0);
  });
});

describe('several enablers on one Apollo client', () => {
  it('query once each: Tray’s id-less Viewer is merged, not overwritten (no refetch loop)', async () => {
    render(
      <>
        <SolutionInstanceEnabler solutionInstanceId="si-1" getWizardUrl={async () => WIZARD_URL} />
        <SolutionInstanceEnabler solutionInstanceId="si-2" getWizardUrl={async () => WIZARD_URL} />
      </>,
      { wrapper: tray.wrapper },
    );
    await screen.findByText('Disabled');
    await screen.findByText('Integration not found');
    await act(async () => {}); // React's pending work (effects of the last render) done
    // The cause of a refetch loop, checked where it lives: both answers are kept side by side.
    const viewer = (tray.client.cache.extract() as Record<string, any>)['ROOT_QUERY']['viewer'] as Record<string, unknown>;
    expect(Object.keys(viewer).filter((key) => key.startsWith('solutionInstances')).sort()).toEqual([
      'solutionInstances({"criteria":{"id":"si-1"}})',
      'solutionInstances({"criteria":{"id":"si-2"}})',
    ]);
    expect(tray.calls.filter((c) => c.operationName === 'SolutionInstance').map((c) => c.variables['id']).sort()).toEqual(['si-1', 'si-2']);
  });
});

describe('keyboard and focus', () => {
  it('gives focus back to Configure when the wizard closes', async () => {
    const { user } = renderEnabler();
    await screen.findByText('Disabled');
    button('Configure').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
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
