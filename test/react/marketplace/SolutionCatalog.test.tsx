import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cursorFor } from '../../../src/mock-tray/connection';
import { SolutionCatalog, type SolutionCatalogProps } from '../../../src/react/marketplace/SolutionCatalog';
import { createFakePopup, postFromWizard, stubWindowOpen } from '../../support/fakePopup';
import { createTestTray, type TestTray } from '../../support/testTray';

let tray: TestTray;

beforeEach(() => {
  stubWindowOpen(createFakePopup());
  // A store of five solutions of our own: enough for pages of two and a tag shared by two.
  tray = createTestTray({ seed: false });
  for (const [id, title, tags, description] of [
    ['sol-sf', 'Salesforce CRM sync', ['crm', 'sales'], 'Keep contacts in step with Salesforce.'],
    ['sol-slack', 'Slack alerts', ['chat'], 'Post an alert to a Slack channel.'],
    ['sol-s3', 'Warehouse export', ['data'], 'Nightly CSV files into S3.'],
    ['sol-hub', 'HubSpot contacts', ['crm'], 'Sync contacts with HubSpot.'],
    ['sol-zd', 'Zendesk tickets', ['support'], ''],
  ] as const) {
    tray.store.createSolution({ id, title, tags: [...tags], description });
  }
});

/** The catalog's queries as the page sent them. */
const solutionLoads = () => tray.backend.requests.filter((request) => request.operationName === 'MarketplaceSolutions');

function renderCatalog(props: Partial<SolutionCatalogProps> = {}) {
  const getWizardUrl = vi.fn(tray.getWizardUrl);
  const view = render(<SolutionCatalog getWizardUrl={getWizardUrl} {...props} />, { wrapper: tray.wrapper });
  return { ...view, getWizardUrl, user: userEvent.setup() };
}

const card = (title: string) => screen.getByRole('listitem', { name: title });
const titles = () => within(screen.getByRole('list', { name: 'Solutions' })).queryAllByRole('heading').map((h) => h.textContent);

