import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readSolutionFields } from '../../../src';
import { SEED_IDS } from '../../../src/mock-tray/seed';
import { MyIntegrations } from '../../../src/react/marketplace/MyIntegrations';
import { SolutionCatalog } from '../../../src/react/marketplace/SolutionCatalog';
import { postFromWizard, type FakePopup } from '../../support/fakePopup';
import { createTestTray, freshTrayAndPopup, renderWithTray, wizardUrlFor, type TestTray } from '../../support/testTray';

// The seed: Salesforce has an `image`, Slack an `image` that never loads, Zendesk is
// `forceUnique` (the demo user has one), "HubSpot contacts (reviewed)" is `disableAutoEnable`.
const REVIEWED = 'HubSpot contacts (reviewed)';
let tray: TestTray;
let popup: FakePopup;

beforeEach(() => {
  ({ tray, popup } = freshTrayAndPopup());
});

const card = (title: string) => screen.getByRole('listitem', { name: title });

async function renderCatalog() {
  const callbacks = { onAdded: vi.fn(), onSetUp: vi.fn() };
  const { user } = renderWithTray(tray, <SolutionCatalog getWizardUrl={tray.getWizardUrl} {...callbacks} />);
  await screen.findByRole('listitem', { name: REVIEWED });
  return { ...callbacks, user };
}

describe('readSolutionFields', () => {
  it('compares keys lower-cased and reads values as Tray stores them', () => {
    expect(readSolutionFields([{ key: 'IMAGE', value: ' https://x.test/a.png ' }, { key: 'forceUnique', value: 'TRUE' }, { key: 'disableautoenable', value: '"true"' }])).toEqual({
      image: 'https://x.test/a.png',
      forceUnique: true,
      disableAutoEnable: true,
    });
    expect(readSolutionFields([{ key: 'forceUnique', value: 'false' }, { key: 'disableAutoEnable', value: null }, { key: 'image', value: '' }])).toEqual({
      image: undefined,
      forceUnique: false,
      disableAutoEnable: false,
    });
    expect(readSolutionFields(undefined)).toEqual({ image: undefined, forceUnique: false, disableAutoEnable: false });
  });
});

describe('image', () => {
  it('shows the logo with the title as its text alternative', async () => {
    await renderCatalog();
    const logo = within(card('Salesforce CRM sync')).getByRole('img', { name: 'Salesforce CRM sync' });
    expect(logo.tagName).toBe('IMG');
    expect(logo.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
  });

  it('falls back to initials when the image fails to load, or when there is none', async () => {
    await renderCatalog();
    const broken = within(card('Slack alerts')).getByRole('img', { name: 'Slack alerts' });
    expect(broken.tagName).toBe('IMG');
    act(() => void fireEvent.error(broken));
    const initials = within(card('Slack alerts')).getByRole('img', { name: 'Slack alerts' });
    expect(initials.tagName).toBe('SPAN');
    expect(initials).toHaveTextContent('SA');
    const none = within(card('Warehouse export (CSV to S3)')).getByRole('img', { name: 'Warehouse export (CSV to S3)' });
    expect(none).toHaveTextContent('WE');
  });
});

describe('forceUnique', () => {
  it('a solution the user already has shows “Added” and no Add', async () => {
    await renderCatalog();
    const zendesk = card('Zendesk ticket sync');
    await waitFor(() => expect(within(zendesk).getByText('Added')).toBeInTheDocument());
    expect(within(zendesk).queryByRole('button', { name: /^Add/ })).toBeNull();
    // Not unique: a second Slack alerts may be added.
    expect(within(card('Slack alerts')).getByRole('button', { name: 'Add Slack alerts' })).toBeInTheDocument();
  });

  it('one the user does not have yet offers Add, then shows “Added” once it is created', async () => {
    tray.store.instances.delete(SEED_IDS.instances.newerVersion);
    const { user } = await renderCatalog();
    const zendesk = card('Zendesk ticket sync');
    await user.click(within(zendesk).getByRole('button', { name: 'Add Zendesk ticket sync' }));
    await waitFor(() => expect(within(zendesk).getByText('Added')).toBeInTheDocument());
    expect(tray.mutations('createSolutionInstance')).toHaveLength(1);
  });
});

describe('disableAutoEnable', () => {
  it('Add → wizard → finish: set up and waiting for activation, nothing enabled', async () => {
    const { user, onAdded, onSetUp } = await renderCatalog();
    await user.click(within(card(REVIEWED)).getByRole('button', { name: `Add ${REVIEWED}` }));
    const created = await waitFor(() => {
      const [instance] = [...tray.store.instances.values()].filter((each) => each.solutionId === SEED_IDS.solutions.reviewed);
      expect(popup.location.href).toMatch(wizardUrlFor(instance!.id));
      return instance!;
    });
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(`“${REVIEWED}”: Set up — waiting for activation`));
    expect(tray.mutations('updateSolutionInstance')).toEqual([]);
    expect(tray.store.instances.get(created.id)!.enabled).toBe(false);
    expect(onAdded).not.toHaveBeenCalled();
    expect(onSetUp).toHaveBeenCalledWith(expect.objectContaining({ id: created.id }));
  });

  it('My integrations: Reconfigure → finish leaves the row waiting for activation', async () => {
    const instance = tray.store.createInstance({ name: 'HubSpot contacts', solutionId: SEED_IDS.solutions.reviewed, owner: SEED_IDS.demoUser });
    render(<MyIntegrations getWizardUrl={tray.getWizardUrl} />, { wrapper: tray.wrapper });
    const row = await screen.findByRole('listitem', { name: 'HubSpot contacts' });
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Reconfigure' }));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(instance.id)));
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
    await waitFor(() => expect(within(row).getByText('Set up — waiting for activation')).toBeInTheDocument());
    expect(tray.mutations('updateSolutionInstance')).toEqual([]);
  });
});

describe('a refusal in My integrations', () => {
  it('shows the partner’s words in the row, which stays Disabled', async () => {
    tray = createTestTray({ handler: { beforeEnable: () => ({ refuse: 'Exports need the Pro plan.' }) } });
    render(<MyIntegrations getWizardUrl={tray.getWizardUrl} />, { wrapper: tray.wrapper });
    const row = await screen.findByRole('listitem', { name: 'Warehouse export' });
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Enable' }));
    const alert = await within(row).findByRole('alert');
    expect(alert).toHaveTextContent('Not activated. Exports need the Pro plan.');
    expect(within(alert).queryByRole('button', { name: 'Finish setup' })).toBeNull();
    expect(within(row).getByText('Disabled')).toBeInTheDocument();
    expect(tray.mutations('updateSolutionInstance')).toEqual([]);
  });
});
