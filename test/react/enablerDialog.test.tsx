import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SolutionInstanceEnabler, type SolutionInstanceEnablerProps } from '../../src';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { createFakePopup, postFromWizard, stubWindowOpen } from '../support/fakePopup';
import { createTestTray, wizardUrlFor, type TestTray } from '../support/testTray';

/** Seeded: disabled, every required value set, so enabling works straight away. */
const ID = SEED_IDS.instances.disabledComplete;
let tray: TestTray;

beforeEach(() => {
  stubWindowOpen(createFakePopup());
  tray = createTestTray();
});

function renderEnabler(props: Partial<SolutionInstanceEnablerProps> = {}) {
  const callbacks = { onEnabled: vi.fn(), onCancel: vi.fn(), onError: vi.fn() };
  render(<SolutionInstanceEnabler solutionInstanceId={ID} getWizardUrl={tray.getWizardUrl} {...callbacks} {...props} />, { wrapper: tray.wrapper });
  return { ...callbacks, user: userEvent.setup() };
}

const status = () => screen.getAllByRole('status')[0]!;
const button = (name: string) => screen.getByRole('button', { name });
const frame = () => document.querySelector('dialog iframe') as HTMLIFrameElement | null;
const enables = () => tray.mutations('updateSolutionInstance');
const fromWizard = (type: string) => act(() => postFromWizard({ type }, { source: frame()!.contentWindow }));

async function configureInDialog(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByText('Disabled');
  await user.click(button('Configure'));
  await waitFor(() => expect(frame()?.src).toMatch(wizardUrlFor(ID)));
}

describe('SolutionInstanceEnabler with presentation="dialog"', () => {
  it('shows the wizard in a titled dialog with a titled frame; its finish enables once with both flags', async () => {
    const { user, onEnabled } = renderEnabler({ presentation: 'dialog' });
    await configureInDialog(user);
    expect(window.open).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Set up integration' });
    expect(within(dialog).getByTitle('Set up integration').tagName).toBe('IFRAME');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Loading the setup page…');
    expect(status()).toHaveTextContent('Waiting for the wizard…');
    fromWizard('tray.configPopup.ready');
    expect(within(dialog).getByRole('status')).toHaveTextContent('');
    const wizard = frame()!.contentWindow;
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: wizard }));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: wizard }));
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(enables()).toEqual([{ input: { solutionInstanceId: ID, enabled: true, errorOnEnablingWithMissingValues: true } }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onEnabled).toHaveBeenCalledTimes(1);
  });

  it('a finish from the page itself or another frame is ignored', async () => {
    const { user } = renderEnabler({ presentation: 'dialog' });
    await configureInDialog(user);
    const other = document.body.appendChild(document.createElement('iframe'));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: window }));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: other.contentWindow }));
    fromWizard('tray.configPopup.cancel'); // still listening: the wizard's own cancel ends it
    await waitFor(() => expect(status()).toHaveTextContent('Setup was cancelled.'));
    expect(enables()).toEqual([]);
    other.remove();
  });

  it('Escape closes it unfinished: no mutation, onCancel, the notice, focus back on Configure', async () => {
    const { user, onCancel } = renderEnabler({ presentation: 'dialog' });
    await configureInDialog(user);
    act(() => void screen.getByRole('dialog').dispatchEvent(new Event('cancel', { cancelable: true })));
    await waitFor(() => expect(status()).toHaveTextContent('The setup window was closed before finishing.'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(enables()).toEqual([]);
    expect(button('Configure')).toHaveFocus();
  });

  it('its texts are labels', async () => {
    const { user } = renderEnabler({ presentation: 'dialog', labels: { dialogTitle: 'Slack einrichten', closeDialog: 'Schließen', dialogLoading: 'Lädt…' } });
    await configureInDialog(user);
    const dialog = screen.getByRole('dialog', { name: 'Slack einrichten' });
    expect(within(dialog).getByRole('button', { name: 'Schließen' })).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Lädt…');
  });
});

describe('a blocked popup → Open here', () => {
  it('opens the same wizard in the page; its finish enables; Finish setup stays in the page', async () => {
    stubWindowOpen(null);
    const { user, onEnabled } = renderEnabler();
    await screen.findByText('Disabled');
    await user.click(button('Configure'));
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Open here' }));
    await waitFor(() => expect(frame()?.src).toMatch(wizardUrlFor(ID)));
    expect(screen.queryByRole('alert')).toBeNull();
    fromWizard('tray.configPopup.finish');
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(enables()).toHaveLength(1);
    expect(onEnabled).toHaveBeenCalledTimes(1);
    await user.click(button('Reconfigure'));
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(window.open).toHaveBeenCalledTimes(1); // only the first, blocked, attempt
  });
});

describe('a wizard that never answers', () => {
  it('adds "not responding" to the status after noResponseMs, keeps waiting, and drops it when the wizard speaks', async () => {
    const popup = createFakePopup();
    stubWindowOpen(popup);
    const { user } = renderEnabler({ noResponseMs: 30 });
    await screen.findByText('Disabled');
    await user.click(button('Configure'));
    // The library's own timer is what is tested: the test waits for the text it leads to.
    await waitFor(() => expect(status()).toHaveTextContent('Waiting for the wizard… The setup window is not responding.'));
    act(() => postFromWizard({ type: 'tray.configPopup.ready' }, { source: popup }));
    expect(status()).toHaveTextContent('Waiting for the wizard…');
    expect(status()).not.toHaveTextContent('not responding');
  });
});
