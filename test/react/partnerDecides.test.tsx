import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SolutionInstanceEnabler, type SolutionInstanceEnablerProps } from '../../src';
import { SEED_IDS } from '../../src/mock-tray/seed';
import type { InProcessTrayOptions } from '../../src/mock-tray/inProcess';
import { createFakePopup, postFromWizard, stubWindowOpen, type FakePopup } from '../support/fakePopup';
import { createTestTray, wizardUrlFor, type TestTray } from '../support/testTray';

const READY = SEED_IDS.instances.disabledComplete;
const REVIEWED = 'si-reviewed-test';
const REASON = 'Your plan does not include exports. Upgrade to Pro to activate it.';

let popup: FakePopup;
let tray: TestTray;

function setUp(handler: InProcessTrayOptions['handler'] = {}) {
  tray = createTestTray({ handler });
  // An instance of the seed's `disableAutoEnable` solution, disabled, nothing missing.
  tray.store.createInstance({ id: REVIEWED, name: 'HubSpot contacts', solutionId: SEED_IDS.solutions.reviewed, owner: SEED_IDS.demoUser });
}

beforeEach(() => {
  popup = createFakePopup();
  stubWindowOpen(popup);
});

function renderEnabler(props: Partial<SolutionInstanceEnablerProps> & { solutionInstanceId: string }) {
  const callbacks = { onEnabled: vi.fn(), onError: vi.fn() };
  render(<SolutionInstanceEnabler getWizardUrl={tray.getWizardUrl} {...callbacks} {...props} />, { wrapper: tray.wrapper });
  return { ...callbacks, user: userEvent.setup() };
}

const status = () => screen.getByRole('status');
const updates = () => tray.mutations('updateSolutionInstance');

describe('a refusal by the partner’s beforeEnable', () => {
  it('shows the partner’s words, stays Disabled, offers no Finish setup, and nothing reached Tray', async () => {
    setUp({ beforeEnable: () => ({ refuse: REASON }) });
    const { user, onError, onEnabled } = renderEnabler({ solutionInstanceId: READY });
    await screen.findByText('Disabled');
    await user.click(screen.getByRole('button', { name: 'Enable' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Not activated. ${REASON}`);
    expect(within(alert).queryByRole('button', { name: 'Finish setup' })).toBeNull();
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(status()).toHaveTextContent('Disabled');
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'refused', message: REASON });
    expect(onEnabled).not.toHaveBeenCalled();
    expect(updates()).toEqual([]);
  });

  it('after the wizard too; Finish setup only when the partner asks for it', async () => {
    setUp({ beforeEnable: () => ({ refuse: REASON }) });
    const { user } = renderEnabler({ solutionInstanceId: READY, offerSetupWhenRefused: true });
    await screen.findByText('Disabled');
    await user.click(screen.getByRole('button', { name: 'Configure' }));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(READY)));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(REASON);
    expect(within(alert).getByRole('button', { name: 'Finish setup' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('Disabled');
  });

  it('the label is replaceable', async () => {
    setUp({ beforeEnable: () => ({ refuse: REASON }) });
    const { user } = renderEnabler({ solutionInstanceId: READY, labels: { enableRefused: 'Pas activé.' } });
    await screen.findByText('Disabled');
    await user.click(screen.getByRole('button', { name: 'Enable' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`Pas activé. ${REASON}`);
  });
});

describe('disableAutoEnable', () => {
  it('the wizard’s finish enables nothing: set up, waiting for activation; Enable stays', async () => {
    setUp();
    const { user, onEnabled } = renderEnabler({ solutionInstanceId: REVIEWED });
    await screen.findByText('Disabled');
    await user.click(screen.getByRole('button', { name: 'Configure' }));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(REVIEWED)));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
    await waitFor(() => expect(status()).toHaveTextContent('Set up — waiting for activation'));
    expect(status()).toHaveTextContent('Disabled');
    expect(updates()).toEqual([]);
    expect(onEnabled).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Enable' })).toBeInTheDocument();
    // The partner enables it (its console, admin route or own backend); the user may too.
    await user.click(screen.getByRole('button', { name: 'Enable' }));
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(status()).not.toHaveTextContent('waiting for activation');
  });

  it('with allowUserEnable={false} only the partner enables: no Enable button', async () => {
    setUp();
    renderEnabler({ solutionInstanceId: REVIEWED, allowUserEnable: false, labels: { awaitingActivation: 'Under review' } });
    await screen.findByText('Disabled');
    expect(screen.queryByRole('button', { name: 'Enable' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Configure' })).toBeInTheDocument();
  });

  it('a solution without it still enables on finish', async () => {
    setUp();
    const { user } = renderEnabler({ solutionInstanceId: READY });
    await screen.findByText('Disabled');
    await user.click(screen.getByRole('button', { name: 'Configure' }));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(READY)));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
    await waitFor(() => expect(status()).toHaveTextContent('Enabled'));
    expect(updates()).toHaveLength(1);
  });
});
