import type { SolutionListing } from '../../listing/types.js';

/** The organization and developer token the seeded version belongs to. */
export const SEED_ORGANIZATION_ID = '3f2b8c1e-6a4d-4e0b-9c57-1d2e3f4a5b6c';
export const SEED_ACCESS_TOKEN = 'mock-developer-access-token';
export const SEED_SOLUTION_VERSION_ID = '8a1c6e2f-4b3d-4f9a-a7e5-0c9d8b7a6f51';

/**
 * "Last Mile Delivery" as the UpdateSolution page (seed 003) describes it before its
 * examples run: two solution URLs (solution1, solution2), the LastMile and Transport
 * Management categories, and two apps, one of them the "last-mile-delivery" app that the
 * DeleteAppsListing example removes.
 */
export function seedListing(): SolutionListing {
  return {
    solnListingId: 'last-mile-delivery',
    type: 'APP',
    version: '1.0.0',
    displayName: 'Last Mile Delivery',
    shortDescription: 'Plan, dispatch and track last mile deliveries.',
    longDescription:
      'Route drivers, give customers live delivery windows and capture proof of delivery, from the warehouse dock to the doorstep.',
    isConsoleCompatible: true,
    visibility: { isPrivate: false, permissionType: 'ALLOW', orgIdentifiers: ['acme-logistics', 'globex-freight'] },
    categories: ['LastMile', 'Transport Management'],
    solnUrls: [
      { name: 'solution1', url: 'https://example.com/solution1' },
      { name: 'solution2', url: 'https://example.com/solution2' },
    ],
    productFamily: 'Logistics',
    systemAppSettings: [{ appUrn: 'platform:app:mts', displayName: 'MTS Settings', settingsUrl: '/app/mts/settings' }],
    supportedCountries: ['US', 'CA'],
    apps: [
      { listingId: 'last-mile-delivery', semver: '1.0.0', displayOrder: 1, initSequence: 1 },
      { listingId: 'dispatch-board', semver: '2.3.1', displayOrder: 2, initSequence: 2 },
    ],
  };
}
