import { act, render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { MyIntegrations } from '../../../src/react/marketplace/MyIntegrations';
import { SolutionCatalog } from '../../../src/react/marketplace/SolutionCatalog';
import { SEED_IDS } from '../../../src/mock-tray/seed';
import { createTestTray } from '../../support/testTray';

const getWizardUrl = vi.fn(async () => 'https://embedded.tray.io/x');

it('catalog and list on one page share the host’s cache without refetching each other', async () => {
  // Tray's Viewer has no id: without the Viewer merge policy each query's write would drop the
  // other's data from ROOT_QUERY.viewer, and both would refetch forever.
  const tray = createTestTray({ seed: false });
  tray.store.createSolution({ id: 'sol-slack', title: 'Slack alerts' });
  tray.store.createInstance({ solutionId: 'sol-slack', name: 'Alerts', owner: SEED_IDS.demoUser });
  render(
    <>
      <SolutionCatalog getWizardUrl={getWizardUrl} />
      <MyIntegrations getWizardUrl={getWizardUrl} refetchOnFocus={false} />
    </>,
    { wrapper: tray.wrapper },
  );
  await screen.findByRole('listitem', { name: 'Alerts' });
  await screen.findByRole('listitem', { name: 'Slack alerts' });
  await act(async () => {}); // React's pending work (effects of the last render) done
  expect(tray.backend.requests.map((request) => request.operationName).sort()).toEqual(['MarketplaceSolutionInstances', 'MarketplaceSolutions']);
  const viewer = (tray.client.cache.extract() as Record<string, any>)['ROOT_QUERY']['viewer'] as Record<string, unknown>;
  expect(Object.keys(viewer).filter((key) => key !== '__typename').sort()).toEqual([
    'solutionInstances({"first":20})',
    'solutions({"criteria":{"tags":null},"first":24})',
  ]);
});
