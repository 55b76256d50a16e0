import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { launchChromium } from '../support/chromium';
import { completeWizard } from './support/demo';
import { E2E_DEMO_DIR } from './support/globalSetup';
import { startStaticHost, type StaticHost } from './support/staticHost';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// The built demo served as plain static files: no handler, no mock Tray on the server. At the
// domain root, and under a sub-path as a project site or a docs folder would serve it.
describe.each(['/', '/some/where/'])('the static build served at %s', (prefix) => {
  let host: StaticHost;
  beforeAll(async () => {
    host = await startStaticHost(E2E_DEMO_DIR, prefix);
  });
  afterAll(async () => {
    await host?.close();
  });

  it('runs the live flow through the in-page mock Tray and our handler, asking nothing outside its path', async () => {
    const context = await browser.newContext();
    onTestFinished(() => context.close());
    // What Chromium itself sent (the page and the wizard popup), beside what the host saw.
    const sent: string[] = [];
    context.on('request', (request) => sent.push(request.url()));
    const page = await context.newPage();
    // In the static build no API request reaches the network; the in-page mock Tray counts them.
    const enableEvents = () => page.evaluate(`window.rteInBrowserTray.store.events.filter((e) => e.type === 'updateSolutionInstance')`) as Promise<Array<{ input: Record<string, unknown>; outcome: string }>>;
    const card = page.locator('[data-instance="si-slack-missing-values"]');
    await page.goto(`${host.url}#/story/live`);
    await card.getByRole('status').filter({ hasText: 'Disabled' }).waitFor();
    expect(await page.locator('.demo-mode').innerText()).toContain('Static build');
    const [popup] = await Promise.all([page.waitForEvent('popup'), card.getByRole('button', { name: 'Configure' }).click()]);
    await popup.locator('#form:not([hidden])').waitFor();
    // The wizard runs beside the page (it keeps the code in its query), not at the root.
    expect(popup.url()).toMatch(new RegExp(`^${host.url.replace(/[.?/]/g, '\\$&')}mock-wizard\\.html\\?code=`));
    await completeWizard(popup, { 'Slack channel': '#alerts' });
    await expect.poll(() => card.getByRole('status').innerText()).toContain('Enabled');
    const enables = await enableEvents();
    expect(enables).toHaveLength(1);
    expect(enables[0]).toMatchObject({ outcome: 'updated', input: { enabled: true, errorOnEnablingWithMissingValues: true } });

    await page.goto(`${host.url}#/story/listing-editor`);
    await expect.poll(() => page.getByLabel('Display name', { exact: true }).inputValue()).toBe('Last Mile Delivery');

    // The page asked for its backend's config beside itself, found none, and ran the in-page mock.
    expect(host.requests).toContainEqual({ method: 'GET', path: `${prefix}api/demo-config`, status: 404 });
    const outside = (path: string) => !path.startsWith(prefix);
    expect(host.requests.filter((request) => outside(request.path))).toEqual([]);
    expect(sent.filter((url) => url.startsWith(host.origin) && outside(url.slice(host.origin.length)))).toEqual([]);
    // Every file the page and the popup asked for was there: the config probe is the one 404.
    expect(new Set(host.requests.filter((request) => request.status !== 200).map((request) => request.path))).toEqual(new Set([`${prefix}api/demo-config`]));
    expect(host.requests.map((request) => request.path)).toEqual(expect.arrayContaining([prefix, `${prefix}mock-wizard.html`]));
  });
});
