import type { Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { completeWizard } from './support/demo';
import { E2E_DEMO_DIR } from './support/globalSetup';

let server: PreviewServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  // The built demo served as plain static files: no handler, no mock Tray on the server.
  server = await preview({ configFile: 'vite.config.ts', build: { outDir: E2E_DEMO_DIR }, preview: { host: '127.0.0.1', port: 0 } });
  url = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
});

it('the static build runs the live flow through the in-page mock Tray and our handler', async () => {
  const page = await browser.newPage();
  // In the static build no request reaches the network; the in-page mock Tray counts them.
  const enableEvents = () => page.evaluate(`window.rteInBrowserTray.store.events.filter((e) => e.type === 'updateSolutionInstance')`) as Promise<Array<{ input: Record<string, unknown>; outcome: string }>>;
  const card = page.locator('[data-instance="si-slack-missing-values"]');
  await page.goto(`${url}/#/story/live`);
  await card.getByRole('status').filter({ hasText: 'Disabled' }).waitFor();
  expect(await page.locator('.demo-mode').innerText()).toContain('Static build');
  const [popup] = await Promise.all([page.waitForEvent('popup'), card.getByRole('button', { name: 'Configure' }).click()]);
  await completeWizard(popup, { 'Slack channel': '#alerts' });
  await expect.poll(() => card.getByRole('status').innerText()).toContain('Enabled');
  const enables = await enableEvents();
  expect(enables).toHaveLength(1);
  expect(enables[0]).toMatchObject({ outcome: 'updated', input: { enabled: true, errorOnEnablingWithMissingValues: true } });

  await page.goto(`${url}/#/story/listing-editor`);
  await expect.poll(() => page.getByLabel('Display name', { exact: true }).inputValue()).toBe('Last Mile Delivery');
  await page.close();
});
