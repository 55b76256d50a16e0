/**
 * The demo page around the stories, as a person meets it: the colour scheme of their system,
 * the keyboard's first stop, an events panel that stays in its place, and a phone-sized sidebar.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { useDemoInBrowser } from './support/fixture';

const t = useDemoInBrowser({ fresh: 'file' });

async function openPage(options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; hash?: string } = {}): Promise<Page> {
  const page = await t.browser.newPage({ colorScheme: options.colorScheme ?? 'light', viewport: options.viewport ?? { width: 1100, height: 800 } });
  onTestFinished(() => page.close());
  await page.goto(`${t.demo.url}/${options.hash ?? '#/story/enabler-disabled'}`);
  await page.locator('[data-story-ready="true"]').waitFor();
  return page;
}

const background = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundColor);
const LIGHT_BG = 'rgb(246, 248, 250)';
const DARK_BG = 'rgb(13, 17, 23)';

describe('the demo follows the system colour scheme until the toggle is used', () => {
  it('dark system: dark page and widgets, with no theme forced; the toggle then forces light', async () => {
    const page = await openPage({ colorScheme: 'dark' });
    expect(await page.locator('.demo').getAttribute('data-rte-theme')).toBeNull();
    expect(await background(page, '.demo')).toBe(DARK_BG);
    expect(await page.locator('.demo-canvas').evaluate((element) => getComputedStyle(element).colorScheme)).toBe('light dark');
    expect(await page.locator('.rte-enabler').first().evaluate((element) => getComputedStyle(element).color)).toBe('rgb(230, 237, 243)');

    await page.getByRole('button', { name: 'Light theme' }).click();
    await page.locator('.demo[data-rte-theme="light"]').waitFor();
    expect(await background(page, '.demo')).toBe(LIGHT_BG);
    expect(await page.locator('.rte-enabler').first().evaluate((element) => getComputedStyle(element).color)).toBe('rgb(27, 31, 36)');
    await page.getByRole('button', { name: 'Dark theme' }).waitFor();
  });

  it('light system: light page; a change of the system scheme is followed at once, without a reload', async () => {
    const page = await openPage({ colorScheme: 'light' });
    expect(await background(page, '.demo')).toBe(LIGHT_BG);
    await page.getByRole('button', { name: 'Dark theme' }).waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Light theme' }).waitFor();
    expect(await background(page, '.demo')).toBe(DARK_BG);
  });
});

describe('the keyboard', () => {
  it("first Tab: a visible skip link; Enter moves focus to the story's canvas, the route unchanged", async () => {
    const page = await openPage({ hash: '#/story/live' });
    await page.keyboard.press('Tab');
    const link = page.getByRole('link', { name: 'Skip to the story' });
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    const box = (await link.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.height).toBeGreaterThan(10);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('story-canvas');
    expect(await page.evaluate(() => location.hash)).toBe('#/story/live');
    // The next Tab lands inside the canvas, not back in the sidebar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#story-canvas') !== null)).toBe(true);
  });
});

describe('the events panel', () => {
  it('stays bounded and shows the newest event as events pile up', async () => {
    const page = await openPage({ hash: '#/story/live' });
    const card = page.locator('[data-instance="si-warehouse-ready"]');
    const list = page.locator('ol.demo-events');
    const toggle = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        const [action, shown] = (await card.getByRole('button', { name: 'Disable' }).isVisible()) ? ['Disable', 'Disabled'] : ['Enable', 'Enabled'];
        await card.getByRole('button', { name: action }).click();
        await card.getByRole('status').filter({ hasText: new RegExp(`^${shown}`) }).waitFor();
      }
    };
    await card.getByRole('status').filter({ hasText: 'Disabled' }).waitFor();
    await toggle(6);
    // Each toggle logs twice: the enabler's callback, and the demo backend's onInstanceEvent.
    await expect.poll(() => list.locator('li').count()).toBe(12);
    const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
    const heightAfterSix = await pageHeight();
    await toggle(6);
    await expect.poll(() => list.locator('li').count()).toBe(24);

    const [scrollHeight, clientHeight] = await list.evaluate((element) => [element.scrollHeight, element.clientHeight]);
    expect(scrollHeight, 'the events overflow the panel').toBeGreaterThan(clientHeight! * 1.5);
    expect(clientHeight).toBeLessThanOrEqual(14 * 16);
    expect(await pageHeight(), 'the page did not grow with the events').toBe(heightAfterSix);
    // Scrolled to the newest, which is inside the panel's visible part.
    const [listBox, lastBox] = [(await list.boundingBox())!, (await list.locator('li').last().boundingBox())!];
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(listBox.y + listBox.height + 1);
    expect(lastBox.y).toBeGreaterThanOrEqual(listBox.y - 1);
    // The keyboard can reach and scroll it.
    expect(await list.getAttribute('tabindex')).toBe('0');
  });
});

describe('on a phone', () => {
  const phone = { width: 375, height: 740 };

  it('the story list folds behind a Stories button, so the canvas is on the first screen', async () => {
    const page = await openPage({ viewport: phone, hash: '#/story/enabler-disabled' });
    const button = page.getByRole('button', { name: 'Stories' });
    const nav = page.getByRole('navigation', { name: 'Stories' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    const canvas = (await page.locator('#story-canvas').boundingBox())!;
    expect(canvas.y, 'the canvas starts on the first screen').toBeLessThan(phone.height / 2);

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const live = nav.getByRole('link', { name: 'Live: wizard → enable' });
    await live.click();
    await page.locator('[data-story="live"][data-story-ready="true"]').waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
  });

  it('on a wide screen there is no Stories button and the list is always shown', async () => {
    const page = await openPage();
    expect(await page.getByRole('button', { name: 'Stories' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Stories' }).getByRole('link').first().isVisible()).toBe(true);
  });
});
