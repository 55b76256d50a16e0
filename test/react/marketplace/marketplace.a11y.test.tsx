import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { InstanceConsole, MyIntegrations, SolutionCatalog, createAdminClient } from '../../../src';
import { SEED_IDS } from '../../../src/mock-tray/seed';
import { createTestTray } from '../../support/testTray';

/** axe's rule violations (jsdom has no layout, so colour contrast is left to the Chromium story tests). */
async function violations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const getWizardUrl = async () => 'https://embedded.tray.io/x';

describe('marketplace accessibility (axe-core)', () => {
  it('catalog and list have no violations, with the rename form and the remove confirm open', async () => {
    const tray = createTestTray({ seed: false });
    tray.store.createSolution({ id: 'sol-slack', title: 'Slack alerts', tags: ['chat'], description: 'Post an alert to a Slack channel.' });
    tray.store.createSolution({ id: 'sol-crm', title: 'CRM', tags: ['crm'], description: 'Keep contacts in step.' });
    tray.store.createInstance({ solutionId: 'sol-slack', name: 'Alerts', owner: SEED_IDS.demoUser, flags: { hasNewerVersion: true } });
    tray.store.createInstance({ solutionId: 'sol-crm', name: 'CRM sync', owner: SEED_IDS.demoUser, enabled: true });
    const user = userEvent.setup();
    const { container } = render(
      <main>
        <SolutionCatalog getWizardUrl={getWizardUrl} />
        <MyIntegrations getWizardUrl={getWizardUrl} />
      </main>,
      { wrapper: tray.wrapper },
    );
    await screen.findByRole('listitem', { name: 'Alerts' });
    await screen.findByRole('listitem', { name: 'Slack alerts' });
    expect(await violations(container)).toEqual([]);
    await user.click(within(screen.getByRole('listitem', { name: 'Alerts' })).getByRole('button', { name: 'Rename' }));
    await user.click(within(screen.getByRole('listitem', { name: 'CRM sync' })).getByRole('button', { name: 'Remove' }));
    expect(screen.getByRole('textbox', { name: 'New name' })).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });

  it('the console has no violations, and neither has its 403 message', async () => {
    const { container, unmount } = render(<main><InstanceConsole client={createAdminClient({ fetch: createTestTray().fetch })} /></main>);
    await screen.findByRole('table');
    expect(await violations(container)).toEqual([]);
    unmount();
    const denied = render(<main><InstanceConsole client={createAdminClient({ fetch: createTestTray({ user: { userId: SEED_IDS.demoUser, isAdmin: false } }).fetch })} /></main>);
    await screen.findByRole('alert');
    expect(await violations(denied.container)).toEqual([]);
  });
});
