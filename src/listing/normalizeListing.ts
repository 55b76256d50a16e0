import { cloneJson, isPlainObject } from './json.js';
import type { SolutionListing } from './types.js';

/**
 * The one normal form every comparison in this module uses, because the API cannot tell
 * these apart and neither should we:
 *
 * - a member that is `undefined` or `null` is **absent**;
 * - an empty array is **absent**: the API rejects `[]` (400) and deletes an array with
 *   `null`, so "the user removed every category" and "no categories" are the same listing;
 * - a nested object (`visibility`, `api`) is normalised the same way, and is absent once
 *   it has no members left.
 *
 * Array elements are copied as they are. Returns a new object; never mutates its input.
 */
export function normalizeListing(listing: SolutionListing): SolutionListing {
  return normalizeObject(listing as Record<string, unknown>) ?? {};
}

function normalizeObject(object: Record<string, unknown>): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const normal = normalizeValue(value);
    if (normal !== undefined) result[key] = normal;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

function normalizeValue(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : cloneJson(value);
  if (isPlainObject(value)) return normalizeObject(value);
  return value;
}
