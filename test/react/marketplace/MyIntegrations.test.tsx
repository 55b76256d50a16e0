import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cursorFor } from '../../../src/mock-tray/connection';
import { SEED_IDS } from '../../../src/mock-tray/seed';
import { MyIntegrations, type MyIntegrationsProps } from '../../../src/react/marketplace/MyIntegrations';
import { postFromWizard, type FakePopup } from '../../support/fakePopup';
import { createTestTray, freshTrayAndPopup, renderWithTray, wizardUrlFor, type TestTray } from '../../support/testTray';

// The seed's demo user has, in this order: “Salesforce CRM sync” (enabled), “Slack alerts”
// (disabled, a required value missing), “Warehouse export” (disabled, complete) and
// “Zendesk ticket sync” (enabled, a newer version exists).
const { instances: ids } = SEED_IDS;
const CRM = 'Salesforce CRM sync';
const SLACK = 'Slack alerts';
const WAREHOUSE = 'Warehouse export';
const ZENDESK = 'Zendesk ticket sync';

let tray: TestTray;
let popup: FakePopup;

beforeEach(() => {
  ({ tray, popup } = freshTrayAndPopup());
});

function renderList(props: Partial<MyIntegrationsProps> = {}) {
  const getWizardUrl = vi.fn(tray.getWizardUrl);
  return { ...renderWithTray(tray, <MyIntegrations getWizardUrl={getWizardUrl} {...props} />), getWizardUrl };
}

const row = (name: string) => screen.getByRole('listitem', { name });
const inRow = (name: string, button: string) => within(row(name)).getByRole('button', { name: button });
const badge = (name: string) => row(name).querySelector('.rte-badge--state')!;
/** What reached the mock Tray. */
const updates = () => tray.mutations('updateSolutionInstance').map((variables) => variables['input']);
/** What the page sent to the backend. */
const listLoads = () => tray.backend.requests.filter((request) => request.operationName === 'MarketplaceSolutionInstances');
const finish = () => act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));

