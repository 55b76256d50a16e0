import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import type { RunningMockTray } from '../../src/mock-tray/server';
import { axeViolations } from '../support/axe';
import { startHostPage, type HostPage } from './hostPage';
import { openFromHost, receivedOfType, startHostInChromium, waitForReceived, type HostInChromium } from './hostInChromium';

const UNUSED_ORIGIN = 'http://127.0.0.1:9';

let running: HostInChromium | undefined;
let host: HostPage;
let tray: RunningMockTray;
let page: Page;

beforeAll(async () => {
  // The unused origin first: with no referrer the page must post to every listed origin.
  running = await startHostInChromium({ otherHostOrigins: [UNUSED_ORIGIN] });
  ({ host, tray } = running);
}, 60_000);

afterAll(() => running?.close());

beforeEach(async () => {
  ({ page } = await running!.nextPage());
});

async function wizardUrl(instanceId: string, extra = ''): Promise<string> {
  const code = tray.store.credentials.issueAuthorizationCode(SEED_IDS.demoUser).value;
  return `${tray.wizardOrigin}/external/solutions/${tray.embeddedId}/configure/${instanceId}?code=${code}${extra}`;
}

const openWizard = (url: string, hostPath = '/') => openFromHost(page, host, url, hostPath);
const messagesOfType = (type: string) => receivedOfType(page, type);
const waitForMessage = (type: string) => waitForReceived(page, type);

