import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { completeWizard, enableCalls, recordGraphql, type GraphqlCall } from './support/demo';
import { useDemoInBrowser } from './support/fixture';

const t = useDemoInBrowser({ fresh: 'file' });

/** Opens a window at `url` from the widget's page and makes it post a forged finish to its opener. */
async function forgeFinishFrom(page: Page, url: string): Promise<void> {
  const [other] = await Promise.all([page.waitForEvent('popup'), page.evaluate((target) => void window.open(target, '_blank'), url)]);
  await other.waitForLoadState();
  await other.evaluate(() => window.opener.postMessage({ type: 'tray.configPopup.finish' }, '*'));
  await other.close();
}

it('ignores a forged finish from a third origin and from another window on the wizard origin', async () => {
  const page = await t.browser.newPage();
  const calls: GraphqlCall[] = recordGraphql(page);
  const card = page.locator('[data-instance="si-warehouse-ready"]');
  await page.goto(`${t.demo.url}/#/story/live`);
  await card.getByRole('status').filter({ hasText: 'Disabled' }).waitFor();
  const [wizard] = await Promise.all([page.waitForEvent('popup'), card.getByRole('button', { name: 'Configure' }).click()]);
  await wizard.waitForURL(/\/configure\//);
  await expect.poll(() => card.getByRole('status').innerText()).toContain('Waiting for the wizard…');

  // Listens after the widget did (it listens from the Configure click): when this listener has
  // seen a message, the widget's listener has already handled it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as any).finishesSeen = seen;
    window.addEventListener('message', (event) => {
      if (event.data?.type === 'tray.configPopup.finish') seen.push(event.origin);
    });
  });

  const thirdOrigin = t.demo.backend.tray!.apiOrigin; // neither the page's origin nor the wizard's
  expect(new Set([new URL(thirdOrigin).origin, new URL(t.demo.url).origin, t.demo.backend.config.wizardOrigin]).size).toBe(3);
  await forgeFinishFrom(page, `${thirdOrigin}/not-the-wizard`);
  await forgeFinishFrom(page, `${t.demo.backend.config.wizardOrigin}/not-our-popup`);
  // And one posted by the page to itself, as a script on the page could.
  await page.evaluate(() => window.postMessage({ type: 'tray.configPopup.finish' }, '*'));

  await page.waitForFunction(() => (window as any).finishesSeen.length === 3);
  expect(enableCalls(calls)).toHaveLength(0);
  expect(await card.getByRole('status').innerText()).toContain('Waiting for the wizard…');
  expect(wizard.isClosed()).toBe(false);

  // The real wizard still finishes the flow (had a forged finish been taken, the widget would
  // have closed this popup, and completing it would fail).
  await completeWizard(wizard);
  await expect.poll(() => card.getByRole('status').innerText()).toContain('Enabled');
  expect(enableCalls(calls)).toHaveLength(1);
  await page.close();
});
