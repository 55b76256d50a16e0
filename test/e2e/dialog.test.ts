import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { axeViolations } from '../support/axe';
import { completeWizard, enableCalls } from './support/demo';
import { useDemoInBrowser } from './support/fixture';

const t = useDemoInBrowser({ fresh: 'test' });

const slackId: string = SEED_IDS.instances.disabledMissingValues;
const store = () => t.demo.backend.tray!.store;
const status = () => t.page.locator('[data-instance] .rte-status');
const wizardFrame = () => t.page.frameLocator('iframe[title="Set up integration"]');
const focusedText = () => t.page.evaluate(() => document.activeElement?.textContent ?? '');

async function openStory(id: string) {
  await t.page.goto(`${t.demo.url}/#/story/${id}`);
  await t.page.locator(`[data-story="${id}"][data-story-ready="true"]`).waitFor();
}

/** Configure in the `enabler-dialog` story: the dialog, with the mock wizard's form in its frame. */
async function configureInDialog() {
  await openStory('enabler-dialog');
  await t.page.getByRole('button', { name: 'Configure' }).click();
  await t.page.getByRole('dialog', { name: 'Set up integration' }).waitFor();
  await wizardFrame().locator('#form:not([hidden])').waitFor();
}

/** Registered after the widget's own listener: once it has seen `count` finishes, the widget has handled them. */
async function countFinishes(page: Page) {
  await page.evaluate(() => {
    (window as any).finishesSeen = 0;
    window.addEventListener('message', (event) => {
      if (event.data?.type === 'tray.configPopup.finish') (window as any).finishesSeen += 1;
    });
  });
}

