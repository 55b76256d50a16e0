/**
 * The server handler's added latency: the same allowed query sent (a) straight to a fake Tray
 * `fetch` and (b) through `createTrayHandler` in front of that fake, with a warm token cache.
 * Iterations alternate so drift (GC, JIT) hits both sides alike; the overhead is the
 * difference of each pair.
 */
import { performance } from 'node:perf_hooks';
import { createTrayHandler } from '../../src/server/index.js';
import { fakeTray, INSTANCE_LOOKUP_BODY as PAYLOAD } from './support/instanceLookup.js';
import { formatSpread, quantile, SPREAD } from './support/stats.js';

const ITERATIONS = 5_000;
const WARM_UP = 2_000;

const tray = fakeTray();

const handler = createTrayHandler({
  masterToken: 'bench-master-token',
  embeddedId: 'emb',
  graphqlUrl: 'https://tray.test/graphql',
  getUser: () => ({ userId: 'user-1' }),
  fetch: tray,
  // One user sends every request: the per-user limit would answer most of them 429.
  limits: { userRequestsPerSecond: Infinity },
});

async function direct(): Promise<unknown> {
  const response = await tray('https://tray.test/graphql', {
    method: 'POST',
    headers: { authorization: 'Bearer bench-user-token', 'content-type': 'application/json' },
    body: PAYLOAD,
  });
  return response.json();
}

async function viaHandler(): Promise<unknown> {
  const response = await handler(
    new Request('http://app.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: PAYLOAD }),
  );
  if (response.status !== 200) throw new Error(`handler answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

export default async function bench(): Promise<Array<{ name: string; value: string; target?: string }>> {
  for (let i = 0; i < WARM_UP; i++) {
    await direct();
    await viaHandler();
  }
  const directTimes: number[] = [];
  const handlerTimes: number[] = [];
  const overheads: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const d = await time(direct);
    const h = await time(viaHandler);
    directTimes.push(d);
    handlerTimes.push(h);
    overheads.push(h - d);
  }
  return [
    { name: `handler: fake Tray called directly, ${SPREAD}`, value: formatSpread(directTimes, 'ms', 3) },
    { name: `handler: through createTrayHandler, ${SPREAD}`, value: formatSpread(handlerTimes, 'ms', 3) },
    // Each pair's difference: the min can be below zero when the direct run of a pair was the slow one.
    { name: `handler: added latency per request, ${SPREAD}`, value: formatSpread(overheads, 'ms', 3), target: 'median < 1 ms' },
    // The tail is mostly young-generation GC pauses landing inside a timed run (undici's
    // Request/Response/stream objects allocate far more than our checks do).
    { name: 'handler: added latency per request, p95 / p99', value: `${ms(quantile(overheads, 0.95))} / ${ms(quantile(overheads, 0.99))}`, target: '< 1 ms' },
  ];
}
