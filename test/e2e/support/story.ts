import type { Browser, Page } from 'playwright-core';
import type { RunningDemo } from '../../../src/demo/server/startDemo';
import { onTestFinished } from 'vitest';

/** Shorter than the e2e project's 60 s test timeout, so a story that never gets ready says so. */
const READY_TIMEOUT_MS = 30_000;

export interface StoryPage {
  page: Page;
  /** Uncaught exceptions and console errors, as they happen. */
  errors: string[];
}

export interface OpenStoryOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  theme?: 'light' | 'dark';
  /** Runs on the new page before it loads the story (routes, init scripts). */
  before?: (page: Page) => Promise<void>;
}

/**
 * A fresh page (closed when the test ends) showing the demo story `id`, returned once the story
 * says it shows its state: its canvas has `data-story-ready="true"`. Never a timer.
 */
export async function openStory(
  { browser, demo }: { browser: Browser; demo: RunningDemo },
  id: string,
  options: OpenStoryOptions = {},
): Promise<StoryPage> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1100, height: 800 }, deviceScaleFactor: options.deviceScaleFactor ?? 1 });
  onTestFinished(() => page.close());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await options.before?.(page);
  await page.goto(`${demo.url}/#/story/${id}`);
  if (options.theme === 'dark') {
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.locator('.demo[data-rte-theme="dark"]').waitFor();
  }
  try {
    await page.locator(`[data-story="${id}"][data-story-ready="true"]`).waitFor({ timeout: READY_TIMEOUT_MS });
  } catch {
    const shown = await page.locator('main').innerText().catch(() => '(nothing)');
    throw new Error(`Story ${id} never signalled ready (data-story-ready) in ${READY_TIMEOUT_MS} ms. The page shows:\n${shown}\nPage errors: ${errors.join(' | ') || 'none'}`);
  }
  return { page, errors };
}