describe('SolutionCatalog: browsing', () => {
  it('shows skeleton cards, then a card per solution with title, description and tags', async () => {
    const { container } = renderCatalog();
    expect(screen.getByText('Loading solutions…')).toBeInTheDocument();
    expect(container.querySelectorAll('.rte-skeleton__item')).toHaveLength(6);
    expect(await screen.findByRole('listitem', { name: 'Salesforce CRM sync' })).toBeInTheDocument();
    expect(titles()).toEqual(['Salesforce CRM sync', 'Slack alerts', 'Warehouse export', 'HubSpot contacts', 'Zendesk tickets']);
    const sf = card('Salesforce CRM sync');
    expect(within(sf).getByText('Keep contacts in step with Salesforce.')).toBeInTheDocument();
    expect(within(within(sf).getByRole('list', { name: 'Tags' })).getAllByRole('listitem').map((t) => t.textContent)).toEqual(['crm', 'sales']);
    expect(within(sf).getByRole('textbox', { name: 'Name for Salesforce CRM sync' })).toHaveValue('Salesforce CRM sync');
    expect(within(sf).getByRole('button', { name: 'Add Salesforce CRM sync' })).toHaveTextContent('Add');
  });

  it('filters by tag on the server; the other tags stay available', async () => {
    const { user } = renderCatalog();
    await screen.findByRole('listitem', { name: 'Slack alerts' });
    const filter = screen.getByRole('group', { name: 'Filter by tag' });
    expect(within(filter).getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(filter).getByRole('button', { name: 'crm' }));
    await waitFor(() => expect(titles()).toEqual(['Salesforce CRM sync', 'HubSpot contacts']));
    expect(within(filter).getByRole('button', { name: 'crm' })).toHaveAttribute('aria-pressed', 'true');
    expect(solutionLoads().at(-1)!.variables).toEqual({ tags: ['crm'], first: 24 });
    expect(within(filter).getByRole('button', { name: 'chat' })).toBeInTheDocument();
    await user.click(within(filter).getByRole('button', { name: 'All' }));
    await waitFor(() => expect(titles()).toHaveLength(5));
    // The unfiltered page is still in the Apollo cache.
    expect(solutionLoads().map((request) => request.variables!['tags'])).toEqual([null, ['crm']]);
  });

  it('searches the loaded solutions as the user types, without a request', async () => {
    const { user } = renderCatalog();
    await screen.findByRole('listitem', { name: 'Slack alerts' });
    const requests = tray.backend.requests.length;
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'cont');
    expect(titles()).toEqual(['Salesforce CRM sync', 'HubSpot contacts']);
    expect(screen.getByText('2 of 5 solutions')).toBeInTheDocument();
    await user.type(search, 'acts hub');
    expect(titles()).toEqual(['HubSpot contacts']);
    await user.clear(search);
    await user.type(search, 'SUPPORT');
    expect(titles()).toEqual(['Zendesk tickets']);
    await user.type(search, 'x');
    expect(titles()).toEqual([]);
    expect(screen.getByText('No loaded solution matches “SUPPORTx”.')).toBeInTheDocument();
    expect(tray.backend.requests).toHaveLength(requests);
  });

  it('pages with first/after and "Load more" (the mock’s opaque cursors)', async () => {
    const { user } = renderCatalog({ pageSize: 2 });
    await screen.findByRole('listitem', { name: 'Slack alerts' });
    expect(titles()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(titles()).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(titles()).toHaveLength(5));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(solutionLoads().map((request) => request.variables)).toEqual([
      { tags: null, first: 2 },
      { tags: null, first: 2, after: cursorFor('sol-slack') },
      { tags: null, first: 2, after: cursorFor('sol-hub') },
    ]);
  });

  it('a failed "Load more" keeps what is shown and offers Try again', async () => {
    const { user } = renderCatalog({ pageSize: 2 });
    await screen.findByRole('listitem', { name: 'Slack alerts' });
    tray.backend.unreachable('MarketplaceSolutions');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not reach the server.');
    expect(titles()).toHaveLength(2);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(titles()).toHaveLength(4));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a load error (Tray’s rate limit) with Try again, and an empty catalog', async () => {
    // Twice: the handler retries one rate-limit answer after the second it implies.
    tray.faults.rateLimited('MarketplaceSolutions', { times: 2 });
    const { user } = renderCatalog();
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('The solutions could not be loaded. Too many requests right now. Wait a moment, then try again.');
    tray.store.solutions.clear();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No solutions are available yet.')).toBeInTheDocument();
  });

  it('takes the getWizardUrl and no other request when nothing is clicked', async () => {
    const { getWizardUrl } = renderCatalog();
    await screen.findByRole('listitem', { name: 'Slack alerts' });
    await act(async () => {}); // the effects of the render that showed the list have run
    expect(getWizardUrl).not.toHaveBeenCalled();
    expect(window.open).not.toHaveBeenCalled();
    expect(tray.backend.requests.map((request) => request.operationName)).toEqual(['MarketplaceSolutions']);
  });
});

describe('SolutionCatalog: an add the partner activates later (disableAutoEnable)', () => {
  it('its “waiting for activation” notice gives way on Load more, and the name field starts over', async () => {
    const popup = createFakePopup();
    stubWindowOpen(popup);
    tray.store.solutions.get('sol-slack')!.customFields = [{ key: 'disableAutoEnable', value: 'true' }];
    const { user } = renderCatalog({ pageSize: 2 });
    const field = within(await screen.findByRole('listitem', { name: 'Slack alerts' })).getByRole('textbox', { name: 'Name for Slack alerts' });
    await user.clear(field);
    await user.type(field, 'Ops alerts');
    await user.click(screen.getByRole('button', { name: 'Add Slack alerts' }));
    await waitFor(() => expect(popup.location.href).toMatch(/\/configure\//));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
    const status = screen.getAllByRole('status')[0]!;
    await waitFor(() => expect(status).toHaveTextContent('“Ops alerts”: Set up — waiting for activation'));
    expect(tray.mutations('updateSolutionInstance')).toEqual([]);
    // A completed add, like “added and enabled”: the field is ready for the next one.
    expect(field).toHaveValue('Slack alerts');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(titles()).toHaveLength(4));
    expect(status.textContent).toBe('');
  });
});
