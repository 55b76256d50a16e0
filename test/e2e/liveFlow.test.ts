import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { completeWizard, enableCalls } from './support/demo';
import { useDemoInBrowser } from './support/fixture';

const t = useDemoInBrowser({ fresh: 'test' });

/** One instance's card in the live story. */
const card = (id: string) => t.page.locator(`[data-instance="${id}"]`);
const statusOf = (id: string) => card(id).getByRole('status');

async function openLive(instanceId: string) {
  await t.page.goto(`${t.demo.url}/#/story/live`);
  await statusOf(instanceId).filter({ hasText: /Enabled|Disabled/ }).waitFor();
}

async function configure(instanceId: string): Promise<Page> {
  const [popup] = await Promise.all([t.page.waitForEvent('popup'), card(instanceId).getByRole('button', { name: /^(Configure|Reconfigure)$/ }).click()]);
  await popup.waitForURL(/\/configure\//);
  return popup;
}

describe('the live flow in Chromium: our handler → mock Tray, wizard on its own origin', () => {
  it('Configure → wizard on the other origin → fill → finish → one enable with both flags → Enabled', async () => {
    await openLive('si-slack-missing-values');
    expect(await statusOf('si-slack-missing-values').innerText()).toContain('Disabled');
    const popup = await configure('si-slack-missing-values');
    const wizardOrigin = new URL(popup.url()).origin;
    expect(wizardOrigin).toBe(t.demo.backend.config.wizardOrigin);
    expect(wizardOrigin).not.toBe(new URL(t.demo.url).origin);
    await completeWizard(popup, { 'Slack channel': '#alerts' });
    await expect.poll(() => statusOf('si-slack-missing-values').innerText()).toContain('Enabled');
    await expect.poll(() => popup.isClosed()).toBe(true);
    const enables = enableCalls(t.calls);
    expect(enables).toHaveLength(1);
    expect(enables[0]!.variables['input']).toMatchObject({
      solutionInstanceId: 'si-slack-missing-values',
      enabled: true,
      errorOnEnablingWithMissingValues: true,
    });
    // The server is the truth: the mock holds it enabled, with the value the wizard saved.
    const stored = t.demo.backend.tray!.store.instances.get('si-slack-missing-values');
    expect(stored?.enabled).toBe(true);
  });

  it('missing values: Enable is refused with an alert, Finish setup reopens the wizard, then enabling works', async () => {
    await openLive('si-slack-missing-values');
    await card('si-slack-missing-values').getByRole('button', { name: 'Enable' }).click();
    const alert = card('si-slack-missing-values').getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Some required settings are missing.');
    expect(await statusOf('si-slack-missing-values').innerText()).toContain('Disabled');
    const [popup] = await Promise.all([t.page.waitForEvent('popup'), alert.getByRole('button', { name: 'Finish setup' }).click()]);
    await completeWizard(popup, { 'Slack channel': '#ops' });
    await expect.poll(() => statusOf('si-slack-missing-values').innerText()).toContain('Enabled');
    expect(enableCalls(t.calls).map((c) => c.variables['input'].errorOnEnablingWithMissingValues)).toEqual([true, true]);
  });

  it('a finish whose values are missing after all: alert, Finish setup reopens the wizard, then enabling works', async () => {
    // The mock wizard refuses to finish with an empty required field, so the value is taken
    // away on the server between the wizard's save and our enable, as another admin could.
    const store = t.demo.backend.tray!.store;
    let cleared = false;
    await t.page.route('**/api/tray/graphql', async (route) => {
      if (!cleared && route.request().postData()?.includes('updateSolutionInstance')) {
        cleared = true;
        store.instances.get('si-slack-missing-values')!.configValues.delete('slack_channel');
      }
      await route.continue();
    });
    await openLive('si-slack-missing-values');
    const first = await configure('si-slack-missing-values');
    await completeWizard(first, { 'Slack channel': '#alerts' });
    const alert = card('si-slack-missing-values').getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Some required settings are missing.');
    expect(await statusOf('si-slack-missing-values').innerText()).toContain('Disabled');
    expect(store.instances.get('si-slack-missing-values')!.enabled).toBe(false);
    const [again] = await Promise.all([t.page.waitForEvent('popup'), alert.getByRole('button', { name: 'Finish setup' }).click()]);
    await completeWizard(again, { 'Slack channel': '#alerts' });
    await expect.poll(() => statusOf('si-slack-missing-values').innerText()).toContain('Enabled');
    expect(enableCalls(t.calls)).toHaveLength(2);
  });

  it('Cancel in the wizard leaves the instance disabled and says so', async () => {
    await openLive('si-warehouse-ready');
    const popup = await configure('si-warehouse-ready');
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => statusOf('si-warehouse-ready').innerText()).toContain('Setup was cancelled.');
    expect(await statusOf('si-warehouse-ready').innerText()).toContain('Disabled');
    expect(enableCalls(t.calls)).toHaveLength(0);
  });

  it('an error the wizard reports shows its own words on the page, under the alert, and nothing is enabled', async () => {
    await openLive('si-warehouse-ready');
    const popup = await configure('si-warehouse-ready');
    await popup.locator('#form:not([hidden])').waitFor();
    // The mock wizard posts Tray's shape: the text in a top-level `err`, the instance id in data.data.
    await popup.getByRole('link', { name: 'Simulate wizard error' }).click();
    const alert = card('si-warehouse-ready').getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Simulated wizard error (from the mock Tray wizard).');
    expect(await statusOf('si-warehouse-ready').innerText()).toContain('Disabled');
    expect(enableCalls(t.calls)).toHaveLength(0);
    expect(t.demo.backend.tray!.store.instances.get('si-warehouse-ready')!.enabled).toBe(false);
  });

  it('closing the popup before finishing leaves the instance disabled and says so', async () => {
    await openLive('si-warehouse-ready');
    const popup = await configure('si-warehouse-ready');
    await popup.locator('#form:not([hidden])').waitFor();
    await popup.close();
    await expect.poll(() => statusOf('si-warehouse-ready').innerText()).toContain('closed before finishing');
    expect(enableCalls(t.calls)).toHaveLength(0);
  });

  it('a blocked popup (window.open returns null) explains itself with Open here, and Enable works', async () => {
    await openLive('si-warehouse-ready');
    await t.page.evaluate(() => {
      window.open = () => null;
    });
    await card('si-warehouse-ready').getByRole('button', { name: 'Configure' }).click();
    await expect.poll(() => card('si-warehouse-ready').getByRole('alert').innerText()).toContain('Allow pop-ups for this site, or open it here.');
    expect(await card('si-warehouse-ready').getByRole('alert').getByRole('button', { name: 'Open here' }).isVisible()).toBe(true);
    await card('si-warehouse-ready').getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => statusOf('si-warehouse-ready').innerText()).toContain('Enabled');
    expect(enableCalls(t.calls)).toHaveLength(1);
  });

  it('reload after enabling shows Enabled: the server is the truth', async () => {
    await openLive('si-warehouse-ready');
    await card('si-warehouse-ready').getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => statusOf('si-warehouse-ready').innerText()).toContain('Enabled');
    await t.page.reload();
    await statusOf('si-warehouse-ready').filter({ hasText: /Enabled|Disabled/ }).waitFor();
    expect(await statusOf('si-warehouse-ready').innerText()).toContain('Enabled');
  });
});
