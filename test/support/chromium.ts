/**
 * The one way this repository starts Chromium: tests (test/e2e, test/mock-tray) and scripts
 * (bench, screenshots) all import it. Debian's Chromium through playwright-core; a browser is
 * never downloaded (`npx playwright install` is not used here).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** What Chromium needs on this machine: no sandbox or GPU in containers, nothing phoning home. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; throws, saying how to install it, when missing. */
export function chromiumExecutable(): string {
  const path = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The real-browser tests and scripts need it: run \`apt-get update && apt-get install -y chromium\`, or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/** A fresh Chromium with a throwaway profile (Playwright's own); close it when done. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: [...CHROMIUM_FLAGS] });
}