describe('the mock wizard in Chromium', { timeout: 30_000 }, () => {
  it('walks the steps, saves, then posts finish from its own origin and stays open', async () => {
    const id = SEED_IDS.instances.disabledMissingValues;
    const popup = await openWizard(await wizardUrl(id));
    await waitForMessage('tray.configPopup.ready');
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('Slack alerts');
    expect(await popup.evaluate(() => (window as any).mockTrayWizard.targetOrigins)).toEqual([host.origin]);

    // First a step per auth slot: the account the instance already uses, preselected.
    expect(await popup.locator('#step-label').textContent()).toBe('Step 1 of 3');
    expect(await popup.locator('#fields').innerText()).toContain('Slack workspace');
    expect(await popup.locator('#fields').innerText()).toContain('Connected: Demo User’s Slack');
    expect(await popup.getByRole('button', { name: 'Connect another Slack account' }).isVisible()).toBe(true);
    await popup.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => popup.locator('#step-label').textContent()).toBe('Step 2 of 3');

    await popup.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => popup.locator('#slot-slack_channel-error').textContent()).toBe('This field is required.');
    expect(await popup.getByLabel('Slack channel').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(popup)).toEqual([]);

    await popup.getByLabel('Slack channel').fill('#alerts');
    await popup.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => popup.locator('#step-label').textContent()).toBe('Step 3 of 3');
    await popup.getByRole('button', { name: 'Back' }).click();
    expect(await popup.getByLabel('Slack channel').inputValue()).toBe('#alerts');
    await popup.getByRole('button', { name: 'Next' }).click();
    await popup.getByLabel('Mention @here').check();

    // Hold the save's answer; a ping the popup posts now reaches the host after any message it
    // posted before (same source, same target: delivered in order), so "no finish yet" is certain.
    let finishesBeforeSaveAnswered: number | undefined;
    await popup.route('**/wizard-api/save', async (route) => {
      const response = await route.fetch();
      await popup.evaluate((origin) => window.opener.postMessage({ type: 'test.ping' }, origin), host.origin);
      await waitForMessage('test.ping');
      finishesBeforeSaveAnswered = (await messagesOfType('tray.configPopup.finish')).length;
      await route.fulfill({ response });
    });
    await popup.getByRole('button', { name: 'Finish' }).click();

    await waitForMessage('tray.configPopup.finish');
    const [finish] = await messagesOfType('tray.configPopup.finish');
    expect(finish).toEqual({ origin: tray.wizardOrigin, fromPopup: true, data: { type: 'tray.configPopup.finish', data: { solutionInstanceId: id } } });
    expect(finishesBeforeSaveAnswered).toBe(0);
    expect(tray.store.instances.get(id)?.configValues.get('slack_channel')).toBe('"#alerts"');
    expect(tray.store.instances.get(id)?.configValues.get('mention_here')).toBe('true');
    expect(tray.store.instances.get(id)?.authValues).toEqual([{ externalId: 'slack_auth', authId: `auth-${id}-slack_auth` }]);
    expect(await popup.getByRole('heading', { name: 'Setup complete' }).isVisible()).toBe(true);
    expect(popup.isClosed()).toBe(false);
    expect(await messagesOfType('tray.configPopup.ready')).toHaveLength(1);
  });

  it('asks the host to validate each step and blocks while it reports errors', async () => {
    const popup = await openWizard(await wizardUrl(SEED_IDS.instances.disabledComplete, '&customValidation=true'));
    await waitForMessage('tray.configPopup.ready');
    await page.evaluate(() => {
      (window as any).validationErrors = (data: any) =>
        String(data.configValues.s3_bucket).startsWith('acme') ? { s3_bucket: 'Bucket names must not start with acme.' } : {};
    });
    // The auth step has no config values: the host is not asked about it.
    await popup.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => popup.locator('#step-label').textContent()).toBe('Step 2 of 3');
    expect(await page.evaluate(() => (window as any).validateRequests.length)).toBe(0);
    await popup.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => popup.locator('#slot-s3_bucket-error').textContent()).toBe('Bucket names must not start with acme.');
    expect(await popup.locator('#step-label').textContent()).toBe('Step 2 of 3');
    const [request] = await page.evaluate(() => (window as any).validateRequests);
    expect(request.visibleValues).toEqual(['s3_bucket', 's3_region', 'path_prefix']);
    expect(request.configValues).toMatchObject({ s3_bucket: 'acme-exports', s3_region: 'us-east-1', include_header_row: true });

    // A forged answer from the popup itself (not the opener) must not unblock a pending check.
    await page.evaluate(() => {
      (window as any).validationErrors = () => null;
    });
    await popup.getByLabel('S3 bucket name').fill('exports-bucket');
    await popup.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).validateRequests.length)).toBe(2);
    await popup.evaluate(
      () =>
        new Promise<void>((resolve) => {
          // Registered after the wizard's listener, so it runs once the wizard has handled the forgery.
          window.addEventListener('message', () => resolve(), { once: true });
          window.postMessage({ type: 'tray.configPopup.client.validation', data: { inProgress: false, errors: {} } }, '*');
        }),
    );
    expect(await popup.locator('#step-label').textContent()).toBe('Step 2 of 3');

    // The real opener's answer does.
    await page.evaluate(() => {
      const popupWindow = (window as any).popup as Window;
      popupWindow.postMessage({ type: 'tray.configPopup.client.validation', data: { inProgress: false, errors: {} } }, (window as any).received[0].origin);
    });
    await expect.poll(() => popup.locator('#step-label').textContent()).toBe('Step 3 of 3');
  });

  it('reports a used code as an error to the host, and posts cancel and simulated errors', async () => {
    const url = await wizardUrl(SEED_IDS.instances.disabledComplete);
    await fetch(`${tray.wizardOrigin}/wizard-api/session`, {
      method: 'POST',
      body: JSON.stringify({ embeddedId: tray.embeddedId, solutionInstanceId: SEED_IDS.instances.disabledComplete, code: new URL(url).searchParams.get('code') }),
    });
    const popup = await openWizard(url, '/no-referrer');
    await waitForMessage('tray.configPopup.error');
    const [error] = await messagesOfType('tray.configPopup.error');
    expect(error.origin).toBe(tray.wizardOrigin);
    // As Tray's wizard posts it: the text at the top (message.err, which Tray's sample reads), the instance in data.
    expect(error.data.err).toMatch(/already used/);
    expect(error.data.data).toEqual({ solutionInstanceId: SEED_IDS.instances.disabledComplete });
    expect(await popup.getByRole('alert').textContent()).toMatch(/already used/);
    // No referrer: the page posts to each allowed origin; the browser delivers only the matching one.
    expect(await popup.evaluate(() => (window as any).mockTrayWizard.targetOrigins)).toEqual([UNUSED_ORIGIN, host.origin]);
    expect(await messagesOfType('tray.configPopup.ready')).toHaveLength(0);

    await popup.getByRole('link', { name: 'Simulate wizard error' }).click();
    await expect.poll(async () => (await messagesOfType('tray.configPopup.error')).length).toBe(2);

    await popup.close(); // the host reuses one window name, so a second open would reuse this popup
    const second = await openWizard(await wizardUrl(SEED_IDS.instances.disabledComplete));
    await waitForMessage('tray.configPopup.ready');
    await second.getByRole('button', { name: 'Cancel' }).click();
    await waitForMessage('tray.configPopup.cancel');
    expect(await second.getByRole('heading', { name: 'Setup cancelled' }).isVisible()).toBe(true);
  });

  it('sends nothing to a host page whose origin is not in hostOrigins', async () => {
    const stranger = await startHostPage();
    try {
      await page.goto(`${stranger.origin}/`);
      const [popup] = await Promise.all([
        page.waitForEvent('popup'),
        page.evaluate(async (target) => (window as any).openWizard(target), await wizardUrl(SEED_IDS.instances.disabledComplete)),
      ]);
      await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('Warehouse export (CSV to S3)');
      // Ready was posted before the heading changed; a later '*' ping arrives after it would have.
      await popup.evaluate(() => window.opener.postMessage({ type: 'test.ping' }, '*'));
      await waitForMessage('test.ping');
      expect(await page.evaluate(() => (window as any).received.map((message: any) => message.data.type))).toEqual(['test.ping']);
    } finally {
      await stranger.close();
    }
  });
});
