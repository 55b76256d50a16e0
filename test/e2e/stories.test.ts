import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { stories } from '../../src/demo/stories/index';
import { axeViolations } from '../support/axe';
import { useDemoInBrowser } from './support/fixture';
import { openStory } from './support/story';

const SCREENSHOTS = 'test/e2e/__screenshots__';
/** The tests are generated from the demo's own list; the first test checks the sidebar shows the same. */
const storyIds = stories.map((story) => story.id);
const t = useDemoInBrowser({ fresh: 'file' });
beforeAll(() => void mkdirSync(SCREENSHOTS, { recursive: true }));

describe('the demo in Chromium', () => {
  it('the sidebar links to every story, and there is a story for every state', async () => {
    const page = await t.browser.newPage();
    onTestFinished(() => page.close());
    await page.goto(t.demo.url);
    const linked = await page
      .locator('nav[aria-label="Stories"] a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace('#/story/', '')));
    expect(linked).toEqual(storyIds);
    for (const id of ['enabler-disabled', 'enabler-waiting', 'enabler-enabling', 'enabler-enabled', 'enabler-missing-values',
      'enabler-popup-blocked', 'enabler-wizard-error', 'enabler-network-error', 'live', 'custom-form', 'listing-editor']) {
      expect(storyIds).toContain(id);
    }
  });

  it('the axe check finds a violation when there is one', async () => {
    const page = await t.browser.newPage();
    onTestFinished(() => page.close());
    await page.setContent('<main><img src="x.png"><button></button></main>');
    const violations = await axeViolations(page);
    expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(violations.some((v) => v.startsWith('button-name'))).toBe(true);
  });
});

describe.each(['light', 'dark'] as const)('every story, %s theme', (theme) => {
  it.each(storyIds)('%s: renders without errors, zero axe violations; screenshot saved', async (id) => {
    const { page, errors } = await openStory(t, id, { theme });
    await page.screenshot({ path: `${SCREENSHOTS}/${id}-${theme}.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** Where a screenshot at the small sizes is worth keeping: the widest content. */
const SCREENSHOT_SMALL = new Set(['enabler-missing-values', 'live', 'listing-editor']);

describe.each([
  ['320 px wide', { width: 320, height: 720 }, 1],
  ['200% zoom', { width: 550, height: 400 }, 2],
] as const)('every story fits at %s', (label, viewport, deviceScaleFactor) => {
  it.each(storyIds)('%s: the story canvas does not scroll sideways', async (id) => {
    const { page } = await openStory(t, id, { viewport, deviceScaleFactor });
    const [scroll, client] = await page.locator(`[data-story="${id}"]`).evaluate((el) => [el.scrollWidth, el.clientWidth]);
    if (SCREENSHOT_SMALL.has(id)) await page.screenshot({ path: `${SCREENSHOTS}/${id}-${label.replace(/\W+/g, '-')}.png`, fullPage: true });
    expect(scroll!, `content ${scroll}px wide in ${client}px`).toBeLessThanOrEqual(client! + 1);
  });
});
