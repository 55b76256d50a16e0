/**
 * Child of scripts/bench/memory.ts (run with --expose-gc): mounts the enabler in jsdom,
 * opens the wizard (a fake popup), unmounts, 6 × 1,000 times; prints JSON figures.
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><div id="root"></div>', { url: 'https://partner.example/' });
const g = globalThis as Record<string, unknown>;
for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'MessageEvent', 'Node', 'requestAnimationFrame', 'cancelAnimationFrame']) {
  g[key] = (dom.window as unknown as Record<string, unknown>)[key];
}
g['IS_REACT_ACT_ENVIRONMENT'] = true;

const win = dom.window as unknown as Window;
let liveListeners = 0;
const add = win.addEventListener.bind(win);
const remove = win.removeEventListener.bind(win);
const seen = new Set<unknown>();
win.addEventListener = ((type: string, listener: unknown, options?: unknown) => {
  if (type === 'message' && !seen.has(listener)) { seen.add(listener); liveListeners += 1; }
  add(type, listener as EventListener, options as AddEventListenerOptions);
}) as typeof win.addEventListener;
win.removeEventListener = ((type: string, listener: unknown, options?: unknown) => {
  if (type === 'message' && seen.delete(listener)) liveListeners -= 1;
  remove(type, listener as EventListener, options as EventListenerOptions);
}) as typeof win.removeEventListener;
let liveIntervals = 0;
const setI = win.setInterval.bind(win);
const clearI = win.clearInterval.bind(win);
const intervals = new Set<unknown>();
win.setInterval = ((fn: () => void, ms?: number) => { const id = setI(fn, ms); intervals.add(id); liveIntervals += 1; return id; }) as typeof win.setInterval;
win.clearInterval = ((id?: number) => { if (intervals.delete(id)) liveIntervals -= 1; clearI(id); }) as typeof win.clearInterval;

const { createElement, StrictMode } = await import('react');
const { createRoot } = await import('react-dom/client');
const { act } = await import('react');
const { ApolloProvider } = await import('@apollo/client/react');
const { SolutionInstanceEnabler } = await import('../../src/index.js');
const { createInProcessTray } = await import('../../src/mock-tray/inProcess.js');
const { SEED_IDS } = await import('../../src/mock-tray/seed.js');
const { installFakePopup, SCRIPTED_WIZARD_URL } = await import('../../src/demo/scripted/fakePopup.js');

// The demo's scripted stories' backend: our handler in front of the mock Tray, in process. One
// client for every cycle, so the instance comes from its cache after the first mount and the
// figures measure the enabler, not the mock.
const tray = createInProcessTray({ origin: 'https://partner.example' });
const client = tray.client;
const solutionInstanceId = SEED_IDS.instances.disabledComplete;
const popup = installFakePopup();
const container = document.getElementById('root')!;
const gc = (globalThis as { gc?: () => void }).gc!;
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };

async function cycle() {
  const root = createRoot(container);
  await act(async () => {
    root.render(
      createElement(StrictMode, null, createElement(ApolloProvider, { client, children: createElement(SolutionInstanceEnabler, { solutionInstanceId, getWizardUrl: () => SCRIPTED_WIZARD_URL }) })),
    );
  });
  const configure = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Configure')!;
  if (!process.env['NO_OPEN']) await act(async () => { configure.click(); });
  await act(async () => { await Promise.resolve(); });
  const opened = liveListeners;
  await act(async () => { root.unmount(); });
  return opened;
}

for (let i = 0; i < 50; i += 1) await cycle(); // warm up
// Heap after each block of 1,000: a leak grows by the same amount every block; warm-up
// (JIT, caches filling) shows in the first block only.
const heaps = [heap()];
let openedListeners = 0;
for (let block = 0; block < Number(process.env["BLOCKS"] ?? 6); block += 1) {
  for (let i = 0; i < 1000; i += 1) openedListeners = Math.max(openedListeners, await cycle());
  heaps.push(heap());
}
popup.restore();
console.log(JSON.stringify({ heaps, liveListeners, liveIntervals, openedListeners }));