describe('the wizard in the page’s dialog, in Chromium: our handler → mock Tray, wizard on its own origin', () => {
  it('finish inside the dialog → one enable with both flags → Enabled; no popup; zero axe violations while open', async () => {
    let popups = 0;
    t.page.on('popup', () => (popups += 1));
    await configureInDialog();
    const frame = t.page.frame({ url: /\/configure\// })!;
    expect(new URL(frame.url()).origin).toBe(t.demo.backend.config.wizardOrigin);
    expect(await status().innerText()).toContain('Waiting for the wizard…');
    expect(await t.page.locator('dialog iframe').getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    expect(await axeViolations(t.page)).toEqual([]);
    await completeWizard(wizardFrame(), { 'Slack channel': '#alerts' });
    await expect.poll(() => status().innerText()).toContain('Enabled');
    expect(await t.page.getByRole('dialog').count()).toBe(0);
    const enables = enableCalls(t.calls);
    expect(enables).toHaveLength(1);
    expect(enables[0]!.variables['input']).toMatchObject({ solutionInstanceId: slackId, enabled: true, errorOnEnablingWithMissingValues: true });
    expect(store().instances.get(slackId)!.enabled).toBe(true);
    expect(popups).toBe(0);
  });

  it('ignores a forged finish from another frame on the wizard’s origin and from the page itself', async () => {
    await configureInDialog();
    await countFinishes(t.page);
    // Another frame on the wizard's own origin (any page there: a 404 is on that origin too).
    const [other] = await Promise.all([
      t.page.waitForEvent('framenavigated', { predicate: (frame) => frame.url().includes('/not-the-wizard') }),
      t.page.evaluate((url) => {
        const frame = document.createElement('iframe');
        frame.title = 'Another frame';
        frame.src = url;
        document.body.append(frame);
      }, `${t.demo.backend.config.wizardOrigin}/not-the-wizard`),
    ]);
    await other.waitForLoadState();
    await other.evaluate(() => window.parent.postMessage({ type: 'tray.configPopup.finish' }, '*'));
    await t.page.evaluate(() => window.postMessage({ type: 'tray.configPopup.finish' }, '*'));
    await t.page.waitForFunction(() => (window as any).finishesSeen === 2);
    expect(enableCalls(t.calls)).toHaveLength(0);
    expect(await status().innerText()).toContain('Waiting for the wizard…');
    expect(await t.page.getByRole('dialog', { name: 'Set up integration' }).isVisible()).toBe(true);
    // The real wizard still finishes it.
    await completeWizard(wizardFrame(), { 'Slack channel': '#alerts' });
    await expect.poll(() => status().innerText()).toContain('Enabled');
    expect(enableCalls(t.calls)).toHaveLength(1);
  });

  it('Escape → closed unfinished: no mutation, the dialog gone, focus back on Configure; Tab stays inside while it is open', async () => {
    await configureInDialog();
    const dialog = t.page.getByRole('dialog', { name: 'Set up integration' });
    for (let i = 0; i < 4; i += 1) {
      await t.page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await t.page.getByRole('button', { name: 'Close' }).focus();
    await t.page.keyboard.press('Escape');
    await expect.poll(() => status().innerText()).toContain('The setup window was closed before finishing.');
    expect(await dialog.count()).toBe(0);
    expect(await focusedText()).toBe('Configure');
    expect(enableCalls(t.calls)).toHaveLength(0);
    expect(store().instances.get(slackId)!.enabled).toBe(false);
  });

  it('under 640 px wide the dialog fills the screen', async () => {
    await t.page.setViewportSize({ width: 375, height: 700 });
    await configureInDialog();
    const box = await t.page.getByRole('dialog', { name: 'Set up integration' }).boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 375, height: 700 });
    await t.page.setViewportSize({ width: 1100, height: 800 });
    const wide = await t.page.getByRole('dialog', { name: 'Set up integration' }).boundingBox();
    expect(wide!.width).toBeLessThan(700);
    expect(wide!.x).toBeGreaterThan(0);
  });

  it('blocked popup → Open here → the same wizard in the page → finish → Enabled', async () => {
    await openStory('enabler-open-here');
    const alert = t.page.getByRole('alert');
    expect(await alert.innerText()).toContain('The setup window was blocked. Allow pop-ups for this site, or open it here.');
    expect(await alert.innerText()).not.toContain('Enable');
    await alert.getByRole('button', { name: 'Open here' }).click();
    await t.page.getByRole('dialog', { name: 'Set up integration' }).waitFor();
    await completeWizard(wizardFrame());
    await expect.poll(() => status().innerText()).toContain('Enabled');
    const enables = enableCalls(t.calls);
    expect(enables).toHaveLength(1);
    expect(enables[0]!.variables['input']).toMatchObject({ solutionInstanceId: SEED_IDS.instances.disabledComplete, enabled: true, errorOnEnablingWithMissingValues: true });
    expect(await focusedText()).toBe('Reconfigure');
  });

  it('a wizard that never answers: the status adds the hint after noResponseMs, and keeps waiting', async () => {
    await openStory('enabler-not-responding');
    const text = await t.page.locator('[data-story="enabler-not-responding"] [role="status"]').innerText();
    expect(text).toContain('Waiting for the wizard…');
    expect(text).toContain('The setup window is not responding.');
    expect(await t.page.getByRole('alert').count()).toBe(0);
  });
});

describe('Reconnect in Chromium, end to end through the mock’s consent page', () => {
  const slackRow = () => t.page.getByRole('list', { name: 'My integrations' }).getByRole('listitem', { name: 'Slack alerts', exact: true });
  const reconnects = () => t.calls.filter((call) => call.operationName === 'MarketplaceUpdateSolutionInstance');

  it('in the page: the auth dialog’s edit page → the provider’s consent popup on a third origin → Allow → the slot set, the row says so', async () => {
    await openStory('marketplace-reconnect');
    const authId = `auth-${slackId}-slack_auth`;
    await slackRow().getByRole('button', { name: 'Reconnect Slack workspace' }).click();
    await t.page.getByRole('dialog', { name: 'Reconnect Slack workspace' }).waitFor();
    const frame = t.page.frameLocator('iframe[title="Reconnect Slack workspace"]');
    const [consent] = await Promise.all([t.page.context().waitForEvent('page'), frame.getByRole('button', { name: 'Reconnect Slack' }).click()]);
    await consent.waitForURL(/\/oauth\/authorize\?/);
    const consentOrigin = new URL(consent.url()).origin;
    expect(new Set([consentOrigin, t.demo.backend.config.wizardOrigin, new URL(t.demo.url).origin]).size).toBe(3);
    await Promise.all([consent.waitForEvent('close'), consent.getByRole('button', { name: 'Allow' }).click()]);
    await t.page.getByRole('status').filter({ hasText: '“Slack alerts” is reconnected.' }).waitFor();
    expect(await t.page.getByRole('dialog').count()).toBe(0);
    expect(reconnects().map((call) => call.variables['input'])).toEqual([{ solutionInstanceId: slackId, authValues: [{ externalId: 'slack_auth', authId }] }]);
    expect(store().events).toContainEqual({ type: 'authenticationConnected', authId, userId: SEED_IDS.demoUser, mode: 'updated' });
    expect(await focusedText()).toBe('Reconnect');
  });

  it('in a popup, for a slot with no account yet: the create page → consent → a new authentication set on the instance', async () => {
    store().instances.get(slackId)!.authValues = [];
    await openStory('marketplace-my-integrations');
    const [popup] = await Promise.all([t.page.waitForEvent('popup'), slackRow().getByRole('button', { name: 'Reconnect Slack workspace' }).click()]);
    await popup.waitForURL(/\/external\/auth\/create\//);
    await popup.getByRole('heading', { name: 'Connect Slack workspace' }).waitFor();
    const [consent] = await Promise.all([popup.waitForEvent('popup'), popup.getByRole('button', { name: 'Connect Slack' }).click()]);
    await Promise.all([consent.waitForEvent('close'), consent.getByRole('button', { name: 'Allow' }).click()]);
    await t.page.getByRole('status').filter({ hasText: '“Slack alerts” is reconnected.' }).waitFor();
    await expect.poll(() => popup.isClosed()).toBe(true);
    const created = store().events.find((event) => event.type === 'authenticationConnected') as { authId: string; mode: string };
    expect(created.mode).toBe('created');
    expect(store().instances.get(slackId)!.authValues).toEqual([{ externalId: 'slack_auth', authId: created.authId }]);
    expect(reconnects()).toHaveLength(1);
  });
});
