import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The flags this machine's Chromium needs (DEVELOPERS.md); a fresh profile comes from launch(). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The real-browser tests need it: run \`apt-get update && apt-get install -y chromium\`, or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/** Launches Debian's Chromium through playwright-core. Never downloads a browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
