import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it, vi } from 'vitest';
import { useAuthDialog, useConfigWizard, type UseAuthDialogOptions } from '../../src';
import { WIZARD_ORIGIN, WIZARD_URL, createFakePopup, postFromWizard, stubWindowOpen, trackMessageListeners, type FakePopup } from '../support/fakePopup';

const AUTH_URL = `${WIZARD_ORIGIN}/external/auth/edit/acme/auth-1?code=abc`;
let popup: FakePopup;
beforeEach(() => {
  popup = createFakePopup();
  stubWindowOpen(popup);
});

/** A partner's own "Reconnect Slack" button on the hook alone (no Apollo, none of our components). */
function ReconnectButton(props: Partial<UseAuthDialogOptions>) {
  const auth = useAuthDialog({ getAuthUrl: async () => AUTH_URL, ...props });
  return (
    <>
      <button onClick={auth.open}>Reconnect Slack</button>
      <button onClick={() => auth.open('dialog')}>Reconnect here</button>
      <p>state: {auth.state.status}</p>
    </>
  );
}

it('works headless: finish once with { authType, authId }, the latest callbacks, accountId answered to the dialog’s origin', async () => {
  const first = vi.fn();
  const second = vi.fn();
  const { rerender } = render(<ReconnectButton onFinish={first} accountId="acct-1" />);
  await userEvent.click(screen.getByRole('button', { name: 'Reconnect Slack' }));
  expect(await screen.findByText('state: open')).toBeInTheDocument();
  rerender(<ReconnectButton onFinish={second} accountId="acct-1" />);
  act(() => postFromWizard({ type: 'tray.authpopup.accountIdRequest' }, { source: popup }));
  expect(popup.postMessage).toHaveBeenCalledWith({ type: 'tray.authpopup.accountIdRequest', data: 'acct-1' }, WIZARD_ORIGIN);
  act(() => postFromWizard({ type: 'tray.authpopup.finish', data: { authType: 'oauth2', authId: 'auth-2' } }, { source: popup }));
  act(() => postFromWizard({ type: 'tray.authpopup.finish', data: { authType: 'oauth2', authId: 'auth-2' } }, { source: popup }));
  expect(screen.getByText('state: finished')).toBeInTheDocument();
  expect(first).not.toHaveBeenCalled();
  expect(second).toHaveBeenCalledTimes(1);
  expect(second).toHaveBeenCalledWith({ authType: 'oauth2', authId: 'auth-2' });
});

it('open("dialog") shows it in the page; unmounting removes the dialog and every listener', async () => {
  const listeners = trackMessageListeners();
  const { unmount } = render(<ReconnectButton />);
  await userEvent.click(screen.getByRole('button', { name: 'Reconnect here' }));
  expect(await screen.findByText('state: open')).toBeInTheDocument();
  expect(screen.getByRole('dialog', { name: 'Set up integration' })).toBeInTheDocument();
  expect(window.open).not.toHaveBeenCalled();
  unmount();
  expect(document.querySelector('dialog')).toBeNull();
  expect(listeners.count).toBe(0);
});

it('useConfigWizard takes presentation: "dialog" too', async () => {
  function Wizard() {
    const wizard = useConfigWizard({ getWizardUrl: async () => WIZARD_URL, presentation: 'dialog', dialogLabels: { dialogTitle: 'Connect Slack' } });
    return <button onClick={wizard.open}>Set up</button>;
  }
  render(<Wizard />);
  await userEvent.click(screen.getByRole('button', { name: 'Set up' }));
  expect(await screen.findByRole('dialog', { name: 'Connect Slack' })).toBeInTheDocument();
  expect(window.open).not.toHaveBeenCalled();
});
