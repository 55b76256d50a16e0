// Benchmark: building the save plan for a large listing (200 URLs, 100 apps), as the editor
// does on every keystroke. Reports min / median / max of many runs in microseconds.
import { performance } from 'node:perf_hooks';
import { formatSpread, SPREAD } from './support/stats.js';
import { buildSolutionPatch, planAppsChanges, type SolutionListing } from '../../src/listing/index.js';

const URLS = 200;
const APPS = 100;
const RUNS = 2000;
const WARMUP = 200;

function largeListing(): SolutionListing {
  return {
    displayName: 'Last Mile Delivery',
    shortDescription: 'Plan, dispatch and track last mile deliveries.',
    visibility: { isPrivate: false, permissionType: 'ALLOW', orgIdentifiers: Array.from({ length: 50 }, (_, i) => `org-${i}`) },
    categories: Array.from({ length: 20 }, (_, i) => `Category ${i}`),
    solnUrls: Array.from({ length: URLS }, (_, i) => ({ name: `solution${i}`, url: `https://example.com/solution${i}` })),
    supportedCountries: ['US', 'CA', 'MX', 'DE', 'FR'],
    systemAppSettings: Array.from({ length: 20 }, (_, i) => ({ appUrn: `platform:app:${i}`, displayName: `Settings ${i}`, settingsUrl: `/app/${i}/settings` })),
    apps: Array.from({ length: APPS }, (_, i) => ({ listingId: `app-${i}`, semver: '1.0.0', displayOrder: i, initSequence: i })),
  };
}

/** Times `fn` RUNS times after a warm-up; returns each run in µs. */
function measure(fn: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push((performance.now() - start) * 1000);
  }
  return samples;
}

export default async function bench(): Promise<Array<{ name: string; value: string; target?: string }>> {
  const before = largeListing();
  // One URL appended (the seed's trap case), one app changed, one removed, one added.
  const after: SolutionListing = {
    ...before,
    solnUrls: [...before.solnUrls!, { name: 'solution-new', url: 'https://example.com/solution-new' }],
    apps: [...before.apps!.slice(1).map((app, i) => (i === 10 ? { ...app, semver: '1.1.0' } : app)), { listingId: 'app-new', semver: '1.0.0' }],
  };
  const unchanged = largeListing();

  const changed = measure(() => {
    buildSolutionPatch(before, after);
    planAppsChanges(before, after);
  });
  const same = measure(() => {
    buildSolutionPatch(before, unchanged);
    planAppsChanges(before, unchanged);
  });
  return [
    { name: `listing: buildSolutionPatch + planAppsChanges, ${URLS} URLs / ${APPS} apps, changed, ${SPREAD}`, value: formatSpread(changed, 'µs', 1), target: 'median < 1000 µs' },
    { name: `listing: same, nothing changed, ${SPREAD}`, value: formatSpread(same, 'µs', 1), target: 'median < 1000 µs' },
  ];
}
