/**
 * The mock Tray: a local stand-in for Tray Embedded's GraphQL API and config wizard, for
 * `npm run dev` and the tests. Never part of the published library.
 * Everything here except `startMockTray` (in server.ts) is free of Node-only imports.
 */
export { createMockTrayApi, GRAPHQL_PATH } from './api.js';
export { createGraphqlApi } from './graphqlApi.js';
export { createMockTrayStore, MockTrayStore } from './store.js';
export { SEED_IDS, seedInstances, seedSolutions, seedUsers } from './seed.js';
export { rateLimitExceededBody } from './rateLimiter.js';
export { AUTHORIZATION_CODE_TTL_MS, USER_TOKEN_TTL_MS, WIZARD_SESSION_TTL_MS } from './credentials.js';
export { createMockTrayWizard, assertHostOrigins } from './wizard/handler.js';
export { createMockTrayConsent, CONSENT_AUTHORIZE_PATH, CONSENT_DECIDE_PATH } from './consent/handler.js';
export { MockConsents, CONSENT_TTL_MS, serviceOfSlot } from './consents.js';
export { WIZARD_SAVE_PATH, WIZARD_SESSION_PATH } from './wizard/wizardApi.js';
export { AUTH_SESSION_PATH, CONNECTED_PATH, CONNECT_PATH, CONSENT_CALLBACK_PATH } from './wizard/connectApi.js';
export { decodeConfigValue, findMissingRequiredSlots } from './configValues.js';
export { MockTrayFaults, MockTrayUnreachableError } from './mockTrayFaults.js';
export { CRITERIA_ID_MODES, criteriaIdModeFrom } from './criteriaId.js';

export type { MockTrayRoute, MockTrayApiOptions } from './api.js';
export type { MockTrayStoreOptions, CreateInstanceOptions, CreateSolutionOptions } from './store.js';
export type { FaultMatch, FaultOptions, FaultRule, Hold, HeldRequest, HoldOptions } from './faults.js';
export type { MockTrayRequestMatch, MockTrayGraphqlError } from './mockTrayFaults.js';
export type { GeneratedInstancesOptions } from './generate.js';
export type { MockCriteriaIdMode } from './criteriaId.js';
export type { RateLimitedField } from './rateLimiter.js';
export type { MockTrayWizardOptions } from './wizard/handler.js';
export type { MockConsent } from './consents.js';
export type * from './types.js';
