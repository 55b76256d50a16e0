import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { SolutionCatalog, type SolutionCatalogProps } from '../../../src/react/marketplace/SolutionCatalog';
import { createFakeMarketplace, solution, type FakeMarketplace } from '../../support/fakeMarketplaceLink';
import { WIZARD_URL, createFakePopup, postFromWizard, stubWindowOpen, type FakePopup } from '../../support/fakePopup';

let tray: FakeMarketplace;
let popup: FakePopup;

beforeEach(() => {
  popup = createFakePopup();
  stubWindowOpen(popup);
  tray = createFakeMarketplace({ solutions: [solution('sol-slack', 'Slack alerts', ['chat']), solution('sol-s3', 'Warehouse export', ['data'])] });
});

async function renderCatalog(props: Partial<SolutionCatalogProps> = {}) {
  const callbacks = { onAdded: vi.fn(), onCancel: vi.fn(), onRemoved: vi.fn(), onError: vi.fn() };
  const getWizardUrl = vi.fn(async (_id: string) => WIZARD_URL);
  render(<SolutionCatalog getWizardUrl={getWizardUrl} {...callbacks} {...props} />, { wrapper: tray.wrapper });
  await screen.findByRole('listitem', { name: 'Slack alerts' });
  return { ...callbacks, getWizardUrl, user: userEvent.setup() };
}

const addButton = (title: string) => within(screen.getByRole('listitem', { name: title })).getByRole('button', { name: `Add ${title}` });
const status = () => screen.getByRole('status');
const creates = () => tray.callsTo('MarketplaceCreateSolutionInstance').map((c) => c.variables.input);
const enables = () => tray.callsTo('MarketplaceUpdateSolutionInstance').map((c) => c.variables.input);
const removes = () => tray.callsTo('MarketplaceRemoveSolutionInstance').map((c) => c.variables.input);
const finish = () => act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
const cancel = () => act(() => postFromWizard({ type: 'tray.configPopup.cancel' }, { source: popup }));

