import type { BrowserContext, Page } from 'playwright-core';
import { startMockTray, type RunningMockTray } from '../../src/mock-tray/server';
import { createMockTrayStore } from '../../src/mock-tray/store';
import { launchChromium } from '../support/chromium';
import { startHostPage, type HostPage } from './hostPage';

/** What the mock's Chromium tests run against: the host page and a mock Tray that speaks to it. */
export interface HostInChromium {
  host: HostPage;
  tray: RunningMockTray;
  /** A fresh context and page, the last ones closed: the host reuses one popup window name, which must not carry over. */
  nextPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * Starts Chromium, the host page and a mock Tray (no rate limit) whose `hostOrigins` are
 * `otherHostOrigins` then the host's own. Whatever started is closed again if a later part fails.
 */
export async function startHostInChromium(options: { otherHostOrigins?: string[] } = {}): Promise<HostInChromium> {
  const browser = await launchChromium();
  let host: HostPage | undefined;
  let tray: RunningMockTray | undefined;
  const close = async () => {
    await browser.close();
    await tray?.close();
    await host?.close();
  };
  try {
    host = await startHostPage();
    tray = await startMockTray({ hostOrigins: [...(options.otherHostOrigins ?? []), host.origin], store: createMockTrayStore({ rateLimitPerSecond: Infinity }) });
  } catch (error) {
    await close();
    throw error;
  }
  let context: BrowserContext | undefined;
  return {
    host,
    tray,
    async nextPage() {
      await context?.close();
      context = await browser.newContext();
      return { context, page: await context.newPage() };
    },
    close,
  };
}

/** Loads the host page (at `hostPath`) in `page` and opens `url` from it with `window.open`; the popup. */
export async function openFromHost(page: Page, host: HostPage, url: string, hostPath = '/'): Promise<Page> {
  await page.goto(`${host.origin}${hostPath}`);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((target) => (window as any).openWizard(target), url)]);
  return popup;
}

/** The messages of `type` (their `data.type`) the host page in `page` has received. */
export function receivedOfType(page: Page, type: string) {
  return page.evaluate((wanted) => (window as any).received.filter((message: any) => message.data?.type === wanted), type);
}

/** Resolves once the host page in `page` has received a message of `type`. */
export async function waitForReceived(page: Page, type: string): Promise<void> {
  await page.waitForFunction((wanted) => (window as any).received.some((message: any) => message.data?.type === wanted), type);
}
