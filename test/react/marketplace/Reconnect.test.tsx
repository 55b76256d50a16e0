import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SEED_IDS } from '../../../src/mock-tray/seed';
import { MyIntegrations, type MyIntegrationsProps } from '../../../src/react/marketplace/MyIntegrations';
import { createFakePopup, nextPopup, postFromWizard, stubWindowOpen, type FakePopup } from '../../support/fakePopup';
import { freshTrayAndPopup, renderWithTray, type TestTray } from '../../support/testTray';

const SLACK = 'Slack alerts';
const slackId: string = SEED_IDS.instances.disabledMissingValues;
const seededSlackAuth = `auth-${slackId}-slack_auth`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const authUrl = (path: string) => new RegExp(`^https://embedded\\.tray\\.io/external/auth/${escape(path)}\\?code=mock-code-[0-9a-f-]{36}$`);

let tray: TestTray;
let popup: FakePopup;

beforeEach(() => {
  ({ tray, popup } = freshTrayAndPopup());
});

function renderList(props: Partial<MyIntegrationsProps> = {}) {
  const getAuthUrl = vi.fn(tray.getAuthUrl);
  const onChange = vi.fn();
  const onError = vi.fn();
  const { user } = renderWithTray(tray, <MyIntegrations getWizardUrl={tray.getWizardUrl} getAuthUrl={getAuthUrl} onChange={onChange} onError={onError} {...props} />);
  return { getAuthUrl, onChange, onError, user };
}

const row = (name: string) => screen.getByRole('listitem', { name });
const badge = (name: string) => row(name).querySelector('.rte-badge--state')!;
const updates = () => tray.mutations('updateSolutionInstance').map((variables) => variables['input']);
const announced = () => screen.getAllByRole('status')[0]!;
/** A second Slack account of the demo user, as the auth dialog's consent would make one. */
const newSlackAuth = () => tray.store.createAuthentication({ owner: SEED_IDS.demoUser, service: { id: 'slack', name: 'Slack' } }).id;
const finishFrom = (source: unknown, authId: string) => act(() => postFromWizard({ type: 'tray.authpopup.finish', data: { authType: 'oauth2', authId } }, { source }));

async function reconnect(user: ReturnType<typeof userEvent.setup>, name = SLACK, slot = 'Slack workspace') {
  const button = await within(await screen.findByRole('listitem', { name })).findByRole('button', { name: `Reconnect ${slot}` });
  await user.click(button);
  return button;
}

