// The mock listing API: mounted by the mock Tray's API server (its `extraRoutes` option).
export { createMockListingApi } from './createMockListingApi.js';
export { SEED_ACCESS_TOKEN, SEED_ORGANIZATION_ID, SEED_SOLUTION_VERSION_ID, seedListing } from './seed.js';
export type { MockListingApi, MockListingApiOptions, MockSolutionVersion } from './createMockListingApi.js';
