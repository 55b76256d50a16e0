import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { SEED_IDS, seedInstances } from '../../../src/mock-tray/seed';
import { SolutionCatalog, type SolutionCatalogProps } from '../../../src/react/marketplace/SolutionCatalog';
import { nextPopup, postFromWizard, stubWindowOpen, type FakePopup } from '../../support/fakePopup';
import { freshTrayAndPopup, renderWithTray, wizardUrlFor, type TestTray } from '../../support/testTray';

// The seed's solutions; “Slack alerts” has a required “Slack channel” with no default, so its
// new instance enables only once the wizard saved a channel.
const SLACK = 'Slack alerts';
const WAREHOUSE = 'Warehouse export (CSV to S3)';
const SEEDED = new Set(seedInstances.map((instance) => instance.id));

let tray: TestTray;
let popup: FakePopup;

beforeEach(() => {
  ({ tray, popup } = freshTrayAndPopup());
});

async function renderCatalog(props: Partial<SolutionCatalogProps> = {}) {
  const callbacks = { onAdded: vi.fn(), onCancel: vi.fn(), onRemoved: vi.fn(), onError: vi.fn() };
  const getWizardUrl = vi.fn(tray.getWizardUrl);
  const { user } = renderWithTray(tray, <SolutionCatalog getWizardUrl={getWizardUrl} {...callbacks} {...props} />);
  await screen.findByRole('listitem', { name: SLACK });
  return { ...callbacks, getWizardUrl, user };
}

const addButton = (title: string) => within(screen.getByRole('listitem', { name: title })).getByRole('button', { name: `Add ${title}` });
const status = () => screen.getByRole('status');
/** What reached the mock Tray. */
const inputs = (field: string) => tray.mutations(field).map((variables) => variables['input']);
const creates = () => inputs('createSolutionInstance');
const enables = () => inputs('updateSolutionInstance');
const removes = () => inputs('removeSolutionInstance');
/** Instances this test created (the seeded ones excluded). */
const added = () => [...tray.store.instances.values()].filter((instance) => !SEEDED.has(instance.id));
const finish = () => act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
const cancel = () => act(() => postFromWizard({ type: 'tray.configPopup.cancel' }, { source: popup }));

/** Waits until the wizard of the one new instance is in the popup; returns the instance's id. */
async function wizardOfNewInstance(): Promise<string> {
  await waitFor(() => expect(added()).toHaveLength(1));
  const id = added()[0]!.id;
  await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(id)));
  return id;
}