describe('My integrations: Reconnect', () => {
  it('opens Tray’s auth-only dialog for the slot’s authentication, in the click; its finish sets that slot, and the row says so', async () => {
    const { user, getAuthUrl, onChange } = renderList();
    const authId = newSlackAuth();
    const button = await reconnect(user);
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(badge(SLACK)).toHaveTextContent('Reconnecting…');
    await waitFor(() => expect(popup.location.href).toMatch(authUrl(`edit/mock-embedded-id/${seededSlackAuth}`)));
    expect(getAuthUrl).toHaveBeenCalledWith({ solutionInstanceId: slackId, authId: seededSlackAuth });
    finishFrom(popup, authId);
    finishFrom(popup, authId);
    await waitFor(() => expect(announced()).toHaveTextContent('“Slack alerts” is reconnected.'));
    expect(updates()).toEqual([{ solutionInstanceId: slackId, authValues: [{ externalId: 'slack_auth', authId }] }]);
    expect(tray.store.instances.get(slackId)!.authValues).toEqual([{ externalId: 'slack_auth', authId }]);
    expect(onChange).toHaveBeenCalledWith('reconnect', expect.objectContaining({ id: slackId, authValues: [expect.objectContaining({ authId })] }));
    expect(badge(SLACK)).toHaveTextContent('Disabled');
    expect(popup.close).toHaveBeenCalled();
    expect(button).toHaveFocus();
  });

  it('keeps the other slots’ authentications, and uses the create URL for a slot that has none', async () => {
    tray.store.createSolution({
      id: 'sol-two', title: 'Two accounts',
      authSlots: [{ externalId: 'slack_auth', title: 'Slack workspace', service: { id: 'slack', name: 'Slack' } }, { externalId: 'jira_auth', title: 'Jira site', service: { id: 'jira', name: 'Jira' } }],
    });
    const instance = tray.store.createInstance({ id: 'si-two', solutionId: 'sol-two', name: 'Two accounts', owner: SEED_IDS.demoUser });
    instance.authValues = [{ externalId: 'slack_auth', authId: seededSlackAuth }];
    const jira = tray.store.createAuthentication({ owner: SEED_IDS.demoUser, service: { id: 'jira', name: 'Jira' } }).id;
    const { user, getAuthUrl } = renderList();
    await reconnect(user, 'Two accounts', 'Jira site');
    await waitFor(() => expect(popup.location.href).toMatch(authUrl('create/mock-embedded-id/si-two/jira_auth')));
    expect(getAuthUrl).toHaveBeenCalledWith({ solutionInstanceId: 'si-two', externalAuthId: 'jira_auth' });
    finishFrom(popup, jira);
    await waitFor(() => expect(announced()).toHaveTextContent('“Two accounts” is reconnected.'));
    expect(updates()).toEqual([{ solutionInstanceId: 'si-two', authValues: [{ externalId: 'slack_auth', authId: seededSlackAuth }, { externalId: 'jira_auth', authId: jira }] }]);
  });

  it('ignores a finish from another window or origin; the dialog’s close changes nothing and says so', async () => {
    const { user } = renderList();
    const button = await reconnect(user);
    await waitFor(() => expect(popup.location.href).not.toBe(''));
    finishFrom(createFakePopup(), newSlackAuth());
    act(() => postFromWizard({ type: 'tray.authpopup.finish', data: { authId: newSlackAuth() } }, { source: popup, origin: 'https://evil.example' }));
    finishFrom(window, newSlackAuth());
    act(() => postFromWizard({ type: 'tray.authpopup.close' }, { source: popup }));
    expect(announced()).toHaveTextContent('The account was not reconnected; nothing changed.');
    expect(updates()).toEqual([]);
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('a refused change shows the row’s alert; Try again repeats the change, not the dialog', async () => {
    const { user, onError } = renderList();
    const authId = newSlackAuth();
    tray.faults.graphqlErrors('updateSolutionInstance', [{ message: 'Tray is busy' }]);
    await reconnect(user);
    await waitFor(() => expect(popup.location.href).not.toBe(''));
    finishFrom(popup, authId);
    const alert = await within(row(SLACK)).findByRole('alert');
    expect(alert).toHaveTextContent('Tray refused the change. Tray is busy');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'graphql' }), 'reconnect');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(announced()).toHaveTextContent('“Slack alerts” is reconnected.'));
    expect(updates()).toHaveLength(2);
    expect(window.open).toHaveBeenCalledTimes(1);
  });

  it('the dialog’s error is the row’s alert, with its words; Try again opens the dialog again', async () => {
    const { user, onError } = renderList();
    await reconnect(user);
    await waitFor(() => expect(popup.location.href).not.toBe(''));
    act(() => postFromWizard({ type: 'tray.authPopup.error', data: { error: 'Slack said no' } }, { source: popup }));
    const alert = await within(row(SLACK)).findByRole('alert');
    expect(alert).toHaveTextContent('The setup page reported an error. Slack said no');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'wizard_error' }), 'reconnect');
    popup = nextPopup();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(popup.location.href).toMatch(authUrl(`edit/mock-embedded-id/${seededSlackAuth}`)));
    expect(within(row(SLACK)).queryByRole('alert')).toBeNull();
  });

  it('a blocked popup offers Open here: the dialog in the page, titled for the slot; its finish sets the slot', async () => {
    stubWindowOpen(null);
    const { user } = renderList();
    const authId = newSlackAuth();
    await reconnect(user);
    const alert = await within(row(SLACK)).findByRole('alert');
    expect(alert).toHaveTextContent('The setup window was blocked. Allow pop-ups for this site, or open it here.');
    await user.click(within(alert).getByRole('button', { name: 'Open here' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reconnect Slack workspace' });
    const frame = dialog.querySelector('iframe')!;
    await waitFor(() => expect(frame.src).toMatch(authUrl(`edit/mock-embedded-id/${seededSlackAuth}`)));
    finishFrom(frame.contentWindow, authId);
    await waitFor(() => expect(announced()).toHaveTextContent('“Slack alerts” is reconnected.'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('with presentation="dialog", Reconnect and Reconfigure open in the page', async () => {
    const { user } = renderList({ presentation: 'dialog' });
    await reconnect(user);
    expect(await screen.findByRole('dialog', { name: 'Reconnect Slack workspace' })).toBeInTheDocument();
    act(() => void screen.getByRole('dialog').dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(within(row(SLACK)).getByRole('button', { name: 'Reconfigure' }));
    expect(await screen.findByRole('dialog', { name: 'Set up integration' })).toBeInTheDocument();
    expect(window.open).not.toHaveBeenCalled();
  });

  it('a direct action on the row ends an open dialog, as it ends an open wizard; the dialog’s late finish is ignored', async () => {
    const { user } = renderList();
    await reconnect(user);
    await waitFor(() => expect(popup.location.href).not.toBe(''));
    tray.store.instances.get(slackId)!.configValues.set('slack_channel', '"#alerts"');
    await user.click(within(row(SLACK)).getByRole('button', { name: 'Enable' }));
    expect(popup.close).toHaveBeenCalled();
    await waitFor(() => expect(badge(SLACK)).toHaveTextContent('Enabled'));
    finishFrom(popup, newSlackAuth());
    expect(updates()).toEqual([{ solutionInstanceId: slackId, enabled: true, errorOnEnablingWithMissingValues: true }]);
  });
});
