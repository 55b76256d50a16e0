import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { useAddSolution, useInstanceActions, useMyIntegrations, useSolutions, type SolutionInstance } from '../../../src';
import { SEED_IDS } from '../../../src/mock-tray/seed';
import { createFakePopup, postFromWizard, stubWindowOpen } from '../../support/fakePopup';
import { createTestTray, wizardUrlFor } from '../../support/testTray';

import type { GetWizardUrl } from '../../../src';

/** A partner's own markup on our hooks alone: none of our components, none of our strings. */
function Row({ item, getWizardUrl }: { item: SolutionInstance; getWizardUrl: GetWizardUrl }) {
  const actions = useInstanceActions(item, { getWizardUrl });
  return (
    <li>
      {item.name}: {item.enabled ? 'on' : 'off'}
      <button onClick={item.enabled ? actions.disable : actions.enable}>toggle {item.name}</button>
      {actions.error && <span>oops {actions.error.code}</span>}
    </li>
  );
}

function Shop({ getWizardUrl }: { getWizardUrl: GetWizardUrl }) {
  const catalog = useSolutions();
  const mine = useMyIntegrations({ refetchOnFocus: false });
  const flow = useAddSolution({ getWizardUrl });
  return (
    <>
      {catalog.solutions.map((s) => (
        <button key={s.id} onClick={() => flow.add(s, `My ${s.title}`)}>
          get {s.title}
        </button>
      ))}
      <p>step: {flow.state.step}</p>
      <ul>{mine.instances.map((item) => <Row key={item.id} item={item} getWizardUrl={getWizardUrl} />)}</ul>
    </>
  );
}

it('the hooks work without our components: add through the wizard, then toggle in the list', async () => {
  const popup = createFakePopup();
  stubWindowOpen(popup);
  // A solution with no config slots: its new instance can be enabled straight after the wizard.
  const tray = createTestTray({ seed: false });
  tray.store.createSolution({ id: 'sol-slack', title: 'Slack' });
  const old = tray.store.createInstance({ solutionId: 'sol-slack', name: 'Old one', owner: SEED_IDS.demoUser, enabled: true });
  const user = userEvent.setup();
  render(<Shop getWizardUrl={tray.getWizardUrl} />, { wrapper: tray.wrapper });
  await user.click(await screen.findByRole('button', { name: 'get Slack' }));
  await waitFor(() => expect(popup.location.href).toMatch(wizardUrlFor(tray.store.listInstances().find((instance) => instance.name === 'My Slack')?.id ?? '?')));
  act(() => postFromWizard({ type: 'tray.configPopup.finish' }, { source: popup }));
  await screen.findByText('step: added');
  // The list (refetched after the create) shows the new instance as the server has it.
  expect(await screen.findByText('My Slack: on')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'toggle Old one' }));
  expect(await screen.findByText('Old one: off')).toBeInTheDocument();
  const created = [...tray.store.instances.values()].find((instance) => instance.name === 'My Slack')!;
  expect(tray.mutations('createSolutionInstance')).toEqual([{ input: { solutionId: 'sol-slack', instanceName: 'My Slack' } }]);
  expect(tray.mutations('updateSolutionInstance').map((variables) => variables['input'])).toEqual([
    { solutionInstanceId: created.id, enabled: true, errorOnEnablingWithMissingValues: true },
    { solutionInstanceId: old.id, enabled: false },
  ]);
  expect(created.enabled).toBe(true);
  expect(old.enabled).toBe(false);
  expect(vi.mocked(window.open)).toHaveBeenCalledTimes(1);
});
