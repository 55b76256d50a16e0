import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { RunningDemo } from '../../../src/demo/server/startDemo';
import { launchChromium } from '../../support/chromium';
import { recordGraphql, startE2EDemo, type GraphqlCall } from './demo';

export interface DemoInBrowser {
  browser: Browser;
  /** The demo with our handler and a mock Tray: fresh per test, or shared by the file. */
  demo: RunningDemo;
  /** With `fresh: 'test'`: a new page per test, and every GraphQL request it sends. */
  page: Page;
  calls: GraphqlCall[];
}

/**
 * Registers the hooks a browser test file needs: one Chromium for the file, and a demo
 * (handler + mock Tray) started fresh for each test or once for the file. Everything
 * started is stopped, whatever the tests do.
 */
export function useDemoInBrowser({ fresh }: { fresh: 'test' | 'file' }): DemoInBrowser {
  const state = {} as DemoInBrowser;
  beforeAll(async () => {
    state.browser = await launchChromium();
    if (fresh === 'file') state.demo = await startE2EDemo();
  });
  afterAll(async () => {
    await state.browser?.close();
    if (fresh === 'file') await state.demo?.close();
  });
  if (fresh === 'test') {
    beforeEach(async (context) => {
      state.demo = await startE2EDemo();
      state.page = await state.browser.newPage();
      state.calls = recordGraphql(state.page);
      context.onTestFinished(async () => {
        await state.page.close();
        await state.demo.close();
      });
    });
  }
  return state;
}