describe('SolutionCatalog: Add', () => {
  it('opens the popup in the click, creates, loads the wizard, and on finish enables exactly once with both flags', async () => {
    const { user, getWizardUrl, onAdded } = await renderCatalog();
    const hold = tray.faults.hold('createSolutionInstance');
    await user.click(addButton(SLACK));
    // The popup is open (blank) while createSolutionInstance is still unanswered.
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(vi.mocked(window.open).mock.calls[0]?.[0]).toBe('');
    await hold.arrived();
    expect(creates()).toEqual([{ solutionId: SEED_IDS.solutions.slack, instanceName: SLACK }]);
    expect(added()).toHaveLength(0);
    expect(popup.location.href).toBe('');
    expect(getWizardUrl).not.toHaveBeenCalled();
    expect(status()).toHaveTextContent('Adding “Slack alerts”…');
    hold.release();
    const id = await wizardOfNewInstance();
    expect(getWizardUrl).toHaveBeenCalledWith(id, { customValidation: false });
    expect(status()).toHaveTextContent('Waiting for the wizard…');
    await tray.fillWizard(popup.location.href, { slack_channel: '#alerts' });
    finish();
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('“Slack alerts” is added and enabled.'));
    expect(enables()).toEqual([{ solutionInstanceId: id, enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(tray.store.instances.get(id)).toMatchObject({ enabled: true, name: SLACK });
    expect(onAdded).toHaveBeenCalledTimes(1);
    expect(onAdded.mock.calls[0]?.[0]).toMatchObject({ id, enabled: true });
    expect(popup.close).toHaveBeenCalled();
    expect(creates()).toHaveLength(1);
  });

  it('creates the instance with the name the user typed (Enter in the field adds too)', async () => {
    const { user } = await renderCatalog();
    const field = within(screen.getByRole('listitem', { name: WAREHOUSE })).getByRole('textbox', { name: `Name for ${WAREHOUSE}` });
    await user.clear(field);
    await user.type(field, 'Nightly S3{Enter}');
    expect(window.open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(creates()).toEqual([{ solutionId: SEED_IDS.solutions.warehouse, instanceName: 'Nightly S3' }]));
  });

  it('cancel after create offers removal; nothing is removed until the user confirms', async () => {
    const { user, onCancel, onRemoved } = await renderCatalog();
    await user.click(addButton(SLACK));
    const id = await wizardOfNewInstance();
    cancel();
    const offer = await screen.findByRole('group', { name: 'Setup of “Slack alerts” was not finished. Remove the unfinished integration?' });
    expect(within(offer).getByRole('button', { name: 'Keep it for later' })).toHaveFocus();
    expect(onCancel).toHaveBeenCalledWith(expect.objectContaining({ id }));
    expect(removes()).toEqual([]);
    expect(enables()).toEqual([]);
    // While the user decides, no other Add starts a second half-made instance.
    expect(addButton(WAREHOUSE)).toHaveAttribute('aria-disabled', 'true');
    await user.click(addButton(WAREHOUSE));
    expect(tray.backend.requests.filter((request) => request.rootFields.includes('createSolutionInstance'))).toHaveLength(1);
    await user.click(within(offer).getByRole('button', { name: 'Remove it' }));
    await waitFor(() => expect(status()).toHaveTextContent('“Slack alerts” was removed.'));
    expect(removes()).toEqual([{ solutionInstanceId: id }]);
    expect(added()).toHaveLength(0);
    expect(onRemoved).toHaveBeenCalledWith(id);
    expect(addButton(WAREHOUSE)).toHaveAttribute('aria-disabled', 'false');
  });

  it('"Keep it for later" keeps the unfinished instance', async () => {
    const { user } = await renderCatalog();
    await user.click(addButton(SLACK));
    const id = await wizardOfNewInstance();
    cancel();
    await user.click(await screen.findByRole('button', { name: 'Keep it for later' }));
    expect(screen.queryByRole('group', { name: /not finished/ })).toBeNull();
    expect(removes()).toEqual([]);
    expect(added().map((instance) => instance.id)).toEqual([id]);
  });

  it('a setup kept for later is "Setup incomplete" on its card; Finish setup goes on with it, and a second cancel asks again', async () => {
    const { user, getWizardUrl } = await renderCatalog();
    await user.click(addButton(SLACK));
    const id = await wizardOfNewInstance();
    cancel();
    await user.click(await screen.findByRole('button', { name: 'Keep it for later' }));
    const card = () => screen.getByRole('listitem', { name: SLACK });
    const incomplete = within(card()).getByRole('list', { name: 'Setup incomplete' });
    expect(incomplete).toHaveTextContent(`Setup incomplete ${SLACK}`);
    expect(within(screen.getByRole('listitem', { name: WAREHOUSE })).queryByRole('list', { name: 'Setup incomplete' })).toBeNull();

    popup = nextPopup();
    await user.click(within(incomplete).getByRole('button', { name: 'Finish setup' }));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(id)));
    cancel();
    // Unfinished again: asked again, and still the one instance.
    await user.click(await screen.findByRole('button', { name: 'Keep it for later' }));
    expect(within(within(card()).getByRole('list', { name: 'Setup incomplete' })).getAllByRole('listitem')).toHaveLength(1);
    popup = nextPopup();
    await user.click(within(within(card()).getByRole('list', { name: 'Setup incomplete' })).getByRole('button', { name: 'Finish setup' }));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(id)));
    await tray.fillWizard(popup.location.href, { slack_channel: '#alerts' });
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('is added and enabled'));
    expect(within(card()).queryByRole('list', { name: 'Setup incomplete' })).toBeNull();
    expect(creates()).toHaveLength(1);
    expect(getWizardUrl.mock.calls.map(([instanceId]) => instanceId)).toEqual([id, id, id]);
  });

  it('the name field starts over after an add', async () => {
    const { user } = await renderCatalog();
    const field = screen.getByRole('textbox', { name: `Name for ${SLACK}` });
    await user.clear(field);
    await user.type(field, 'Ops alerts');
    await user.click(addButton(SLACK));
    await wizardOfNewInstance();
    await tray.fillWizard(popup.location.href, { slack_channel: '#ops' });
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('“Ops alerts” is added and enabled.'));
    expect(field).toHaveValue(SLACK);
  });

  it('"Continue setup" reopens the wizard for the same instance, without creating another', async () => {
    const { user, getWizardUrl } = await renderCatalog();
    await user.click(addButton(SLACK));
    const id = await wizardOfNewInstance();
    cancel();
    popup = nextPopup();
    await user.click(await screen.findByRole('button', { name: 'Continue setup' }));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(id)));
    await tray.fillWizard(popup.location.href, { slack_channel: '#alerts' });
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('is added and enabled'));
    expect(creates()).toHaveLength(1);
    expect(getWizardUrl.mock.calls).toEqual([[id, { customValidation: false }], [id, { customValidation: false }]]);
  });

  it('a popup closed while the create is running still offers removal once Tray answers', async () => {
    // Only intervals are fake: the session's closed-poll runs when the test says so, while
    // Testing Library and user-event keep their real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    onTestFinished(() => void vi.useRealTimers());
    const { user, onCancel } = await renderCatalog();
    const hold = tray.faults.hold('createSolutionInstance');
    await user.click(addButton(SLACK));
    popup.closed = true; // the user closed the blank window at once
    await act(() => vi.advanceTimersByTimeAsync(500)); // the session's closed-poll (every 500 ms) sees it
    expect(onCancel).not.toHaveBeenCalled(); // nothing is decided before Tray answers the create
    hold.release();
    expect(await screen.findByRole('group', { name: /“Slack alerts” was not finished/ })).toBeInTheDocument();
    expect(removes()).toEqual([]);
    expect(added()).toHaveLength(1);
  });

  it('missing values after finish (no channel saved): an alert with "Finish setup", which reopens the wizard (no second create)', async () => {
    const { user } = await renderCatalog();
    await user.click(addButton(SLACK));
    const id = await wizardOfNewInstance();
    finish();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some required settings are missing.');
    expect(tray.store.instances.get(id)!.enabled).toBe(false);
    popup = nextPopup();
    await user.click(within(alert).getByRole('button', { name: 'Finish setup' }));
    await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(id)));
    await tray.fillWizard(popup.location.href, { slack_channel: '#alerts' });
    finish();
    await waitFor(() => expect(status()).toHaveTextContent('is added and enabled'));
    expect(creates()).toHaveLength(1);
    expect(enables()).toHaveLength(2);
    expect(tray.store.instances.get(id)!.enabled).toBe(true);
  });

  it('a failed create (Tray unreachable) closes the popup and says what failed; Try again adds', async () => {
    const { user, onError } = await renderCatalog();
    tray.faults.unreachable('createSolutionInstance');
    await user.click(addButton(SLACK));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not add “Slack alerts”. Could not reach the server.');
    expect(popup.close).toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'network' }));
    expect(added()).toHaveLength(0);
    popup = nextPopup();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await wizardOfNewInstance();
    expect(creates()).toHaveLength(2);
    expect(added()).toHaveLength(1);
  });

  it('a wizard that cannot open after the create says the integration is not set up, and offers to remove it', async () => {
    const { user } = await renderCatalog({ getWizardUrl: vi.fn(async () => 'http://evil.example/wizard') });
    await user.click(addButton(SLACK));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“Slack alerts” was added but is not set up yet. The setup page could not be opened.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(removes()).toEqual([]);
    const id = added()[0]!.id;
    await user.click(within(alert).getByRole('button', { name: 'Remove it' }));
    await waitFor(() => expect(status()).toHaveTextContent('“Slack alerts” was removed.'));
    expect(removes()).toEqual([{ solutionInstanceId: id }]);
  });

  it('a blocked popup creates nothing and says how to fix it', async () => {
    stubWindowOpen(null);
    const { user } = await renderCatalog();
    await user.click(addButton(SLACK));
    expect(await screen.findByRole('alert')).toHaveTextContent('The setup window was blocked. Allow pop-ups for this site, or open it here.');
    expect(tray.backend.requests.filter((request) => request.rootFields.includes('createSolutionInstance'))).toEqual([]);
    expect(creates()).toEqual([]);
  });

  it('a blocked popup offers Open here: it creates, then shows the new instance’s wizard in the page; its finish adds and enables', async () => {
    stubWindowOpen(null);
    const { user, onAdded } = await renderCatalog();
    await user.click(addButton(SLACK));
    const alert = await screen.findByRole('alert');
    expect(creates()).toEqual([]);
    await user.click(within(alert).getByRole('button', { name: 'Open here' }));
    await waitFor(() => expect(added()).toHaveLength(1));
    const id = added()[0]!.id;
    const dialog = await screen.findByRole('dialog', { name: 'Set up integration' });
    const frame = dialog.querySelector('iframe')!;
    await waitFor(() => expect(frame.src).toMatch(wizardUrlFor(id)));
    await tray.fillWizard(frame.src, { slack_channel: '#alerts' });
    act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: frame.contentWindow }));
    await waitFor(() => expect(status()).toHaveTextContent('“Slack alerts” is added and enabled.'));
    expect(enables()).toEqual([{ solutionInstanceId: id, enabled: true, errorOnEnablingWithMissingValues: true }]);
    expect(onAdded).toHaveBeenCalledTimes(1);
  });

  it('presentation="dialog" shows the wizard in the page, named by the catalog’s dialogTitle label', async () => {
    const { user } = await renderCatalog({ presentation: 'dialog', labels: { dialogTitle: 'Add an integration' } });
    await user.click(addButton(WAREHOUSE));
    expect(await screen.findByRole('dialog', { name: 'Add an integration' })).toBeInTheDocument();
    expect(window.open).not.toHaveBeenCalled();
  });
});
