import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { completeWizard } from './support/demo';
import { useDemoInBrowser } from './support/fixture';

/** Issue 16, "the first hour": what a new user met, as they would see it in Chromium. */
const t = useDemoInBrowser({ fresh: 'test' });

const store = () => t.demo.backend.tray!.store;
const myList = () => t.page.getByRole('list', { name: 'My integrations' });
const row = (name: string) => myList().getByRole('listitem', { name, exact: true });
const card = (title: string) => t.page.getByRole('list', { name: 'Solutions' }).getByRole('listitem', { name: title, exact: true });
const status = (scope: Page | Locator) => scope.locator('.rte-status').first();

async function open(story: string) {
  await t.page.goto(`${t.demo.url}/#/story/${story}`);
  await t.page.locator(`[data-story="${story}"][data-story-ready="true"]`).waitFor();
}

/** Marks the element, so a later check can tell it is the same node (not remounted). */
const mark = (locator: Locator) => locator.evaluate((element) => element.setAttribute('data-probe', 'kept'));
const isMarked = (locator: Locator) => locator.evaluate((element) => element.getAttribute('data-probe') === 'kept');

/** Records, from now on, whether any loading skeleton is ever attached to the page. */
const watchSkeletons = (page: Page) =>
  page.evaluate(() => {
    const seen = { skeleton: false };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      if (document.querySelector('.rte-skeleton')) seen.skeleton = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
const sawSkeleton = (page: Page) => page.evaluate(() => (window as unknown as { __seen: { skeleton: boolean } }).__seen.skeleton);

/** Resolves once the page has the answer to its next My integrations query. */
const nextListAnswer = (page: Page) =>
  page.waitForResponse((response) => response.url().endsWith('/api/tray/graphql') && response.request().postData()?.includes('MarketplaceSolutionInstances') === true);

/**
 * My integrations with more rows than one page (20), all loaded: a refresh then asks for all of
 * them at once (`first: 24`), other variables than the first load's, which Apollo treats as a
 * new query with no data until it answers. That is the refresh that used to blank the list.
 */
async function openWithTwoPages() {
  store().addGeneratedInstances(20);
  await open('marketplace-my-integrations');
  await t.page.getByRole('button', { name: 'Load more' }).click();
  await expect.poll(() => myList().getByRole('listitem').count()).toBe(24);
}

describe('bug 1: a refresh keeps the rows on screen', () => {
  it('Enable refused on “Slack alerts”: the rows stay (no skeleton, no remount) and the row shows the alert', async () => {
    await openWithTwoPages();
    await mark(row('Slack alerts'));
    await watchSkeletons(t.page);
    await row('Slack alerts').getByRole('button', { name: 'Enable' }).click();
    const alert = row('Slack alerts').getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Some required settings are missing.');
    expect(await isMarked(row('Slack alerts'))).toBe(true);
    expect(await sawSkeleton(t.page)).toBe(false);
    expect(store().instances.get(SEED_IDS.instances.disabledMissingValues)!.enabled).toBe(false);
    // The refused enable reloaded the list, all 24 rows in one request.
    expect(t.calls.filter((c) => c.operationName === 'MarketplaceSolutionInstances').at(-1)!.variables).toEqual({ first: 24 });
  });

  it('a window-focus refresh neither closes a Rename in progress nor loses its text', async () => {
    await openWithTwoPages();
    await row('Warehouse export').getByRole('button', { name: 'Rename' }).click();
    const field = row('Warehouse export').getByRole('textbox', { name: 'New name' });
    await field.fill('Nightly export, half typed');
    // Changed elsewhere meanwhile: seeing it is the signal that the refresh has landed.
    store().instances.get(SEED_IDS.instances.enabledComplete)!.name = 'CRM sync (renamed elsewhere)';
    const answered = nextListAnswer(t.page);
    await t.page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await answered;
    await row('CRM sync (renamed elsewhere)').waitFor();
    expect(await field.inputValue()).toBe('Nightly export, half typed');
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});

describe('bug 2: focus after a successful finish', () => {
  it('lands on Reconfigure, not on <body>', async () => {
    await open('live');
    const enabler = t.page.locator('[data-instance="si-slack-missing-values"]');
    const [popup] = await Promise.all([t.page.waitForEvent('popup'), enabler.getByRole('button', { name: 'Configure' }).click()]);
    await completeWizard(popup, { 'Slack channel': '#alerts' });
    await expect.poll(() => enabler.getByRole('status').innerText()).toContain('Enabled');
    await expect.poll(() => t.page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName)).toBe('Reconfigure');
    expect(await enabler.getByRole('button', { name: 'Reconfigure' }).evaluate((element) => element === document.activeElement)).toBe(true);
  });
});

describe('bug 5: a notice belongs to the action that caused it', () => {
  it('My integrations: “removed” gives way when a later enable fails in another row', async () => {
    await open('marketplace-my-integrations');
    await row('Warehouse export').getByRole('button', { name: 'Remove' }).click();
    await row('Warehouse export').getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => status(t.page).innerText()).toContain('“Warehouse export” was removed.');
    await row('Slack alerts').getByRole('button', { name: 'Enable' }).click();
    await row('Slack alerts').getByRole('alert').waitFor();
    expect(await status(t.page).innerText()).toBe('');
  });

  it('the console: “is disabled” gives way when a later change fails', async () => {
    await open('marketplace-console');
    const table = t.page.getByRole('table');
    const tableRow = (name: string) => table.getByRole('row').filter({ has: t.page.getByRole('rowheader', { name, exact: true }) });
    await tableRow('Salesforce CRM sync').first().getByRole('button', { name: 'Disable' }).click();
    const consoleStatus = t.page.locator('.rte-console > .rte-status');
    await expect.poll(() => consoleStatus.innerText()).toContain('is disabled.');
    await tableRow('Slack alerts').getByRole('button', { name: 'Enable' }).click();
    await tableRow('Slack alerts').getByRole('alert').waitFor();
    expect(await consoleStatus.innerText()).toBe('');
  });
});

describe('bug 5 in the catalog', () => {
  it('“added and enabled” gives way when a later Load more fails', async () => {
    // More solutions than a page (24), so the catalog offers Load more.
    for (let i = 0; i < 24; i += 1) store().createSolution({ id: `sol-extra-${i}`, title: `Extra solution ${i}` });
    await open('marketplace-catalog');
    const slack = card('Slack alerts');
    const [popup] = await Promise.all([t.page.waitForEvent('popup'), slack.getByRole('button', { name: 'Add Slack alerts' }).click()]);
    await completeWizard(popup, { 'Slack channel': '#ops' });
    await expect.poll(() => status(t.page).innerText()).toContain('is added and enabled.');
    // The second page never reaches the handler.
    await t.page.route('**/api/tray/graphql', (route) =>
      route.request().postData()?.includes('MarketplaceSolutions') && route.request().postDataJSON().variables?.after ? route.abort() : route.continue(),
    );
    await t.page.getByRole('button', { name: 'Load more' }).click();
    await t.page.getByRole('alert').filter({ has: t.page.getByRole('button', { name: 'Try again' }) }).waitFor();
    expect(await status(t.page).innerText()).toBe('');
  });
});

describe('the catalog', () => {
  it('the name field has a visible label, and after an add it starts over', async () => {
    await open('marketplace-catalog');
    const slack = card('Slack alerts');
    const label = slack.locator('label', { hasText: 'Name' });
    expect(await label.isVisible()).toBe(true);
    const field = slack.getByRole('textbox', { name: 'Name for Slack alerts' });
    expect(await label.getAttribute('for')).toBe(await field.getAttribute('id'));
    await field.fill('Ops alerts');
    const [popup] = await Promise.all([t.page.waitForEvent('popup'), slack.getByRole('button', { name: 'Add Slack alerts' }).click()]);
    await completeWizard(popup, { 'Slack channel': '#ops' });
    await expect.poll(() => status(t.page).innerText()).toContain('“Ops alerts” is added and enabled.');
    expect(await field.inputValue()).toBe('Slack alerts');
  });

  it('a setup kept for later: a question not dressed as an error, then Setup incomplete with Finish setup on its card', async () => {
    await open('marketplace-catalog');
    const warehouse = card('Warehouse export (CSV to S3)');
    const [popup] = await Promise.all([t.page.waitForEvent('popup'), warehouse.getByRole('button', { name: 'Add Warehouse export (CSV to S3)' }).click()]);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    const question = t.page.getByRole('group', { name: /was not finished/ });
    await question.waitFor();
    // Nothing failed: the question does not wear the alert's colours.
    const looks = await question.evaluate((element) => {
      const alert = document.createElement('div');
      alert.className = 'rte-alert';
      element.parentElement!.append(alert);
      const [q, a] = [getComputedStyle(element), getComputedStyle(alert)];
      const result = { sameBackground: q.backgroundColor === a.backgroundColor, sameBorder: q.borderTopColor === a.borderTopColor };
      alert.remove();
      return result;
    });
    expect(looks).toEqual({ sameBackground: false, sameBorder: false });

    await question.getByRole('button', { name: 'Keep it for later' }).click();
    const incomplete = warehouse.getByRole('list', { name: 'Setup incomplete' });
    await incomplete.waitFor();
    expect(await incomplete.innerText()).toContain('Warehouse export (CSV to S3)');
    const kept = [...store().instances.values()].filter((i) => i.name === 'Warehouse export (CSV to S3)');
    expect(kept).toHaveLength(1);

    const [again] = await Promise.all([t.page.waitForEvent('popup'), incomplete.getByRole('button', { name: 'Finish setup' }).click()]);
    await completeWizard(again, { 'S3 bucket name': 'exports' });
    await expect.poll(() => status(t.page).innerText()).toContain('is added and enabled.');
    expect(store().instances.get(kept[0]!.id)!.enabled).toBe(true);
    expect(await warehouse.getByRole('list', { name: 'Setup incomplete' }).count()).toBe(0);
    // No second instance was made: Finish setup went on with the one kept.
    expect([...store().instances.values()].filter((i) => i.name === 'Warehouse export (CSV to S3)')).toHaveLength(1);
  });
});

describe('My integrations', () => {
  it('the meta line does not repeat the name, Update available is not a button, one primary action and Remove apart', async () => {
    await open('marketplace-my-integrations');
    const slack = row('Slack alerts');
    expect(await slack.locator('.rte-row__meta').innerText()).not.toContain('Slack alerts');
    expect(await row('Warehouse export').locator('.rte-row__meta').innerText()).toContain('Warehouse export (CSV to S3)');

    const zendesk = row('Zendesk ticket sync');
    const update = zendesk.getByRole('button', { name: 'Update' });
    const badge = zendesk.getByText('Update available');
    const look = (locator: Locator) =>
      locator.evaluate((element) => {
        const style = getComputedStyle(element);
        return { background: style.backgroundColor, border: style.borderTopWidth };
      });
    const [badgeLook, buttonLook] = [await look(badge), await look(update)];
    expect(badgeLook.background).toBe('rgba(0, 0, 0, 0)');
    expect(badgeLook.background).not.toBe(buttonLook.background);
    expect(badgeLook.border).toBe('0px');

    for (const [name, primary] of [['Zendesk ticket sync', 'Update'], ['Slack alerts', 'Enable'], ['Salesforce CRM sync', 'Reconfigure']] as const) {
      const primaries = row(name).locator('.rte-button--primary');
      expect(await primaries.allInnerTexts()).toEqual([primary]);
    }
    // Remove stands apart: a wider gap before it than between the other actions.
    const gaps = await slack.getByRole('group').evaluate((group) => {
      const boxes = [...group.querySelectorAll('button')].map((button) => button.getBoundingClientRect());
      const between = boxes.slice(1).map((box, index) => box.left - boxes[index]!.right);
      return { beforeRemove: between.at(-1)!, others: Math.max(...between.slice(0, -1)) };
    });
    expect(gaps.beforeRemove).toBeGreaterThan(gaps.others);
  });
});

describe('the console', () => {
  it('owners filter by part of the user id, in any case', async () => {
    await open('marketplace-console');
    const table = t.page.getByRole('table');
    await t.page.getByRole('textbox', { name: 'Owner (Tray user id)' }).fill('OTHER');
    await t.page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => table.getByRole('rowheader').count()).toBe(1);
    expect(await table.getByRole('row').nth(1).innerText()).toContain(SEED_IDS.otherUser);
    await t.page.getByRole('textbox', { name: 'Owner (Tray user id)' }).fill('user-');
    await t.page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => table.getByRole('rowheader').count()).toBe(5);
  });
});

describe('the enabler’s cards', () => {
  it('stay aligned when an instance name wraps', async () => {
    store().instances.get(SEED_IDS.instances.disabledComplete)!.name = 'Nightly export of every order, invoice and refund to the finance bucket';
    await open('live');
    const tops = await t.page.locator('.demo-live-item').evaluateAll((items) =>
      items.map((item) => ({ top: item.getBoundingClientRect().top, enabler: item.querySelector('.rte-enabler')!.getBoundingClientRect().top })),
    );
    const firstRow = tops.filter((item) => item.top === tops[0]!.top);
    expect(firstRow.length).toBeGreaterThan(1);
    expect(new Set(firstRow.map((item) => item.enabler)).size).toBe(1);
  });
});
