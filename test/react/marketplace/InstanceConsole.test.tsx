import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { InstanceConsole, type InstanceConsoleProps } from '../../../src/react/marketplace/InstanceConsole';
import { createAdminClient, type AdminClient } from '../../../src/core/adminClient';
import { SEED_IDS } from '../../../src/mock-tray/seed';
import { createTestTray } from '../../support/testTray';

const { instances: ids } = SEED_IDS;

function renderConsole(tray = createTestTray(), props: Partial<InstanceConsoleProps> = {}) {
  const client = createAdminClient({ fetch: tray.fetch });
  render(<InstanceConsole client={client} {...props} />);
  return { tray, user: userEvent.setup() };
}

const table = () => screen.getByRole('table', { name: /Integrations of all users/ });
const rowOf = (name: string) => within(table()).getAllByRole('row').filter((row) => within(row).queryByRole('rowheader', { name }));
const names = () => within(table()).queryAllByRole('rowheader').map((cell) => cell.textContent);
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

describe('InstanceConsole (real handler and mock Tray, in process)', () => {
  it('lists every user’s instances with owner, solution, name, created and enabled', async () => {
    const { tray } = renderConsole();
    expect(screen.getByText('Loading integrations…')).toBeInTheDocument();
    await screen.findByRole('table');
    expect(within(table()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Owner', 'Solution', 'Name', 'Created', 'Enabled', 'Actions']);
    expect(names()).toHaveLength(5);
    const other = within(table()).getAllByRole('row').find((row) => within(row).queryByText(SEED_IDS.otherUser))!;
    expect(cells(other).slice(0, 2)).toEqual([SEED_IDS.otherUser, 'Salesforce CRM sync']);
    expect(within(other).getByRole('rowheader')).toHaveTextContent('Salesforce CRM sync');
    expect(within(other).getByRole('cell', { name: 'Yes' })).toBeInTheDocument();
    expect(within(other).getByRole('button', { name: 'Disable' })).toBeInTheDocument();
    expect(tray.backend.requests).toContainEqual(expect.objectContaining({ path: '/api/tray/admin/instances', body: { first: 50 } }));
  });

  it('filters by owner and by solution, and clears', async () => {
    const { tray, user } = renderConsole();
    await screen.findByRole('table');
    const filters = screen.getByRole('search', { name: 'Filter integrations' });
    // Part of the user id, in another case: the owner filter matches any part of it.
    await user.type(within(filters).getByRole('textbox', { name: 'Owner (Tray user id)' }), 'OTHER{Enter}');
    await waitFor(() => expect(names()).toEqual(['Salesforce CRM sync']));
    expect(tray.backend.requests.at(-1)).toMatchObject({ path: '/api/tray/admin/instances', body: { ownerContains: 'OTHER', first: 50 } });

    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(names()).toHaveLength(5));
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Solution' }), 'Slack alerts');
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(names()).toEqual(['Slack alerts']));
    expect(tray.backend.requests.at(-1)!.body).toEqual({ solutionId: SEED_IDS.solutions.slack, first: 50 });
  });

  it('offers every solution of the catalog in the solution filter, not only those of the loaded rows', async () => {
    const tray = createTestTray();
    tray.store.createSolution({ id: 'sol-hubspot', title: 'HubSpot contacts' }); // no instance of it anywhere
    const { user } = renderConsole(tray);
    await screen.findByRole('table');
    const select = within(screen.getByRole('search', { name: 'Filter integrations' })).getByRole('combobox', { name: 'Solution' });
    await waitFor(() => expect(within(select).getByRole('option', { name: 'HubSpot contacts' })).toBeInTheDocument());
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'All solutions',
      'HubSpot contacts',
      'HubSpot contacts (reviewed)',
      'Salesforce CRM sync',
      'Slack alerts',
      'Warehouse export (CSV to S3)',
      'Zendesk ticket sync',
    ]);
    await user.selectOptions(select, 'HubSpot contacts');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('No integrations match these filters.')).toBeInTheDocument();
  });

  it('disables and enables a row as its owner; the row shows the server’s answer', async () => {
    const { tray, user } = renderConsole();
    await screen.findByRole('table');
    const [row] = rowOf('Warehouse export');
    await user.click(within(row!).getByRole('button', { name: 'Enable' }));
    await waitFor(() => expect(within(rowOf('Warehouse export')[0]!).getByRole('cell', { name: 'Yes' })).toBeInTheDocument());
    expect(tray.store.instances.get(ids.disabledComplete)!.enabled).toBe(true);
    expect(tray.backend.requests.at(-1)).toMatchObject({
      path: '/api/tray/admin/set-enabled',
      body: { solutionInstanceId: ids.disabledComplete, owner: SEED_IDS.demoUser, enabled: true },
    });
    // The handler enabled it as its owner, with both flags.
    expect(tray.mutations('updateSolutionInstance')).toEqual([
      { input: { solutionInstanceId: ids.disabledComplete, enabled: true, errorOnEnablingWithMissingValues: true } },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('“Warehouse export” is enabled.');
    await user.click(within(rowOf('Warehouse export')[0]!).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(tray.store.instances.get(ids.disabledComplete)!.enabled).toBe(false));
    await waitFor(() => expect(within(rowOf('Warehouse export')[0]!).getByRole('cell', { name: 'No' })).toBeInTheDocument());
  });

  it('an enable Tray refuses (missing values) leaves the row disabled and says why', async () => {
    const { tray, user } = renderConsole();
    await screen.findByRole('table');
    await user.click(within(rowOf('Slack alerts')[0]!).getByRole('button', { name: 'Enable' }));
    const alert = await within(rowOf('Slack alerts')[0]!).findByRole('alert');
    expect(alert).toHaveTextContent('Some required settings are missing');
    expect(within(rowOf('Slack alerts')[0]!).getByRole('cell', { name: 'No' })).toBeInTheDocument();
    expect(tray.store.instances.get(ids.disabledMissingValues)!.enabled).toBe(false);
  });

  it('tells a signed-in non-admin plainly that admin rights are needed (the handler answers 403)', async () => {
    const { tray } = renderConsole(createTestTray({ user: { userId: SEED_IDS.demoUser, isAdmin: false } }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You need admin rights to see every user’s integrations.');
    expect(within(alert).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('search')).toBeNull();
    const response = await tray.fetch('/api/tray/admin/instances', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(403);
  });

  it('pages with "Load more"', async () => {
    const tray = createTestTray();
    tray.store.addGeneratedInstances(7);
    const { user } = renderConsole(tray, { pageSize: 5 });
    await screen.findByRole('table');
    expect(names()).toHaveLength(5);
    expect(screen.getByText('(Showing 5 of 12)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(names()).toHaveLength(10));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(names()).toHaveLength(12));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('a network failure offers Try again', async () => {
    const tray = createTestTray();
    const down = tray.backend.unreachable('/admin/instances', { times: Infinity });
    renderConsole(tray);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not reach the server.');
    // Nothing of the list reached the handler, so nothing of it reached Tray (the catalog for the filter did).
    expect(tray.requests('TrayHandlerAdminInstances')).toEqual([]);
    down.remove();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});

describe('InstanceConsole filters and late replies', () => {
  it('drops a reply that arrives after the filters changed', async () => {
    const tray = createTestTray();
    tray.store.createUser({ id: 'alice', name: 'Alice', externalUserId: 'ext-alice' });
    tray.store.createInstance({ id: 'si-alice', solutionId: SEED_IDS.solutions.slack, name: 'Alice’s', owner: 'alice' });
    const hold = tray.backend.hold('/admin/instances', { times: Infinity });
    // Counts the answers the console has been handed, so the test knows the stale ones came.
    const real = createAdminClient({ fetch: tray.fetch });
    let answered = 0;
    const client: AdminClient = { ...real, listInstances: (query) => real.listInstances(query).finally(() => void (answered += 1)) };
    const user = userEvent.setup();
    render(<InstanceConsole client={client} />);
    await hold.arrived();
    await user.type(screen.getByRole('textbox', { name: 'Owner (Tray user id)' }), 'alice{Enter}');
    await waitFor(() => expect(hold.requests.at(-1)!.request.body).toEqual({ ownerContains: 'alice', first: 50 }));
    const [filtered, ...stale] = [...hold.requests].reverse();
    filtered!.release();
    await waitFor(() => expect(names()).toEqual(['Alice’s']));
    // The unfiltered load (and StrictMode's first mount) answer last: too late to be shown.
    for (const late of stale) late.release();
    await waitFor(() => expect(answered).toBe(hold.requests.length));
    await act(() => Promise.resolve());
    expect(stale.length).toBeGreaterThan(0);
    expect(names()).toEqual(['Alice’s']);
  });
});
