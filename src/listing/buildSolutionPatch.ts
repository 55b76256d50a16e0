import { jsonEqual } from './json.js';
import { normalizeListing } from './normalizeListing.js';
import {
  NESTED_OBJECT_FIELDS,
  PATCHABLE_FIELDS,
  type PatchableField,
  type SolutionListing,
  type SolutionPatch,
} from './types.js';

const NESTED = new Set<PatchableField>(NESTED_OBJECT_FIELDS);

/**
 * Builds the UpdateSolution body that turns `before` into `after`, or `null` when there is
 * nothing to send.
 *
 * UpdateSolution is a JSON Merge Patch whose arrays are replaced whole, so the body holds:
 * - only the attributes that changed (apps and read-only fields are never included);
 * - a changed array **complete** (never just the new element, which would delete the rest);
 * - `null` for a removed attribute or array, never `[]` (which the API rejects);
 * - a changed nested object (`api`, `visibility`) whole, plus `null` for each sub-key it
 *   lost, so the result is right whether the server merges nested objects or replaces them.
 *
 * Both listings are compared in the normal form of `normalizeListing` (`[]`, `null` and
 * `undefined` all mean absent). Synchronous and pure: the inputs are never mutated and the
 * body shares no objects with them.
 *
 * @example
 * buildSolutionPatch(
 *   { categories: ['LastMile'] },
 *   { categories: ['LastMile', 'Transport Management'] },
 * ) // → { categories: ['LastMile', 'Transport Management'] }
 */
export function buildSolutionPatch(before: SolutionListing, after: SolutionListing): SolutionPatch | null {
  const from = normalizeListing(before);
  const to = normalizeListing(after);
  const patch: Record<string, unknown> = {};
  for (const field of PATCHABLE_FIELDS) {
    const old = from[field];
    const next = to[field];
    if (jsonEqual(old, next)) continue;
    if (next === undefined) {
      patch[field] = null;
    } else if (NESTED.has(field)) {
      patch[field] = withLostKeysNulled(old as object | undefined, next as object);
    } else {
      patch[field] = next; // already a fresh copy made by normalizeListing
    }
  }
  return Object.keys(patch).length === 0 ? null : (patch as SolutionPatch);
}

function withLostKeysNulled(old: object | undefined, next: object): Record<string, unknown> {
  const whole: Record<string, unknown> = { ...next };
  for (const key of Object.keys(old ?? {})) {
    if (!(key in whole)) whole[key] = null;
  }
  return whole;
}
