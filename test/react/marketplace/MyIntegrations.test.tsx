import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MyIntegrations, type MyIntegrationsProps } from '../../../src/react/marketplace/MyIntegrations';
import { createFakeMarketplace, instance, solution, type FakeMarketplace } from '../../support/fakeMarketplaceLink';
import { WIZARD_URL, createFakePopup, postFromWizard, stubWindowOpen, type FakePopup } from '../../support/fakePopup';

let tray: FakeMarketplace;
let popup: FakePopup;

beforeEach(() => {
  popup = createFakePopup();
  stubWindowOpen(popup);
  tray = createFakeMarketplace({
    solutions: [solution('sol-1', 'Salesforce CRM sync'), solution('sol-2', 'Slack alerts')],
    instances: [
      instance('si-1', 'CRM sync', { enabled: true }),
      instance('si-2', 'Alerts', { solutionId: 'sol-2', missingValues: true }),
      instance('si-3', 'Old CRM', { hasNewerVersion: true }),
    ],
  });
});

function renderList(props: Partial<MyIntegrationsProps> = {}) {
  const getWizardUrl = vi.fn(async () => WIZARD_URL);
  const view = render(<MyIntegrations getWizardUrl={getWizardUrl} {...props} />, { wrapper: tray.wrapper });
  return { ...view, getWizardUrl, user: userEvent.setup() };
}

const row = (name: string) => screen.getByRole('listitem', { name });
const inRow = (name: string, button: string) => within(row(name)).getByRole('button', { name: button });
const badge = (name: string) => row(name).querySelector('.rte-badge--state')!;
const updates = () => tray.callsTo('MarketplaceUpdateSolutionInstance').map((c) => c.variables.input);