describe('MyIntegrations', () => {
  it('shows a skeleton, then each instance with its solution and status', async () => {
    const { container } = renderList();
    expect(screen.getByText('Loading integrations…')).toBeInTheDocument();
    expect(container.querySelectorAll('.rte-skeleton__item').length).toBeGreaterThan(0);
    expect(await screen.findByRole('list', { name: 'My integrations' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((item) => item.getAttribute('data-state'))).toEqual(['enabled', 'disabled', 'disabled', 'enabled']);
    expect(badge(CRM)).toHaveTextContent('Enabled');
    expect(within(row(WAREHOUSE)).getByText(/Warehouse export \(CSV to S3\)/)).toBeInTheDocument();
    expect(inRow(CRM, 'Disable')).toBeInTheDocument();
    expect(inRow(SLACK, 'Enable')).toBeInTheDocument();
    expect(container.querySelector('.rte-skeleton')).toBeNull();
  });

  it('shows the empty state', async () => {
    tray = createTestTray({ seed: false });
    renderList({ emptyAction: <a href="#catalog">Open the catalog</a> });
    expect(await screen.findByText(/No integrations yet — browse the catalog/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the catalog' })).toBeInTheDocument();
  });

  it('shows a load error with Try again, which loads the list', async () => {
    tray.backend.unreachable('MarketplaceSolutionInstances');
    const { user } = renderList();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your integrations could not be loaded. Could not reach the server.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('listitem', { name: CRM })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Enable: one mutation with both flags; shown enabled only once the server answered', async () => {
    const { user } = renderList();
    const hold = tray.faults.hold('updateSolutionInstance');
    await screen.findByRole('listitem', { name: WAREHOUSE });
    await user.click(inRow(WAREHOUSE, 'Enable'));
    expect(badge(WAREHOUSE)).toHaveTextContent('Enabling…');
    expect(row(WAREHOUSE)).toHaveAttribute('data-state', 'disabled');
    await hold.arrived();
    expect(row(WAREHOUSE)).toHaveAttribute('data-state', 'disabled');
    hold.release();
    await waitFor(() => expect(badge(WAREHOUSE)).toHaveTextContent('Enabled'));
    expect(updates()).toEqual([{ solutionInstanceId: ids.disabledComplete, enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(screen.getByRole('status')).toHaveTextContent('“Warehouse export” is enabled.');
    expect(inRow(WAREHOUSE, 'Disable')).toHaveFocus();
  });

  it('a refused enable (a required value missing) leaves the row disabled, says what is missing and offers Finish setup', async () => {
    const { user, getWizardUrl } = renderList();
    await screen.findByRole('listitem', { name: SLACK });
    await user.click(inRow(SLACK, 'Enable'));
    const alert = await within(row(SLACK)).findByRole('alert');
    expect(alert).toHaveTextContent('Some required settings are missing. Slack channel is required.');
    expect(badge(SLACK)).toHaveTextContent('Disabled');
    expect(tray.store.events.at(-1)).toMatchObject({ type: 'updateSolutionInstance', outcome: 'missing_values' });
    await waitFor(() => expect(listLoads().length).toBeGreaterThanOrEqual(2));
    await user.click(within(alert).getByRole('button', { name: 'Finish setup' }));
    expect(window.open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(getWizardUrl).toHaveBeenCalledWith(ids.disabledMissingValues, { customValidation: false }));
  });

  it('a lost answer (server applied it, the reply failed) shows the row as the server has it', async () => {
    const { user } = renderList();
    tray.faults.loseAnswer('updateSolutionInstance');
    await user.click(await within(await screen.findByRole('listitem', { name: CRM })).findByRole('button', { name: 'Disable' }));
    expect(await within(row(CRM)).findByRole('alert')).toHaveTextContent('Could not reach the server.');
    // Not optimistic, not stale: the reload shows what the server did.
    await waitFor(() => expect(badge(CRM)).toHaveTextContent('Disabled'));
    expect(tray.store.instances.get(ids.enabledComplete)!.enabled).toBe(false);
  });

  it('the reload after a failed action keeps the rows on screen (no skeleton), so the row keeps its alert', async () => {
    const { user, container } = renderList();
    const disable = await within(await screen.findByRole('listitem', { name: CRM })).findByRole('button', { name: 'Disable' });
    const skeletons: string[] = [];
    const watch = new MutationObserver(() => {
      if (container.querySelector('.rte-skeleton')) skeletons.push('skeleton shown');
    });
    watch.observe(container, { childList: true, subtree: true });
    tray.faults.graphqlErrors('updateSolutionInstance', [{ message: 'Tray is busy' }]);
    await user.click(disable);
    await waitFor(() => expect(listLoads()).toHaveLength(2));
    await screen.findByRole('listitem', { name: CRM });
    watch.disconnect();
    expect(skeletons).toEqual([]);
  });

  it('a notice gives way: “removed” is cleared by a later failure in another row, and the next outcome replaces it', async () => {
    const { user } = renderList();
    await screen.findByRole('list', { name: 'My integrations' });
    const status = () => screen.getAllByRole('status')[0]!;
    await user.click(inRow(WAREHOUSE, 'Remove'));
    await user.click(inRow(WAREHOUSE, 'Yes, remove'));
    await waitFor(() => expect(status()).toHaveTextContent('“Warehouse export” was removed.'));
    await user.click(inRow(SLACK, 'Enable'));
    await within(row(SLACK)).findByRole('alert');
    expect(status()).toHaveTextContent(/^$/);
    await user.click(inRow(CRM, 'Disable'));
    await waitFor(() => expect(status()).toHaveTextContent('“Salesforce CRM sync” is disabled.'));
  });

  it('one primary action per row, and the solution named only when the name does not say it', async () => {
    renderList();
    await screen.findByRole('list', { name: 'My integrations' });
    const primaries = (name: string) => [...row(name).querySelectorAll('.rte-button--primary')].map((button) => button.textContent);
    expect([CRM, SLACK, WAREHOUSE, ZENDESK].map(primaries)).toEqual([['Reconfigure'], ['Enable'], ['Enable'], ['Update']]);
    expect(row(SLACK).querySelector('.rte-row__meta')).not.toHaveTextContent(SLACK);
    expect(row(WAREHOUSE).querySelector('.rte-row__meta')).toHaveTextContent('Warehouse export (CSV to S3) ·');
  });

  it('a failed disable keeps the row enabled and Try again repeats it', async () => {
    const { user } = renderList();
    tray.faults.graphqlErrors('updateSolutionInstance', [{ message: 'Tray is busy' }]);
    await user.click(await within(await screen.findByRole('listitem', { name: CRM })).findByRole('button', { name: 'Disable' }));
    const alert = await within(row(CRM)).findByRole('alert');
    expect(alert).toHaveTextContent('Tray refused the change. Tray is busy');
    expect(badge(CRM)).toHaveTextContent('Enabled');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(badge(CRM)).toHaveTextContent('Disabled'));
    expect(updates()).toHaveLength(2);
  });

  it('Reconfigure opens the wizard in the click; finish enables once with both flags', async () => {
    const { user, getWizardUrl } = renderList();
    const urlRequest = tray.backend.hold('/wizard-url');
    await user.click(await within(await screen.findByRole('listitem', { name: SLACK })).findByRole('button', { name: 'Reconfigure' }));
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(badge(SLACK)).toHaveTextContent('Waiting for the wizard…');
    await urlRequest.arrived();
    urlRequest.release();
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(ids.disabledMissingValues)));
    await tray.fillWizard(popup.location.href, { slack_channel: '#alerts' });
    finish();
    finish();
    await waitFor(() => expect(badge(SLACK)).toHaveTextContent('Enabled'));
    expect(updates()).toEqual([{ solutionInstanceId: ids.disabledMissingValues, enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(getWizardUrl).toHaveBeenCalledWith(ids.disabledMissingValues, { customValidation: false });
  });

  it('Reconfigure cancelled changes nothing and says so', async () => {
    const { user } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: SLACK })).findByRole('button', { name: 'Reconfigure' }));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(ids.disabledMissingValues)));
    act(() => postFromWizard({ type: 'tray.configPopup.cancel' }, { source: popup }));
    expect(screen.getByRole('status')).toHaveTextContent('Setup was cancelled; nothing changed.');
    expect(updates()).toHaveLength(0);
    expect(inRow(SLACK, 'Reconfigure')).toHaveFocus();
  });

  it('Update available → Update runs upgradeSolutionInstance and the badge goes', async () => {
    const { user } = renderList();
    await screen.findByRole('listitem', { name: ZENDESK });
    expect(within(row(ZENDESK)).getByText('Update available')).toBeInTheDocument();
    expect(within(row(CRM)).queryByText('Update available')).toBeNull();
    await user.click(inRow(ZENDESK, 'Update'));
    await waitFor(() => expect(within(row(ZENDESK)).queryByText('Update available')).toBeNull());
    expect(tray.mutations('upgradeSolutionInstance')).toEqual([{ input: { solutionInstanceId: ids.newerVersion } }]);
    expect(tray.store.instances.get(ids.newerVersion)!.solutionVersionFlags.hasNewerVersion).toBe(false);
    expect(screen.getByRole('status')).toHaveTextContent('“Zendesk ticket sync” is up to date.');
  });

  it('an update that needs the user’s input goes through the wizard, then enables', async () => {
    tray.store.instances.get(ids.disabledComplete)!.solutionVersionFlags = {
      hasNewerVersion: true,
      requiresUserInputToUpdateVersion: true,
      requiresSystemInputToUpdateVersion: false,
    };
    const { user } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: WAREHOUSE })).findByRole('button', { name: 'Update' }));
    expect(window.open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(ids.disabledComplete)));
    finish();
    await waitFor(() => expect(badge(WAREHOUSE)).toHaveTextContent('Enabled'));
    expect(tray.mutations('upgradeSolutionInstance')).toHaveLength(0);
    expect(updates()).toEqual([{ solutionInstanceId: ids.disabledComplete, enabled: true, errorOnEnablingWithMissingValues: true }]);
  });

  it('Remove asks first; Cancel keeps it and returns focus; confirming removes it from the list and the cache', async () => {
    const { user } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: SLACK })).findByRole('button', { name: 'Remove' }));
    const confirm = within(row(SLACK)).getByRole('group', { name: 'Remove “Slack alerts”? Its settings are deleted and it stops running.' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(inRow(SLACK, 'Remove')).toHaveFocus();
    expect(tray.mutations('removeSolutionInstance')).toHaveLength(0);

    await user.click(inRow(SLACK, 'Remove'));
    await user.click(within(row(SLACK)).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: SLACK })).toBeNull());
    expect(tray.mutations('removeSolutionInstance')).toEqual([{ input: { solutionInstanceId: ids.disabledMissingValues } }]);
    expect(tray.store.instances.has(ids.disabledMissingValues)).toBe(false);
    expect(screen.getByRole('status')).toHaveTextContent('“Slack alerts” was removed.');
    expect((tray.client.cache.extract() as Record<string, unknown>)[`SolutionInstance:${ids.disabledMissingValues}`]).toBeUndefined();
    expect(screen.getByRole('list', { name: 'My integrations' })).toHaveFocus();
    expect(listLoads()).toHaveLength(1);
  });

  it('removing the last integration shows the empty state and keeps focus in the view', async () => {
    tray = createTestTray({ seed: false });
    tray.store.createSolution({ id: 'sol-crm', title: 'CRM' });
    tray.store.createInstance({ solutionId: 'sol-crm', name: 'CRM sync', owner: SEED_IDS.demoUser, enabled: true });
    const { user, container } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: 'CRM sync' })).findByRole('button', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(await screen.findByText('No integrations yet — browse the catalog')).toBeInTheDocument();
    await waitFor(() => expect(container.querySelector('.rte-integrations')).toHaveFocus());
    expect(tray.store.instances.size).toBe(0);
  });

  it('Rename: the field takes focus; Enter saves through updateSolutionInstance', async () => {
    const { user } = renderList();
    await user.click(await within(await screen.findByRole('listitem', { name: CRM })).findByRole('button', { name: 'Rename' }));
    const field = within(row(CRM)).getByRole('textbox', { name: 'New name' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Sales CRM{Enter}');
    expect(await screen.findByRole('listitem', { name: 'Sales CRM' })).toBeInTheDocument();
    expect(updates()).toEqual([{ solutionInstanceId: ids.enabledComplete, instanceName: 'Sales CRM' }]);
    expect(tray.store.instances.get(ids.enabledComplete)!.name).toBe('Sales CRM');
    expect(inRow('Sales CRM', 'Rename')).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Renamed to “Sales CRM”.');
  });

  it('refetches on window focus and removes its listeners on unmount', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const { unmount } = renderList();
    await screen.findByRole('listitem', { name: SLACK });
    tray.store.instances.get(ids.disabledMissingValues)!.enabled = true; // changed elsewhere, e.g. another tab
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(badge(SLACK)).toHaveTextContent('Enabled'));
    const onFocus = added.mock.calls.filter(([type]) => type === 'focus').map(([, listener]) => listener);
    expect(onFocus.length).toBeGreaterThan(0);
    unmount();
    const offFocus = removed.mock.calls.filter(([type]) => type === 'focus').map(([, listener]) => listener);
    expect(onFocus.every((listener) => offFocus.includes(listener))).toBe(true);
    const before = listLoads().length;
    window.dispatchEvent(new Event('focus'));
    expect(listLoads()).toHaveLength(before);
  });

  it('pages with first/after and "Load more" (the mock’s opaque cursors); a focus refetch reloads everything shown in one request', async () => {
    tray.store.createInstance({ solutionId: SEED_IDS.solutions.slack, name: 'Five', owner: SEED_IDS.demoUser });
    const { user } = renderList({ pageSize: 2 });
    await screen.findByRole('listitem', { name: SLACK });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('Showing 2 of 5')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('listitem', { name: ZENDESK });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('listitem', { name: 'Five' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(listLoads().map((request) => request.variables)).toEqual([
      { first: 2 },
      { first: 2, after: cursorFor(ids.disabledMissingValues) },
      { first: 2, after: cursorFor(ids.newerVersion) },
    ]);
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(listLoads()).toHaveLength(4));
    // One request from the start for all five shown: no cursor.
    expect(listLoads()[3]!.variables).toMatchObject({ first: 5 });
    expect(listLoads()[3]!.variables!['after'] ?? null).toBeNull();
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(5));
    // The hook's own variables ({ first: 2 }) do not snap the list back to one page on a re-render.
    await user.click(inRow(WAREHOUSE, 'Enable'));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('“Warehouse export” is enabled.'));
    await act(async () => {}); // the re-render after the change, and its effects, have run
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
    expect(listLoads()).toHaveLength(4);
  });
});
