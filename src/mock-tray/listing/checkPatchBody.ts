import { isPlainObject } from '../../listing/json.js';
import { PATCHABLE_FIELDS, type SolutionListing } from '../../listing/types.js';

const PATCHABLE = new Set<string>(PATCHABLE_FIELDS);
const READ_ONLY = new Set(['type', 'solnListingId', 'version']);
const NEVER_DELETED = new Set(['displayName', 'shortDescription']);

type Check = (value: unknown) => boolean;
const isString: Check = (value) => typeof value === 'string';
const isStringArray: Check = (value) => Array.isArray(value) && value.every(isString);
const isObjectArray = (keys: string[]): Check => (value) =>
  Array.isArray(value) && value.every((item) => isPlainObject(item) && keys.every((key) => item[key] === undefined || isString(item[key])));
const isObjectOf = (members: Record<string, Check>): Check => (value) =>
  isPlainObject(value) &&
  Object.entries(value).every(([key, member]) => key in members && (member === null || members[key]!(member)));

// What each attribute may hold in a body (null, which deletes, is handled separately).
const SHAPES: Record<string, Check> = {
  displayName: isString,
  shortDescription: isString,
  longDescription: isString,
  productFamily: isString,
  isConsoleCompatible: (value) => typeof value === 'boolean',
  categories: isStringArray,
  supportedCountries: isStringArray,
  solnUrls: (value) => Array.isArray(value) && value.every((u) => isPlainObject(u) && isString(u.name) && isString(u.url)),
  systemAppSettings: isObjectArray(['appUrn', 'displayName', 'settingsUrl']),
  api: isObjectOf({ apiBaseUrl: isString, apiDetails: isString }),
  visibility: isObjectOf({
    isPrivate: (value) => typeof value === 'boolean',
    permissionType: (value) => value === 'ALLOW' || value === 'DENY',
    orgIdentifiers: isStringArray,
  }),
};

/**
 * Checks an UpdateSolution body the way the platform documents it; returns the 400 message,
 * or `null` when the body is acceptable.
 */
export function checkPatchBody(body: unknown): string | null {
  if (!isPlainObject(body)) return 'The body must be a JSON object of solution attributes.';
  const emptyArray = findEmptyArray(body, '');
  if (emptyArray !== null) {
    return `${emptyArray}: empty arrays are not accepted. Send the complete array, or null to delete it.`;
  }
  for (const [field, value] of Object.entries(body)) {
    if (field === 'apps') return 'apps cannot be changed by UpdateSolution: use AddAppsListing or DeleteAppsListing.';
    if (READ_ONLY.has(field)) return `${field} is set when the solution is registered and cannot be updated.`;
    if (!PATCHABLE.has(field)) return `${field} is not a solution attribute.`;
    if (value === null) {
      if (NEVER_DELETED.has(field)) return `${field} cannot be deleted.`;
    } else if (!SHAPES[field]!(value)) {
      return `${field} has the wrong shape.`;
    }
  }
  return null;
}

/** Checks the listing that a patch produced (required members of nested objects). */
export function checkPatchedListing(listing: SolutionListing): string | null {
  if (listing.api && (!listing.api.apiBaseUrl || !listing.api.apiDetails)) {
    return 'api.apiBaseUrl and api.apiDetails are required: send the whole api object.';
  }
  if (listing.type === 'API' && !listing.api) return 'api is required for a solution of type API.';
  return null;
}

function findEmptyArray(value: unknown, path: string): string | null {
  if (Array.isArray(value)) {
    if (value.length === 0) return path;
    for (const [index, item] of value.entries()) {
      const found = findEmptyArray(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
  } else if (isPlainObject(value)) {
    for (const [key, member] of Object.entries(value)) {
      const found = findEmptyArray(member, path === '' ? key : `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}