describe('MyIntegrations', () => {
  it('shows a skeleton, then each instance with its solution and status', async () => {
    const { container } = renderList();
    expect(screen.getByText('Loading integrations…')).toBeInTheDocument();
    expect(container.querySelectorAll('.rte-skeleton__item').length).toBeGreaterThan(0);
    expect(await screen.findByRole('list', { name: 'My integrations' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((item) => item.getAttribute('data-state'))).toEqual(['enabled', 'disabled', 'disabled']);
    expect(badge('CRM sync')).toHaveTextContent('Enabled');
    expect(within(row('Alerts')).getByText(/Slack alerts/)).toBeInTheDocument();
    expect(inRow('CRM sync', 'Disable')).toBeInTheDocument();
    expect(inRow('Alerts', 'Enable')).toBeInTheDocument();
    expect(container.querySelector('.rte-skeleton')).toBeNull();
  });

  it('shows the empty state', async () => {
    tray.instances.length = 0;
    renderList({ emptyAction: <a href="#catalog">Open the catalog</a> });
    expect(await screen.findByText(/No integrations yet — browse the catalog/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the catalog' })).toBeInTheDocument();
  });

  it('shows a load error with Try again, which loads the list', async () => {
    tray.failNext('MarketplaceSolutionInstances', new TypeError('Failed to fetch'));
    const { user } = renderList();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your integrations could not be loaded. Could not reach the server.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('listitem', { name: 'CRM sync' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Enable: one mutation with both flags; shown enabled only once the server answered', async () => {
    const { user } = renderList();
    tray.find('si-2')!.missingValues = false;
    const release = tray.hold('MarketplaceUpdateSolutionInstance');
    await screen.findByRole('listitem', { name: 'Alerts' });
    await user.click(inRow('Alerts', 'Enable'));
    expect(badge('Alerts')).toHaveTextContent('Enabling…');
    expect(row('Alerts')).toHaveAttribute('data-state', 'disabled');
    release();
    await waitFor(() => expect(badge('Alerts')).toHaveTextContent('Enabled'));
    expect(updates()).toEqual([{ solutionInstanceId: 'si-2', enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(screen.getByRole('status')).toHaveTextContent('“Alerts” is enabled.');
    expect(inRow('Alerts', 'Disable')).toHaveFocus();
  });

  it('a refused enable leaves the row disabled, says what is missing and offers Finish setup', async () => {
    const { user, getWizardUrl } = renderList();
    await screen.findByRole('listitem', { name: 'Alerts' });
    await user.click(inRow('Alerts', 'Enable'));
    const alert = await within(row('Alerts')).findByRole('alert');
    expect(alert).toHaveTextContent('Some required settings are missing.');
    expect(badge('Alerts')).toHaveTextContent('Disabled');
    await waitFor(() => expect(tray.callsTo('MarketplaceSolutionInstances').length).toBeGreaterThanOrEqual(2));
    await user.click(within(alert).getByRole('button', { name: 'Finish setup' }));
    expect(window.open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(getWizardUrl).toHaveBeenCalledWith('si-2'));
  });

  it('a lost answer (server applied it, the reply failed) shows the row as the server has it', async () => {
    const { user } = renderList();
    tray.failNext('MarketplaceUpdateSolutionInstance', new TypeError('Failed to fetch'), { apply: true });
    await user.click(await within(await screen.findByRole('listitem', { name: 'CRM sync' })).findByRole('button', { name: 'Disable' }));
    expect(await within(row('CRM sync')).findByRole('alert')).toHaveTextContent('Could not reach the server.');
    // Not optimistic, not stale: the reload shows what the server did.
    await waitFor(() => expect(badge('CRM sync')).toHaveTextContent('Disabled'));
    expect(tray.find('si-1')!.enabled).toBe(false);
  });

  it('a failed disable keeps the row enabled and Try again repeats it', async () => {
    const { user } = renderList();
    tray.failNext('MarketplaceUpdateSolutionInstance', { data: null, errors: [{ message: 'Tray is busy' }] });
    await user.click(await within(await screen.findByRole('listitem', { name: 'CRM sync' })).findByRole('button', { name: 'Disable' }));
    const alert = await within(row('CRM sync')).findByRole('alert');
    expect(alert).toHaveTextContent('Tray refused the change. Tray is busy');
    expect(badge('CRM sync')).toHaveTextContent('Enabled');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(badge('CRM sync')).toHaveTextContent('Disabled'));
    expect(updates()).toHaveLength(2);
  });

  it('Reconfigure opens the wizard in the click; finish enables once with both flags', async () => {
    tray.find('si-2')!.missingValues = false;
    let giveUrl!: (url: string) => void;
    const getWizardUrl = vi.fn(() => new Promise<string>((resolve) => (giveUrl = resolve)));
    const { user } = renderList({ getWizardUrl });
    await user.click(await within(await screen.findByRole('listitem', { name: 'Alerts' })).findByRole('button', { name: 'Reconfigure' }));
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(badge('Alerts')).toHaveTextContent('Waiting for the wizard…');
    expect(popup.location.href).toBe(''); // open in the click, before the URL arrives
    giveUrl(WIZARD_URL);
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
    await waitFor(() => expect(badge('Alerts')).toHaveTextContent('Enabled'));
    expect(updates()).toEqual([{ solutionInstanceId: 'si-2', enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(getWizardUrl).toHaveBeenCalledWith('si-2');
  });

  it('Reconfigure cancelled changes nothing and says so', async () => {
    const { user } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: 'Alerts' })).findByRole('button', { name: 'Reconfigure' }));
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    act(() => postFromWizard({ type: 'tray.configPopup.cancel' }, { source: popup }));
    expect(screen.getByRole('status')).toHaveTextContent('Setup was cancelled; nothing changed.');
    expect(updates()).toHaveLength(0);
    expect(inRow('Alerts', 'Reconfigure')).toHaveFocus();
  });

  it('Update available → Update runs upgradeSolutionInstance and the badge goes', async () => {
    const { user } = renderList();
    await screen.findByRole('listitem', { name: 'Old CRM' });
    expect(within(row('Old CRM')).getByText('Update available')).toBeInTheDocument();
    expect(within(row('CRM sync')).queryByText('Update available')).toBeNull();
    await user.click(inRow('Old CRM', 'Update'));
    await waitFor(() => expect(within(row('Old CRM')).queryByText('Update available')).toBeNull());
    expect(tray.callsTo('MarketplaceUpgradeSolutionInstance').map((c) => c.variables)).toEqual([{ input: { solutionInstanceId: 'si-3' } }]);
    expect(screen.getByRole('status')).toHaveTextContent('“Old CRM” is up to date.');
  });

  it('an update that needs the user’s input goes through the wizard, then enables', async () => {
    tray.find('si-3')!.requiresUserInput = true;
    const { user } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: 'Old CRM' })).findByRole('button', { name: 'Update' }));
    expect(window.open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
    await waitFor(() => expect(badge('Old CRM')).toHaveTextContent('Enabled'));
    expect(tray.callsTo('MarketplaceUpgradeSolutionInstance')).toHaveLength(0);
    expect(updates()).toEqual([{ solutionInstanceId: 'si-3', enabled: true, errorOnEnablingWithMissingValues: true }]);
  });

  it('Remove asks first; Cancel keeps it and returns focus; confirming removes it from the list and the cache', async () => {
    const { user } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: 'Alerts' })).findByRole('button', { name: 'Remove' }));
    const confirm = within(row('Alerts')).getByRole('group', { name: 'Remove “Alerts”? Its settings are deleted and it stops running.' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(inRow('Alerts', 'Remove')).toHaveFocus();
    expect(tray.callsTo('MarketplaceRemoveSolutionInstance')).toHaveLength(0);

    await user.click(inRow('Alerts', 'Remove'));
    await user.click(within(row('Alerts')).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Alerts' })).toBeNull());
    expect(tray.callsTo('MarketplaceRemoveSolutionInstance').map((c) => c.variables)).toEqual([{ input: { solutionInstanceId: 'si-2' } }]);
    expect(screen.getByRole('status')).toHaveTextContent('“Alerts” was removed.');
    expect((tray.client.cache.extract() as Record<string, unknown>)['SolutionInstance:si-2']).toBeUndefined();
    expect(screen.getByRole('list', { name: 'My integrations' })).toHaveFocus();
    expect(tray.callsTo('MarketplaceSolutionInstances')).toHaveLength(1);
  });

  it('removing the last integration shows the empty state and keeps focus in the view', async () => {
    tray.instances.splice(1);
    const { user, container } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: 'CRM sync' })).findByRole('button', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(await screen.findByText('No integrations yet — browse the catalog')).toBeInTheDocument();
    await waitFor(() => expect(container.querySelector('.rte-integrations')).toHaveFocus());
  });

  it('Rename: the field takes focus; Enter saves through updateSolutionInstance', async () => {
    const { user } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: 'CRM sync' })).findByRole('button', { name: 'Rename' }));
    const field = within(row('CRM sync')).getByRole('textbox', { name: 'New name' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Sales CRM{Enter}');
    expect(await screen.findByRole('listitem', { name: 'Sales CRM' })).toBeInTheDocument();
    expect(updates()).toEqual([{ solutionInstanceId: 'si-1', instanceName: 'Sales CRM' }]);
    expect(inRow('Sales CRM', 'Rename')).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Renamed to “Sales CRM”.');
  });

  it('refetches on window focus and removes its listeners on unmount', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const { unmount } = renderList();
    await screen.findByRole('listitem', { name: 'Alerts' });
    tray.find('si-2')!.enabled = true; // changed elsewhere, e.g. another tab
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(badge('Alerts')).toHaveTextContent('Enabled'));
    const onFocus = added.mock.calls.filter(([type]) => type === 'focus').map(([, listener]) => listener);
    expect(onFocus.length).toBeGreaterThan(0);
    unmount();
    const offFocus = removed.mock.calls.filter(([type]) => type === 'focus').map(([, listener]) => listener);
    expect(onFocus.every((listener) => offFocus.includes(listener))).toBe(true);
    const before = tray.callsTo('MarketplaceSolutionInstances').length;
    window.dispatchEvent(new Event('focus'));
    expect(tray.callsTo('MarketplaceSolutionInstances')).toHaveLength(before);
  });

  it('pages with first/after and "Load more"; a focus refetch reloads everything shown in one request', async () => {
    tray.instances.push(instance('si-4', 'Four'), instance('si-5', 'Five'));
    const { user } = renderList({ pageSize: 2 });
    await screen.findByRole('listitem', { name: 'Alerts' });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('Showing 2 of 5')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('listitem', { name: 'Four' });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('listitem', { name: 'Five' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(tray.callsTo('MarketplaceSolutionInstances').map((c) => c.variables)).toEqual([
      { first: 2 },
      { first: 2, after: 'si-2' },
      { first: 2, after: 'si-4' },
    ]);
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(tray.callsTo('MarketplaceSolutionInstances')).toHaveLength(4));
    expect(tray.callsTo('MarketplaceSolutionInstances')[3]!.variables).toEqual({ first: 5, after: null });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(5));
    // The hook's own variables ({ first: 2 }) do not snap the list back to one page on a re-render.
    await user.click(inRow('Four', 'Enable'));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('“Four” is enabled.'));
    await act(async () => {}); // the re-render after the change, and its effects, have run
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
    expect(tray.callsTo('MarketplaceSolutionInstances')).toHaveLength(4);
  });
});
