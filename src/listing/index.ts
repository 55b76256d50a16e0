// react-tray-embedded/listing: the solution listing helpers and client. Framework-agnostic:
// no React, no DOM, no global touched at import, so a Node backend can import it too.
// The React editor (`SolutionListingEditor`) lives in src/react/listing and ships from the root
// entry; test/listing/noReact.test.ts keeps React and Apollo out of this entry's import graph.
export { buildSolutionPatch } from './buildSolutionPatch.js';
export { normalizeListing } from './normalizeListing.js';
export { applyMergePatch } from './mergePatch.js';
export { planAppsChanges } from './planAppsChanges.js';
export { validateListing } from './validateListing.js';
export { isSemver } from './semver.js';
export { createListingClient } from './createListingClient.js';
export { ListingApiError, isListingApiError } from './ListingApiError.js';
export { planListingSave, SAVE_STEPS } from './planListingSave.js';
export { saveListing } from './saveListing.js';
export { solutionVersionPath, solutionAppsPath, ACCESS_HEADER } from './listingPaths.js';
export { PATCHABLE_FIELDS, NESTED_OBJECT_FIELDS } from './types.js';

export type {
  SolutionListing,
  SolutionVisibility,
  SolutionUrl,
  SolutionApi,
  SystemAppSetting,
  SolutionApp,
  PatchableField,
  SolutionPatch,
  SolutionPatchBody,
  AddAppsBody,
  RemoveAppsBody,
  ListingIssue,
  ListingIssueCode,
} from './types.js';
export type { AppsChanges, AppsSource } from './planAppsChanges.js';
export type { ListingClient, ListingClientOptions } from './createListingClient.js';
export type { ListingApiErrorCode, ListingApiErrorOptions } from './ListingApiError.js';
export type { PlannedRequest, SaveStep } from './planListingSave.js';
export type { SaveListingResult, SaveListingSuccess, SaveListingFailure, SaveListingInvalid } from './saveListing.js';