describe('SolutionCatalog: Add', () => {
  it('opens the popup in the click, creates, loads the wizard, and on finish enables exactly once with both flags', async () => {
    const { user, getWizardUrl, onAdded } = await renderCatalog();
    const release = tray.hold('MarketplaceCreateSolutionInstance');
    await user.click(addButton('Slack alerts'));
    // The popup is open (blank) while createSolutionInstance is still unanswered.
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(vi.mocked(window.open).mock.calls[0]?.[0]).toBe('');
    expect(creates()).toEqual([{ solutionId: 'sol-slack', instanceName: 'Slack alerts' }]);
    expect(tray.instances).toHaveLength(0);
    expect(popup.location.href).toBe('');
    expect(getWizardUrl).not.toHaveBeenCalled();
    expect(status()).toHaveTextContent('Adding “Slack alerts”…');
    release();
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    expect(getWizardUrl).toHaveBeenCalledWith('si-new-1');
    expect(status()).toHaveTextContent('Waiting for the wizard…');
    finish();
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('“Slack alerts” is added and enabled.'));
    expect(enables()).toEqual([{ solutionInstanceId: 'si-new-1', enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(tray.find('si-new-1')).toMatchObject({ enabled: true, name: 'Slack alerts' });
    expect(onAdded).toHaveBeenCalledTimes(1);
    expect(onAdded.mock.calls[0]?.[0]).toMatchObject({ id: 'si-new-1', enabled: true });
    expect(popup.close).toHaveBeenCalled();
    expect(creates()).toHaveLength(1);
  });

  it('creates the instance with the name the user typed (Enter in the field adds too)', async () => {
    const { user } = await renderCatalog();
    const field = within(screen.getByRole('listitem', { name: 'Warehouse export' })).getByRole('textbox', { name: 'Name for Warehouse export' });
    await user.clear(field);
    await user.type(field, 'Nightly S3{Enter}');
    expect(window.open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(creates()).toEqual([{ solutionId: 'sol-s3', instanceName: 'Nightly S3' }]));
  });

  it('cancel after create offers removal; nothing is removed until the user confirms', async () => {
    const { user, onCancel, onRemoved } = await renderCatalog();
    await user.click(addButton('Slack alerts'));
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    cancel();
    const offer = await screen.findByRole('group', { name: 'Setup of “Slack alerts” was not finished. Remove the unfinished integration?' });
    expect(within(offer).getByRole('button', { name: 'Keep it for later' })).toHaveFocus();
    expect(onCancel).toHaveBeenCalledWith(expect.objectContaining({ id: 'si-new-1' }));
    expect(removes()).toEqual([]);
    expect(enables()).toEqual([]);
    // While the user decides, no other Add starts a second half-made instance.
    expect(addButton('Warehouse export')).toHaveAttribute('aria-disabled', 'true');
    await user.click(addButton('Warehouse export'));
    expect(creates()).toHaveLength(1);
    await user.click(within(offer).getByRole('button', { name: 'Remove it' }));
    await waitFor(() => expect(status()).toHaveTextContent('“Slack alerts” was removed.'));
    expect(removes()).toEqual([{ solutionInstanceId: 'si-new-1' }]);
    expect(tray.instances).toHaveLength(0);
    expect(onRemoved).toHaveBeenCalledWith('si-new-1');
    expect(addButton('Warehouse export')).toHaveAttribute('aria-disabled', 'false');
  });

  it('"Keep it for later" keeps the unfinished instance', async () => {
    const { user } = await renderCatalog();
    await user.click(addButton('Slack alerts'));
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    cancel();
    await user.click(await screen.findByRole('button', { name: 'Keep it for later' }));
    expect(screen.queryByRole('group', { name: /not finished/ })).toBeNull();
    expect(removes()).toEqual([]);
    expect(tray.instances.map((i) => i.id)).toEqual(['si-new-1']);
  });

  it('"Continue setup" reopens the wizard for the same instance, without creating another', async () => {
    const { user, getWizardUrl } = await renderCatalog();
    await user.click(addButton('Slack alerts'));
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    cancel();
    popup = createFakePopup();
    stubWindowOpen(popup);
    await user.click(await screen.findByRole('button', { name: 'Continue setup' }));
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('is added and enabled'));
    expect(creates()).toHaveLength(1);
    expect(getWizardUrl.mock.calls).toEqual([['si-new-1'], ['si-new-1']]);
  });

  it('a popup closed while the create is running still offers removal once Tray answers', async () => {
    // Only intervals are fake: the session's closed-poll runs when the test says so, while
    // Testing Library and user-event keep their real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    onTestFinished(() => void vi.useRealTimers());
    const { user, onCancel } = await renderCatalog();
    const release = tray.hold('MarketplaceCreateSolutionInstance');
    await user.click(addButton('Slack alerts'));
    popup.closed = true; // the user closed the blank window at once
    await act(() => vi.advanceTimersByTimeAsync(500)); // the session's closed-poll (every 500 ms) sees it
    expect(onCancel).not.toHaveBeenCalled(); // nothing is decided before Tray answers the create
    release();
    expect(await screen.findByRole('group', { name: /“Slack alerts” was not finished/ })).toBeInTheDocument();
    expect(onCancel).toHaveBeenCalledWith(expect.objectContaining({ id: 'si-new-1' }));
    expect(removes()).toEqual([]);
  });

  it('missing values after finish: an alert with "Finish setup", which reopens the wizard (no second create)', async () => {
    const { user } = await renderCatalog();
    await user.click(addButton('Slack alerts'));
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    tray.find('si-new-1')!.missingValues = true;
    finish();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some required settings are missing.');
    expect(tray.find('si-new-1')!.enabled).toBe(false);
    tray.find('si-new-1')!.missingValues = false;
    popup = createFakePopup();
    stubWindowOpen(popup);
    await user.click(within(alert).getByRole('button', { name: 'Finish setup' }));
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('is added and enabled'));
    expect(creates()).toHaveLength(1);
    expect(enables()).toHaveLength(2);
  });

  it('a failed create closes the popup and says what failed; Try again adds', async () => {
    const { user, onError } = await renderCatalog();
    tray.failNext('MarketplaceCreateSolutionInstance', new TypeError('Failed to fetch'));
    await user.click(addButton('Slack alerts'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not add “Slack alerts”. Could not reach the server.');
    expect(popup.close).toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'network' }));
    popup = createFakePopup();
    stubWindowOpen(popup);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    expect(creates()).toHaveLength(2);
    expect(tray.instances).toHaveLength(1);
  });

  it('a wizard that cannot open after the create says the integration is not set up, and offers to remove it', async () => {
    const { user } = await renderCatalog({ getWizardUrl: vi.fn(async () => 'http://evil.example/wizard') });
    await user.click(addButton('Slack alerts'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“Slack alerts” was added but is not set up yet. The setup page could not be opened.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(removes()).toEqual([]);
    await user.click(within(alert).getByRole('button', { name: 'Remove it' }));
    await waitFor(() => expect(status()).toHaveTextContent('“Slack alerts” was removed.'));
    expect(removes()).toEqual([{ solutionInstanceId: 'si-new-1' }]);
  });

  it('a blocked popup creates nothing and says how to fix it', async () => {
    stubWindowOpen(null);
    const { user } = await renderCatalog();
    await user.click(addButton('Slack alerts'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The setup window was blocked. Allow pop-ups for this site, then try again.');
    expect(creates()).toEqual([]);
  });
});
