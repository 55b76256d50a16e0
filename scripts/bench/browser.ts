/**
 * Figures from real Chromium against the built demo (our handler → mock Tray), 50 runs each:
 * - finish → mutation: from the wizard's tray.configPopup.finish being dispatched to the page
 *   (a performance.now() mark in the page's first message listener) to the
 *   updateSolutionInstance request (a) being handed to fetch() and (b) actually starting, by
 *   the Resource Timing API: the entry's startTime (fetch start) and requestStart (the
 *   request's first byte going to the server);
 * - demo load: from navigation start to the first story showing its status, 10 runs.
 */
import type { Page } from 'playwright-core';
import { startDemo } from '../../src/demo/server/startDemo.js';
import { launchChromium } from '../../test/support/chromium.js';
import type { BenchRow } from '../bench.js';
import { formatSpread, SPREAD } from './support/stats.js';

const GRAPHQL_PATH = '/api/tray/graphql';

/**
 * Runs in the page before anything else: marks the finish message and every call of fetch()
 * for GRAPHQL_PATH, in call order, noting which carries the mutation. A string, not a
 * function: tsx's transform would wrap functions in a helper the page lacks.
 */
const INSTRUMENT = `
  window.benchMarks = { finish: [], graphqlCalls: [] };
  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'tray.configPopup.finish') window.benchMarks.finish.push(performance.now());
  });
  const originalFetch = window.fetch;
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, location.href).pathname === ${JSON.stringify(GRAPHQL_PATH)}) {
      const body = init && typeof init.body === 'string' ? init.body : '';
      window.benchMarks.graphqlCalls.push({ at: performance.now(), mutation: body.includes('updateSolutionInstance') });
    }
    return originalFetch(input, init);
  };
`;

/**
 * The run's figures, relative to its finish mark. The GraphQL requests started after the mark
 * match, in start order, the fetch() calls made after it, in call order: the k-th call that
 * carries the mutation is the k-th resource entry. Resolves null until that entry exists
 * (Chromium adds it once the response body is read).
 */
const runFigures = (run: number) => `(() => {
  const finish = window.benchMarks.finish[${run}];
  if (finish === undefined) return null;
  const calls = window.benchMarks.graphqlCalls.filter((call) => call.at >= finish);
  const k = calls.findIndex((call) => call.mutation);
  if (k < 0) return null;
  const entries = performance.getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).pathname === ${JSON.stringify(GRAPHQL_PATH)} && entry.startTime >= finish)
    .sort((a, b) => a.startTime - b.startTime);
  const entry = entries[k];
  if (!entry) return null;
  return {
    fetchCalled: calls[k].at - finish,
    requestStarted: entry.startTime - finish,
    requestSent: entry.requestStart > 0 ? entry.requestStart - finish : null,
  };
})()`;

interface RunFigures {
  fetchCalled: number;
  requestStarted: number;
  requestSent: number | null;
}

/** Resolves with performance.now() once the story's status shows "Disabled". */
const WHEN_STORY_SHOWS = `new Promise((resolve) => {
  const check = () => {
    const status = document.querySelector('[data-story] [role="status"]');
    if (status && /Disabled/.test(status.textContent)) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
})`;

async function finishToMutation(page: Page, url: string, runs: number): Promise<RunFigures[]> {
  const card = page.locator('[data-instance="si-warehouse-ready"]');
  await page.goto(`${url}/#/story/live`);
  await card.getByRole('status').filter({ hasText: /Enabled|Disabled/ }).waitFor();
  const figures: RunFigures[] = [];
  for (let i = 0; i < runs; i += 1) {
    const [popup] = await Promise.all([page.waitForEvent('popup'), card.getByRole('button', { name: /configure/i }).click()]);
    await popup.waitForURL(/\/configure\//);
    await popup.waitForLoadState('domcontentloaded');
    // Earlier runs' entries are read already; clearing keeps the buffer (250 entries) from filling.
    await page.evaluate('performance.clearResourceTimings()');
    // The wizard's own message, from its own window and origin, to our page's origin.
    await popup.evaluate(`window.opener.postMessage({ type: 'tray.configPopup.finish' }, ${JSON.stringify(new URL(url).origin)})`);
    const handle = await page.waitForFunction(runFigures(i));
    const run = (await handle.jsonValue()) as RunFigures;
    // The entry is the call's own: a request cannot start before fetch() is called (0.1 ms: the page's clock granularity).
    if (run.requestStarted < run.fetchCalled - 0.1) {
      throw new Error(`browser: resource entry at ${run.requestStarted} ms precedes its fetch() at ${run.fetchCalled} ms`);
    }
    figures.push(run);
    await card.getByRole('status').filter({ hasText: 'Enabled' }).waitFor();
  }
  return figures;
}

async function loadTimes(page: Page, url: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await page.goto(`${url}/?run=${i}#/story/enabler-disabled`);
    times.push((await page.evaluate(WHEN_STORY_SHOWS)) as number);
  }
  return times;
}

export default async function bench(): Promise<BenchRow[]> {
  const demo = await startDemo({ mode: 'preview', port: 0, apiPort: 0, wizardPort: 0, outDir: 'dist-demo-bench', rateLimitPerSecond: 10_000 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript(INSTRUMENT);
    const runs = await finishToMutation(page, demo.url, 50);
    const loads = await loadTimes(await browser.newPage(), demo.url, 10);
    const sent = runs.map((r) => r.requestSent).filter((t): t is number => t !== null);
    return [
      { name: `finish → updateSolutionInstance handed to fetch(), Chromium, ${SPREAD}`, value: formatSpread(runs.map((r) => r.fetchCalled), 'ms') },
      { name: `finish → updateSolutionInstance request starts (Resource Timing startTime), ${SPREAD}`, value: formatSpread(runs.map((r) => r.requestStarted), 'ms'), target: 'well under 100 ms' },
      {
        name: `finish → updateSolutionInstance request sent (Resource Timing requestStart), ${SPREAD}`,
        value: sent.length > 0 ? formatSpread(sent, 'ms') : `not reported in ${runs.length} runs`,
      },
      { name: `demo load → first story shows status, Chromium, ${SPREAD}`, value: formatSpread(loads, 'ms', 1) },
    ];
  } finally {
    await browser.close();
    await demo.close();
  }
}
