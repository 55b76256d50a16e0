import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { useAddSolution, useInstanceActions, useMyIntegrations, useSolutions, type SolutionInstance } from '../../../src';
import { createFakeMarketplace, instance, solution } from '../../support/fakeMarketplaceLink';
import { WIZARD_URL, createFakePopup, postFromWizard, stubWindowOpen } from '../../support/fakePopup';

/** A partner's own markup on our hooks alone: none of our components, none of our strings. */
function Row({ item }: { item: SolutionInstance }) {
  const actions = useInstanceActions(item, { getWizardUrl: async () => WIZARD_URL });
  return (
    <li>
      {item.name}: {item.enabled ? 'on' : 'off'}
      <button onClick={item.enabled ? actions.disable : actions.enable}>toggle {item.name}</button>
      {actions.error && <span>oops {actions.error.code}</span>}
    </li>
  );
}

function Shop() {
  const catalog = useSolutions();
  const mine = useMyIntegrations({ refetchOnFocus: false });
  const flow = useAddSolution({ getWizardUrl: async () => WIZARD_URL });
  return (
    <>
      {catalog.solutions.map((s) => (
        <button key={s.id} onClick={() => flow.add(s, `My ${s.title}`)}>
          get {s.title}
        </button>
      ))}
      <p>step: {flow.state.step}</p>
      <ul>{mine.instances.map((item) => <Row key={item.id} item={item} />)}</ul>
    </>
  );
}

it('the hooks work without our components: add through the wizard, then toggle in the list', async () => {
  const popup = createFakePopup();
  stubWindowOpen(popup);
  const tray = createFakeMarketplace({ solutions: [solution('sol-1', 'Slack')], instances: [instance('si-1', 'Old one', { enabled: true })] });
  const user = userEvent.setup();
  render(<Shop />, { wrapper: tray.wrapper });
  await user.click(await screen.findByRole('button', { name: 'get Slack' }));
  await waitFor(() => expect(popup.location.href).toBe(WIZARD_URL));
  act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
  await screen.findByText('step: added');
  // The list (refetched after the create) shows the new instance as the server has it.
  expect(await screen.findByText('My Slack: on')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'toggle Old one' }));
  expect(await screen.findByText('Old one: off')).toBeInTheDocument();
  expect(tray.callsTo('MarketplaceUpdateSolutionInstance').map((c) => c.variables.input)).toEqual([
    { solutionInstanceId: 'si-new-1', enabled: true, errorOnEnablingWithMissingValues: true },
    { solutionInstanceId: 'si-1', enabled: false },
  ]);
  expect(vi.mocked(window.open)).toHaveBeenCalledTimes(1);
});
