import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  NESTED_OBJECT_FIELDS,
  PATCHABLE_FIELDS,
  applyMergePatch,
  buildSolutionPatch,
  normalizeListing,
  type SolutionListing,
} from '../../src/listing';
import { listingArbitrary, listingPairArbitrary } from './support/listingArbitraries';

const RUNS = { numRuns: 3000 };
// Thousands of generated listings per property: well under a second alone, but CI shares two
// cores with the browser tests, so give it room rather than fail on a slow moment.
vi.setConfig({ testTimeout: 60_000 });
const PATCHABLE = new Set<string>(PATCHABLE_FIELDS);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The attributes UpdateSolution owns, in normal form (`[]`, null, undefined = absent). */
function attributes(listing: unknown): Record<string, unknown> {
  const normal = normalizeListing(listing as SolutionListing) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(normal).filter(([key]) => PATCHABLE.has(key)));
}

/** Everything else (apps, type, …), which a patch must leave exactly as it was. */
function untouched(listing: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(listing as object).filter(([key]) => !PATCHABLE.has(key)));
}

/** A server that replaces nested objects whole instead of merging them (a `null` member = unset). */
function applyReplacingNestedObjects(target: SolutionListing, patch: object): SolutionListing {
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isObject(value)) result[key] = Object.fromEntries(Object.entries(value).filter(([, member]) => member !== null));
    else result[key] = value;
  }
  return result as SolutionListing;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function containsEmptyArray(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || value.some(containsEmptyArray);
  return isObject(value) && Object.values(value).some(containsEmptyArray);
}

/** Generated pairs: half derived by edits, half unrelated listings. */
const pairs = fc.oneof(listingPairArbitrary, fc.tuple(listingArbitrary, listingArbitrary));

describe('buildSolutionPatch (properties)', () => {
  it('applied with JSON Merge Patch (RFC 7396) to before, gives after', () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const result = applyMergePatch(before, buildSolutionPatch(before, after) ?? {});
        expect(attributes(result)).toEqual(attributes(after));
        expect(untouched(result)).toEqual(untouched(before));
      }),
      RUNS,
    );
  });

  it('gives after on a server that replaces nested objects instead of merging them', () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const result = applyReplacingNestedObjects(before, buildSolutionPatch(before, after) ?? {});
        expect(attributes(result)).toEqual(attributes(after));
      }),
      RUNS,
    );
  });

  it('is null exactly when the normalised attributes are equal', () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const same = JSON.stringify(attributes(before)) === JSON.stringify(attributes(after));
        expect(buildSolutionPatch(before, after) === null).toBe(same);
      }),
      RUNS,
    );
  });

  it('sends only changed attributes, arrays complete, nested objects whole, and never []', () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const patch = (buildSolutionPatch(before, after) ?? {}) as Record<string, unknown>;
        const old = attributes(before);
        const next = attributes(after);
        expect(containsEmptyArray(patch)).toBe(false);
        for (const [field, value] of Object.entries(patch)) {
          expect(PATCHABLE.has(field)).toBe(true);
          expect(value).not.toEqual(old[field]);
          if (value === null) expect(next[field]).toBeUndefined();
          else if ((NESTED_OBJECT_FIELDS as readonly string[]).includes(field)) {
            const withoutNulls = Object.fromEntries(Object.entries(value as object).filter(([, member]) => member !== null));
            expect(withoutNulls).toEqual(next[field]);
          } else expect(value).toEqual(next[field]);
        }
      }),
      RUNS,
    );
  });

  it('never mutates its (frozen) inputs and returns a body that shares nothing with them', () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const snapshot = JSON.stringify([before, after]);
        const patch = buildSolutionPatch(deepFreeze(before), deepFreeze(after));
        expect(JSON.stringify([before, after])).toBe(snapshot);
        // Anything shared with the frozen inputs would be frozen too.
        const shared = (value: unknown): boolean =>
          typeof value === 'object' && value !== null && (Object.isFrozen(value) || Object.values(value).some(shared));
        expect(shared(patch)).toBe(false);
      }),
      RUNS,
    );
  });

  it('round-trips: patching before to after and back to before restores before', () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const there = applyMergePatch(before, buildSolutionPatch(before, after) ?? {}) as SolutionListing;
        const back = applyMergePatch(there, buildSolutionPatch(there, before) ?? {});
        expect(attributes(back)).toEqual(attributes(before));
      }),
      { numRuns: 1000 },
    );
  });
});
