import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WIZARD_FRAME_SANDBOX } from '../../src/core/wizardDialog';
import { SEED_IDS } from '../../src/mock-tray/seed';
import type { RunningMockTray } from '../../src/mock-tray/server';
import { axeViolations } from '../support/axe';
import type { HostPage } from './hostPage';
import { openFromHost, receivedOfType, startHostInChromium, waitForReceived, type HostInChromium } from './hostInChromium';

let running: HostInChromium | undefined;
let host: HostPage;
let tray: RunningMockTray;
let context: BrowserContext;
let page: Page;
const slackId = SEED_IDS.instances.disabledMissingValues;
const seededSlackAuth = `auth-${slackId}-slack_auth`;

beforeAll(async () => {
  running = await startHostInChromium();
  ({ host, tray } = running);
}, 60_000);

afterAll(() => running?.close());

beforeEach(async () => {
  ({ context, page } = await running!.nextPage());
  tray.store.clearLogs();
});

const code = () => tray.store.credentials.issueAuthorizationCode(SEED_IDS.demoUser).value;
const wizardUrl = (id: string) => `${tray.wizardOrigin}/external/solutions/${tray.embeddedId}/configure/${id}?code=${code()}`;
const messages = (type: string) => receivedOfType(page, type);
const waitForMessage = (type: string) => waitForReceived(page, type);
const openPopup = (url: string) => openFromHost(page, host, url);

/** Clicks `connect` in `from` (a popup or a frame) and allows access on the consent page it opens. */
async function allowOnConsentPage(from: Page | Frame, connect: string, decision: 'Allow' | 'Deny' = 'Allow'): Promise<Page> {
  const [consent] = await Promise.all([context.waitForEvent('page'), from.getByRole('button', { name: connect }).click()]);
  await consent.waitForURL(`${tray.consentOrigin}/oauth/authorize?**`);
  await consent.getByRole('heading', { name: /Allow Mock Tray to use your Slack account\?/ }).waitFor();
  expect(await axeViolations(consent)).toEqual([]);
  // The wizard closes it once the callback page handed the grant over: wait from before the click.
  await Promise.all([consent.waitForEvent('close'), consent.getByRole('button', { name: decision }).click()]);
  return consent;
}

