import { describe, expect, it } from 'vitest';
import { planAppsChanges, type SolutionApp } from '../../src/listing';
import { seedListing } from '../../src/mock-tray/listing/seed';

describe('planAppsChanges', () => {
  it('plans nothing when nothing changed, whatever the order of the apps', () => {
    const before = seedListing();
    const reversed = { ...before, apps: [...before.apps!].reverse() };

    expect(planAppsChanges(before, seedListing())).toEqual({ add: null, remove: null });
    expect(planAppsChanges(before, reversed)).toEqual({ add: null, remove: null });
  });

  it('adds a new app (the seed example: truck-trackers 1.0.2) and only that app', () => {
    const before = seedListing();
    const after = { ...before, apps: [...before.apps!, { listingId: 'truck-trackers', semver: '1.0.2' }] };

    expect(planAppsChanges(before, after)).toEqual({
      add: { applications: [{ listingId: 'truck-trackers', semver: '1.0.2' }] },
      remove: null,
    });
  });

  it('removes an app by listingId (the seed example: last-mile-delivery)', () => {
    const before = seedListing();
    const after = { ...before, apps: before.apps!.filter((app) => app.listingId !== 'last-mile-delivery') };

    expect(planAppsChanges(before, after)).toEqual({ add: null, remove: { applications: [{ listingId: 'last-mile-delivery' }] } });
  });

  it.each([
    ['semver', { semver: '1.1.0' }],
    ['displayOrder', { displayOrder: 0 }],
    ['initSequence', { initSequence: 5 }],
  ] as const)('re-sends an app whose %s changed, whole', (_field, change) => {
    const before: SolutionApp[] = [{ listingId: 'dispatch-board', semver: '2.3.1', displayOrder: 2, initSequence: 2 }];
    const after: SolutionApp[] = [{ ...before[0]!, ...change }];

    expect(planAppsChanges(before, after)).toEqual({ add: { applications: after }, remove: null });
  });

  it('treats a renamed listingId as a removal plus an addition, and takes plain arrays too', () => {
    const before: SolutionApp[] = [{ listingId: 'old-name', semver: '1.0.0' }];
    const after: SolutionApp[] = [{ listingId: 'new-name', semver: '1.0.0' }];

    expect(planAppsChanges(before, after)).toEqual({
      add: { applications: [{ listingId: 'new-name', semver: '1.0.0' }] },
      remove: { applications: [{ listingId: 'old-name' }] },
    });
  });

  it('treats a null order from the server like an absent one', () => {
    const fromServer = [{ listingId: 'a', semver: '1.0.0', displayOrder: null }] as unknown as SolutionApp[];
    expect(planAppsChanges(fromServer, [{ listingId: 'a', semver: '1.0.0' }])).toEqual({ add: null, remove: null });
  });

  it('does not mutate its inputs', () => {
    const before = seedListing();
    const after = { ...seedListing(), apps: [{ listingId: 'x', semver: '1.0.0', displayOrder: 1 }] };
    const snapshot = JSON.stringify([before, after]);

    const plan = planAppsChanges(before, after);
    plan.add!.applications[0]!.semver = 'mutated';

    expect(JSON.stringify([before, after])).toBe(snapshot);
  });
});
