/**
 * Mock Tray figures: listing 500 instances page by page, one enable round trip, one wizard page.
 * Bounded: a fixed number of runs, each on loopback; the servers close at the end.
 */
import { performance } from 'node:perf_hooks';
import { SEED_IDS } from '../../src/mock-tray/seed.js';
import { startMockTray } from '../../src/mock-tray/server.js';
import { createMockTrayStore } from '../../src/mock-tray/store.js';
import { formatSpread, SPREAD } from './support/stats.js';

/** Each run's time in ms. */
async function timeRuns(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

export default async function bench(): Promise<Array<{ name: string; value: string; target?: string }>> {
  const store = createMockTrayStore({ rateLimitPerSecond: Infinity });
  store.addGeneratedInstances(500);
  const tray = await startMockTray({ hostOrigins: ['http://127.0.0.1:5173'], store });
  try {
    const gql = async (token: string, query: string, variables?: unknown) => {
      const response = await fetch(tray.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as any;
    };
    const token = (await gql(tray.masterToken, 'mutation { authorize(input: { userId: "user-demo" }) { accessToken } }')).data.authorize.accessToken;
    const listAll = async () => {
      let after: string | null = null;
      for (;;) {
        const page: any = await gql(token, 'query ($after: String) { viewer { solutionInstances(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name enabled solution { title } } } } } }', { after });
        const info = page.data.viewer.solutionInstances.pageInfo;
        if (!info.hasNextPage) return;
        after = info.endCursor;
      }
    };
    const enable = () =>
      gql(token, 'mutation ($id: ID!) { updateSolutionInstance(input: { solutionInstanceId: $id, enabled: true, errorOnEnablingWithMissingValues: true }) { solutionInstance { enabled } } }', { id: SEED_IDS.instances.disabledComplete });
    const wizardPage = () => fetch(`${tray.wizardOrigin}/external/solutions/${tray.embeddedId}/configure/${SEED_IDS.instances.disabledComplete}?code=x`).then((r) => r.text());

    await listAll(); // warm-up: schema build, JIT
    const listMs = await timeRuns(20, listAll);
    const enableMs = await timeRuns(100, enable);
    const pageMs = await timeRuns(100, wizardPage);
    return [
      { name: `mock Tray: list 504 instances (6 pages of 100), ${SPREAD}`, value: formatSpread(listMs, 'ms', 1), target: 'median < 200 ms' },
      { name: `mock Tray: updateSolutionInstance round trip, ${SPREAD}`, value: formatSpread(enableMs, 'ms'), target: 'median < 20 ms' },
      { name: `mock Tray: wizard page GET, ${SPREAD}`, value: formatSpread(pageMs, 'ms'), target: 'median < 20 ms' },
    ];
  } finally {
    await tray.close();
  }
}