describe('the mock’s consent page, on a third origin', { timeout: 45_000 }, () => {
  it('the wizard’s Connect: consent on the third origin, back through the callback, the new account saved with the instance', async () => {
    expect(new Set([host.origin, tray.wizardOrigin, tray.consentOrigin]).size).toBe(3);
    const popup = await openPopup(wizardUrl(slackId));
    await waitForMessage('tray.configPopup.ready');
    await allowOnConsentPage(popup, 'Connect another Slack account');
    await expect.poll(() => popup.locator('#fields').innerText()).toContain('Connected: Demo User’s Slack');
    const created = tray.store.events.find((event) => event.type === 'authenticationConnected');
    expect(created).toMatchObject({ mode: 'created', userId: SEED_IDS.demoUser });
    await popup.getByRole('button', { name: 'Next' }).click();
    await popup.getByLabel('Slack channel').fill('#alerts');
    await popup.getByRole('button', { name: 'Next' }).click();
    await popup.getByRole('button', { name: 'Finish' }).click();
    await waitForMessage('tray.configPopup.finish');
    expect(tray.store.instances.get(slackId)!.authValues).toEqual([{ externalId: 'slack_auth', authId: (created as { authId: string }).authId }]);
  });

  it('Deny: the wizard says nothing was connected, and keeps the account it had', async () => {
    const popup = await openPopup(wizardUrl(SEED_IDS.instances.enabledComplete));
    await waitForMessage('tray.configPopup.ready');
    const before = tray.store.authentications.size;
    const [consent] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Connect another Salesforce account' }).click()]);
    await consent.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('Access was not allowed, so nothing was connected.');
    expect(tray.store.authentications.size).toBe(before);
    expect(await popup.locator('#fields').innerText()).toContain('Connected: Demo User’s Salesforce');
  });

  it('in a frame of the host page, with our dialog’s sandbox: it speaks to its parent, and Connect’s consent popup escapes the sandbox', async () => {
    await page.goto(`${host.origin}/`);
    await page.evaluate(([url, sandbox]) => (window as any).frameWizard(url, sandbox), [wizardUrl(slackId), WIZARD_FRAME_SANDBOX] as const);
    await waitForMessage('tray.configPopup.ready');
    const [ready] = await messages('tray.configPopup.ready');
    expect(ready).toMatchObject({ origin: tray.wizardOrigin, fromPopup: true });
    const frame = page.frame({ url: /\/configure\// })!;
    const consent = await allowOnConsentPage(frame, 'Connect another Slack account');
    expect(consent.isClosed()).toBe(true);
    await expect.poll(() => frame.locator('#fields').innerText()).toContain('Connected: Demo User’s Slack');
  });
});

describe('the auth-only dialog’s pages, in Chromium', { timeout: 45_000 }, () => {
  it('edit: Reconnect → consent → tray.authpopup.finish { authType, authId } from the wizard origin, the same authentication', async () => {
    const popup = await openPopup(`${tray.wizardOrigin}/external/auth/edit/${tray.embeddedId}/${seededSlackAuth}?code=${code()}`);
    await popup.getByRole('heading', { name: 'Reconnect Demo User’s Slack' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await allowOnConsentPage(popup, 'Reconnect Slack');
    await waitForMessage('tray.authpopup.finish');
    const [finish] = await messages('tray.authpopup.finish');
    expect(finish).toEqual({ origin: tray.wizardOrigin, fromPopup: true, data: { type: 'tray.authpopup.finish', data: { authType: 'oauth2', authId: seededSlackAuth } } });
    expect(tray.store.events).toContainEqual({ type: 'authenticationConnected', authId: seededSlackAuth, userId: SEED_IDS.demoUser, mode: 'updated' });
  });

  it('create: Cancel posts tray.authpopup.close; a used code posts tray.authPopup.error with data.error', async () => {
    const url = `${tray.wizardOrigin}/external/auth/create/${tray.embeddedId}/${slackId}/slack_auth?code=${code()}`;
    const popup = await openPopup(url);
    await popup.getByRole('heading', { name: 'Connect Slack workspace' }).waitFor();
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await waitForMessage('tray.authpopup.close');
    await popup.close();
    const again = await openPopup(url); // the same code, already used
    await waitForMessage('tray.authPopup.error');
    const [error] = await messages('tray.authPopup.error');
    expect(error.origin).toBe(tray.wizardOrigin);
    expect(error.data.data.error).toMatch(/already used/);
    expect(await again.getByRole('alert').textContent()).toMatch(/already used/);
  });

  it('with enhanced session security: asks the host for the account, and opens only with the right answer', async () => {
    tray.store.authDialogAccountId = 'acct-42';
    try {
      await page.goto(`${host.origin}/`);
      await page.evaluate(() => void ((window as any).accountId = 'acct-42'));
      const [popup] = await Promise.all([
        page.waitForEvent('popup'),
        page.evaluate((target) => (window as any).openWizard(target), `${tray.wizardOrigin}/external/auth/edit/${tray.embeddedId}/${seededSlackAuth}?code=${code()}`),
      ]);
      await waitForMessage('tray.authpopup.accountIdRequest');
      await popup.getByRole('button', { name: 'Reconnect Slack' }).waitFor();
      await popup.close();
      await page.evaluate(() => void ((window as any).accountId = 'someone-else'));
      await page.evaluate((target) => (window as any).openWizard(target), `${tray.wizardOrigin}/external/auth/edit/${tray.embeddedId}/${seededSlackAuth}?code=${code()}`);
      await waitForMessage('tray.authPopup.error');
      const [error] = await messages('tray.authPopup.error');
      expect(error.data.data.error).toMatch(/another account/);
    } finally {
      tray.store.authDialogAccountId = null;
    }
  });
});
