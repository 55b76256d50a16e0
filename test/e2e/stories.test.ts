import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDemo } from '../../src/demo/server/startDemo';
import { launchChromium } from '../support/chromium';
import { startE2EDemo } from './support/demo';

const SCREENSHOTS = 'test/e2e/__screenshots__';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let demo: RunningDemo;
let browser: Browser;
let storyIds: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  demo = await startE2EDemo();
  const page = await browser.newPage();
  await page.goto(demo.url);
  storyIds = await page.locator('nav[aria-label="Stories"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace('#/story/', '')));
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return (result.violations as Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

describe('every demo story in Chromium', () => {
  it('lists the stories of every state', () => {
    for (const id of ['enabler-disabled', 'enabler-waiting', 'enabler-enabling', 'enabler-enabled', 'enabler-missing-values',
      'enabler-popup-blocked', 'enabler-wizard-error', 'enabler-network-error', 'live', 'custom-form', 'listing-editor']) {
      expect(storyIds).toContain(id);
    }
  });

  it('the axe check finds a violation when there is one', async () => {
    const page = await browser.newPage();
    await page.setContent('<main><img src="x.png"><button></button></main>');
    const violations = await axeViolations(page);
    expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(violations.some((v) => v.startsWith('button-name'))).toBe(true);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('renders each story without errors, with zero axe violations (%s theme); screenshots saved', async (theme) => {
    const failures: string[] = [];
    for (const id of storyIds) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${demo.url}/#/story/${id}`);
      if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
      await page.locator(`[data-story="${id}"]`).waitFor();
      await page.waitForTimeout(900); // scripted stories play their clicks
      await page.screenshot({ path: `${SCREENSHOTS}/${id}-${theme}.png`, fullPage: true });
      const violations = await axeViolations(page);
      if (errors.length) failures.push(`${id}: page errors: ${errors.join(' | ')}`);
      for (const v of violations) failures.push(`${id}: ${v}`);
      await page.close();
    }
    expect(failures).toEqual([]);
  });

  it.each([
    ['320 px wide', { width: 320, height: 720 }, 1],
    ['200% zoom', { width: 550, height: 400 }, 2],
  ] as const)('fits at %s: no story canvas scrolls sideways', async (label, viewport, deviceScaleFactor) => {
    const overflowing: string[] = [];
    const context = await browser.newContext({ viewport, deviceScaleFactor });
    for (const id of storyIds) {
      const page = await context.newPage();
      await page.goto(`${demo.url}/#/story/${id}`);
      await page.locator(`[data-story="${id}"]`).waitFor();
      await page.waitForTimeout(700);
      const [scroll, client] = await page.locator(`[data-story="${id}"]`).evaluate((el) => [el.scrollWidth, el.clientWidth]);
      if (scroll! > client! + 1) overflowing.push(`${id}: content ${scroll}px in ${client}px`);
      if (id.startsWith('enabler-missing') || id === 'live' || id === 'listing-editor') {
        await page.screenshot({ path: `${SCREENSHOTS}/${id}-${label.replace(/\W+/g, '-')}.png`, fullPage: true });
      }
      await page.close();
    }
    await context.close();
    expect(overflowing).toEqual([]);
  });
});
