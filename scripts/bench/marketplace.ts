/**
 * Marketplace figures from real Chromium against the built demo (our handler → mock Tray with
 * 500 extra instances for the demo user): how long MyIntegrations and InstanceConsole take to
 * show their first page of rows. Each visit is split into
 * - request: the data request's resource timing, fetch start → last byte (network + handler + mock);
 * - render: last byte → the rows in the DOM (JSON parse, Apollo cache write, React render, commit);
 * - next frame: rows in the DOM → the next animation frame (about when they are painted);
 * - total: navigation start → rows in the DOM (page load, demo config, request, render).
 * Bounded: a fixed number of visits; the browser and the servers always close.
 */
import type { Page } from 'playwright-core';
import { startDemo } from '../../src/demo/server/startDemo.js';
import { launchChromium } from '../../test/support/chromium.js';
import type { BenchRow } from '../bench.js';
import { formatSpread, SPREAD } from './support/stats.js';

const RUNS = 7;

interface Visit {
  rows: number;
  total: number;
  paint: number;
  request: number;
  render: number;
}

/**
 * Runs in the page before the app: notes when the first row of `selector` enters the DOM and the
 * frame after it. A string, not a function: tsx's transform would wrap a function in a helper
 * the page lacks.
 */
const watchFor = (selector: string) => `
  window.benchRows = null;
  new MutationObserver((_, observer) => {
    const rows = document.querySelectorAll(${JSON.stringify(selector)});
    if (rows.length === 0 || window.benchRows) return;
    const inDom = performance.now();
    window.benchRows = { count: rows.length, inDom, painted: null };
    observer.disconnect();
    requestAnimationFrame(() => { window.benchRows.painted = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
`;

async function visit(page: Page, url: string, dataPath: string): Promise<Visit> {
  await page.goto(url);
  await page.waitForFunction('window.benchRows && window.benchRows.painted !== null', undefined, { timeout: 15_000 });
  const result = (await page.evaluate(`(() => {
    const rows = window.benchRows;
    const data = performance.getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith(${JSON.stringify(dataPath)}) && entry.responseEnd <= rows.inDom)
      .at(-1);
    return { rows, fetchStart: data ? data.fetchStart : NaN, responseEnd: data ? data.responseEnd : NaN };
  })()`)) as { rows: { count: number; inDom: number; painted: number }; fetchStart: number; responseEnd: number };
  return {
    rows: result.rows.count,
    total: result.rows.inDom,
    paint: result.rows.painted - result.rows.inDom,
    request: result.responseEnd - result.fetchStart,
    render: result.rows.inDom - result.responseEnd,
  };
}

async function measure(page: Page, base: string, story: string, dataPath: string, selector: string): Promise<Visit[]> {
  await page.addInitScript(watchFor(selector));
  const at = (query: string) => `${base}/?${query}#/story/${story}`;
  await visit(page, at('warm'), dataPath); // first visit: the demo's chunks into the HTTP cache
  const visits: Visit[] = [];
  for (let i = 0; i < RUNS; i += 1) visits.push(await visit(page, at(`run=${i}`), dataPath));
  return visits;
}

export default async function bench(): Promise<BenchRow[]> {
  const demo = await startDemo({
    mode: 'preview', port: 0, apiPort: 0, wizardPort: 0, extraInstances: 500, outDir: 'dist-demo-bench', rateLimitPerSecond: 10_000,
  });
  const browser = await launchChromium();
  try {
    const list = await measure(await browser.newPage(), demo.url, 'marketplace-my-integrations', '/api/tray/graphql', '.rte-rows > li');
    const table = await measure(await browser.newPage(), demo.url, 'marketplace-console', '/api/tray/admin/instances', '.rte-table tbody th');
    const rows = (label: string, visits: Visit[]): BenchRow[] => {
      const of = (key: keyof Visit) => formatSpread(visits.map((v) => v[key]), 'ms', 1);
      const counts = [...new Set(visits.map((v) => v.rows))].join(' or ');
      return [
        { name: `${label}: render, response → ${counts} rows in the DOM, ${SPREAD}`, value: of('render'), target: 'median < 100 ms' },
        { name: `${label}: request, fetch → last byte, ${SPREAD}`, value: of('request') },
        { name: `${label}: rows in the DOM → next animation frame, ${SPREAD}`, value: of('paint') },
        { name: `${label}: navigation → rows in the DOM (whole page load), ${SPREAD}`, value: of('total') },
      ];
    };
    return [...rows('MyIntegrations, 504 instances', list), ...rows('InstanceConsole, 505 instances', table)];
  } finally {
    await browser.close();
    await demo.close();
  }
}
