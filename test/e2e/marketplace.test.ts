import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { completeWizard } from './support/demo';
import { useDemoInBrowser } from './support/fixture';

const t = useDemoInBrowser({ fresh: 'test' });

const store = () => t.demo.backend.tray!.store;
const myList = () => t.page.getByRole('list', { name: 'My integrations' });
const row = (name: string) => myList().getByRole('listitem', { name, exact: true });
const card = (title: string) => t.page.getByRole('list', { name: 'Solutions' }).getByRole('listitem', { name: title, exact: true });
const named = (operation: string) => t.calls.filter((c) => c.operationName === operation);

async function add(title: string): Promise<Page> {
  const [popup] = await Promise.all([t.page.waitForEvent('popup'), card(title).getByRole('button', { name: `Add ${title}` }).click()]);
  await popup.waitForURL(/\/configure\//);
  return popup;
}

describe('the marketplace in Chromium: our handler → mock Tray, wizard on its own origin', () => {
  it('Add → create → wizard → finish → enabled, and the list on the same page shows it', async () => {
    await t.page.goto(`${t.demo.url}/#/story/marketplace-page`);
    await row('Slack alerts').waitFor();
    const popup = await add('Slack alerts');
    const created = named('MarketplaceCreateSolutionInstance');
    expect(created.map((c) => c.variables['input'])).toEqual([{ solutionId: SEED_IDS.solutions.slack, instanceName: 'Slack alerts' }]);
    await completeWizard(popup, { 'Slack channel': '#alerts' });
    await expect.poll(() => t.page.getByRole('status').filter({ hasText: 'added and enabled' }).count()).toBe(1);
    const enables = named('MarketplaceUpdateSolutionInstance');
    expect(enables).toHaveLength(1);
    expect(enables[0]!.variables['input']).toMatchObject({ enabled: true, errorOnEnablingWithMissingValues: true });
    const added = [...store().instances.values()].filter((i) => i.name === 'Slack alerts' && i.id !== SEED_IDS.instances.disabledMissingValues);
    expect(added).toHaveLength(1);
    expect(added[0]!.enabled).toBe(true);
    // The list (same Apollo cache) now has both “Slack alerts” instances.
    await expect.poll(() => myList().getByRole('listitem', { name: 'Slack alerts', exact: true }).count()).toBe(2);
  });

  it('Cancel in the wizard of a new instance offers removal; Remove it deletes it on the server', async () => {
    await t.page.goto(`${t.demo.url}/#/story/marketplace-catalog`);
    await card('Warehouse export (CSV to S3)').waitFor();
    const before = store().instances.size;
    const popup = await add('Warehouse export (CSV to S3)');
    await popup.getByRole('button', { name: 'Cancel' }).click();
    const offer = t.page.getByRole('group', { name: /was not finished/ });
    await offer.waitFor();
    expect(store().instances.size).toBe(before + 1);
    await offer.getByRole('button', { name: 'Remove it' }).click();
    await expect.poll(() => store().instances.size).toBe(before);
    expect(named('MarketplaceRemoveSolutionInstance')).toHaveLength(1);
  });

  it('My integrations: disable, rename, remove with confirmation, and a refresh on focus', async () => {
    await t.page.goto(`${t.demo.url}/#/story/marketplace-my-integrations`);
    await row('Salesforce CRM sync').getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => store().instances.get(SEED_IDS.instances.enabledComplete)!.enabled).toBe(false);
    await row('Salesforce CRM sync').getByRole('button', { name: 'Enable' }).waitFor();

    await row('Warehouse export').getByRole('button', { name: 'Rename' }).click();
    await t.page.getByRole('textbox', { name: 'New name' }).fill('Nightly export');
    await t.page.keyboard.press('Enter');
    await row('Nightly export').waitFor();
    expect(store().instances.get(SEED_IDS.instances.disabledComplete)!.name).toBe('Nightly export');

    await row('Nightly export').getByRole('button', { name: 'Remove' }).click();
    await row('Nightly export').getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => row('Nightly export').count()).toBe(0);
    expect(store().instances.has(SEED_IDS.instances.disabledComplete)).toBe(false);

    store().instances.get(SEED_IDS.instances.disabledMissingValues)!.name = 'Renamed elsewhere';
    await t.page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await row('Renamed elsewhere').waitFor();
  });

  it('Update available → Update upgrades the instance', async () => {
    await t.page.goto(`${t.demo.url}/#/story/marketplace-my-integrations`);
    const zendesk = row('Zendesk ticket sync');
    await zendesk.getByText('Update available').waitFor();
    await zendesk.getByRole('button', { name: 'Update' }).click();
    await expect.poll(() => zendesk.getByText('Update available').count()).toBe(0);
    expect(store().instances.get(SEED_IDS.instances.newerVersion)!.solutionVersionFlags.hasNewerVersion).toBe(false);
  });

  it('the instance console lists every user’s instances, filters by owner and disables as the owner', async () => {
    await t.page.goto(`${t.demo.url}/#/story/marketplace-console`);
    const table = t.page.getByRole('table');
    await table.getByRole('rowheader').first().waitFor();
    expect(await table.getByRole('rowheader').count()).toBe(5);
    await t.page.getByRole('textbox', { name: 'Owner (Tray user id)' }).fill(SEED_IDS.otherUser);
    await t.page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => table.getByRole('rowheader').count()).toBe(1);
    await table.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => store().instances.get(SEED_IDS.instances.otherUsers)!.enabled).toBe(false);
    await table.getByRole('button', { name: 'Enable' }).waitFor();
  });

  it('on a phone the console’s table becomes stacked rows that name their cells; nothing scrolls sideways', async () => {
    await t.page.setViewportSize({ width: 375, height: 800 });
    await t.page.goto(`${t.demo.url}/#/story/marketplace-console`);
    const table = t.page.getByRole('table');
    await table.getByRole('rowheader').first().waitFor();
    const layout = await table.evaluate((element) => {
      const row = element.querySelector('tbody tr')!;
      const cell = row.querySelector('td')!;
      return {
        row: getComputedStyle(row).display,
        head: element.querySelector('thead')!.getBoundingClientRect().height,
        label: getComputedStyle(cell, '::before').content,
        overflow: element.closest('.rte-console')!.scrollWidth - element.closest('.rte-console')!.clientWidth,
      };
    });
    expect(layout).toEqual({ row: 'block', head: 1, label: '"Owner"', overflow: 0 });
    // Still a table to assistive technology: the row is named by its name cell.
    expect(await table.getByRole('rowheader').count()).toBe(5);
    await t.page.screenshot({ path: 'test/e2e/__screenshots__/console-phone.png', fullPage: true });
  });

  it('the scripted error story recovers with Try again', async () => {
    await t.page.goto(`${t.demo.url}/#/story/marketplace-error`);
    await t.page.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
    await row('Salesforce CRM sync').waitFor();
    expect(await t.page.getByRole('alert').count()).toBe(0);
  });
});
