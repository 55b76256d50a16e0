import { describe, expect, it } from 'vitest';
import { REVIEW_REFUSAL } from '../../src/demo/partner/partnerHooks';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { completeWizard } from './support/demo';
import { useDemoInBrowser } from './support/fixture';

const t = useDemoInBrowser({ fresh: 'test' });
const store = () => t.demo.backend.tray!.store;
const reviewed = () => [...store().instances.values()].filter((instance) => instance.solutionId === SEED_IDS.solutions.reviewed);
/** Enables the page sent (the handler forwards each, unless refused). */
const enables = () => t.calls.filter((call) => /updateSolutionInstance/.test(call.query) && call.variables['input']?.enabled === true);
const events = () => t.page.getByRole('region', { name: 'Events' });

describe('the partner decides, in Chromium: disableAutoEnable, beforeEnable, onInstanceEvent', () => {
  it('Add a disableAutoEnable solution → wizard → finish: set up, waiting; nothing enabled', async () => {
    await t.page.goto(`${t.demo.url}/#/story/marketplace-catalog`);
    const card = t.page.getByRole('list', { name: 'Solutions' }).getByRole('listitem', { name: 'HubSpot contacts (reviewed)', exact: true });
    await card.waitFor();
    const [popup] = await Promise.all([t.page.waitForEvent('popup'), card.getByRole('button', { name: 'Add HubSpot contacts (reviewed)' }).click()]);
    await popup.waitForURL(/\/configure\//);
    await completeWizard(popup);
    await t.page.getByRole('status').filter({ hasText: '“HubSpot contacts (reviewed)”: Set up — waiting for activation' }).waitFor();
    expect(reviewed()).toHaveLength(1);
    expect(reviewed()[0]!.enabled).toBe(false);
    expect(enables()).toEqual([]);
  });

  it('the enabler: set up and waiting, the user’s Enable refused with the reason, the console activates it', async () => {
    await t.page.goto(`${t.demo.url}/#/story/partner-activation`);
    await t.page.locator('[data-story-ready="true"]').waitFor();
    const enabler = t.page.locator('.rte-enabler');
    const [popup] = await Promise.all([t.page.waitForEvent('popup'), enabler.getByRole('button', { name: 'Configure' }).click()]);
    await popup.waitForURL(/\/configure\//);
    await completeWizard(popup);
    await enabler.getByRole('status').filter({ hasText: 'Set up — waiting for activation' }).waitFor();
    expect(await enabler.getByRole('status').innerText()).toMatch(/Disabled/);
    const [instance] = reviewed();
    expect(instance!.enabled).toBe(false);

    await enabler.getByRole('button', { name: 'Enable' }).click();
    await enabler.getByRole('alert').filter({ hasText: REVIEW_REFUSAL }).waitFor();
    expect(await enabler.getByRole('button', { name: 'Finish setup' }).count()).toBe(0);
    expect(store().instances.get(instance!.id)!.enabled).toBe(false);

    const consoleRow = t.page.getByRole('row').filter({ hasText: 'HubSpot contacts (reviewed)' });
    await consoleRow.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => store().instances.get(instance!.id)!.enabled).toBe(true);
    // The handler's onInstanceEvent, shown by the demo: created on the first visit, then enabled by the admin route.
    await events().getByText('server: onInstanceEvent enabled').waitFor();
    expect(await events().innerText()).toMatch(/onInstanceEvent enabled\s*\{[^}]*"via":"admin"/);
  });
});
