// `npx tsx scripts/screenshots.mts <demo url> <story id>…`: a screenshot of each story in
// /tmp/shot-<id>.png, taken once the story says it shows its state (data-story-ready).
import { launchChromium } from '../test/support/chromium.js';

const base = process.argv[2]!;
const ids = process.argv.slice(3);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
  page.on('pageerror', (e) => console.log('page error:', e.message));
  for (const id of ids) {
    await page.goto(`${base}/#/story/${id}`);
    await page.locator(`[data-story="${id}"][data-story-ready="true"]`).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `/tmp/shot-${id}.png` });
    console.log('shot', id, (await page.locator('.demo-canvas').innerText()).replace(/\n/g, ' | ').slice(0, 200));
  }
} finally {
  await browser.close();
}
