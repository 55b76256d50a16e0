import fc from 'fast-check';
import { PATCHABLE_FIELDS, type SolutionListing } from '../../../src/listing';

// Small value pools, so that before/after often share values and the interesting cases
// (equal arrays, one appended element, a lost sub-key) come up all the time.
const text = fc.constantFrom('Last Mile Delivery', 'Last Mile Delivery v2', 'Docs', 'é ünïcode', '');
const tag = fc.constantFrom('LastMile', 'Transport Management', 'Freight', 'UK', 'US', 'CA');
const urlEntry = fc.record({
  name: fc.constantFrom('solution1', 'solution2', 'solution3'),
  url: fc.constantFrom('https://example.com/solution1', 'https://example.com/solution2', 'https://example.com/solution3'),
});
const setting = fc.record(
  {
    appUrn: fc.constantFrom('platform:app:mts', 'platform:app:wms'),
    displayName: fc.constantFrom('MTS Settings', 'WMS Settings'),
    settingsUrl: fc.constantFrom('/app/mts/settings', '/app/wms/settings'),
  },
  { requiredKeys: [] },
);
const app = fc.record(
  {
    listingId: fc.constantFrom('last-mile-delivery', 'truck-trackers', 'dispatch-board'),
    semver: fc.constantFrom('1.0.0', '1.0.2', '2.0.0-rc.1'),
    displayOrder: fc.nat(3),
    initSequence: fc.nat(3),
  },
  { requiredKeys: ['listingId', 'semver'] },
);

/** Lists that may be empty: `[]` must behave exactly like an absent field. */
const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 4 });

/** Sometimes an explicit `undefined` or `null`, which also mean absent. */
const orNullish = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: value }, fc.constant(undefined), fc.constant(null)) as fc.Arbitrary<T>;

export const listingArbitrary: fc.Arbitrary<SolutionListing> = fc.record(
  {
    displayName: orNullish(text),
    shortDescription: orNullish(text),
    longDescription: orNullish(text),
    isConsoleCompatible: orNullish(fc.boolean()),
    visibility: orNullish(
      fc.record(
        {
          isPrivate: orNullish(fc.boolean()),
          permissionType: orNullish(fc.constantFrom('ALLOW' as const, 'DENY' as const)),
          orgIdentifiers: orNullish(list(fc.constantFrom('acme', 'globex', 'initech'))),
        },
        { requiredKeys: [] },
      ),
    ),
    categories: orNullish(list(tag)),
    solnUrls: orNullish(list(urlEntry)),
    api: orNullish(
      fc.record(
        { apiBaseUrl: fc.constantFrom('https://api.example.com', 'https://api2.example.com'), apiDetails: text },
        { requiredKeys: [] },
      ),
    ),
    productFamily: orNullish(text),
    systemAppSettings: orNullish(list(setting)),
    supportedCountries: orNullish(list(tag)),
    type: fc.constantFrom('APP' as const, 'API' as const),
    apps: list(app),
  },
  { requiredKeys: [] },
);

type Edit = 'keep' | 'other' | 'delete' | 'tweak';

/**
 * A `before` and an `after` derived from it the way an editor would: each attribute kept,
 * replaced, deleted, or tweaked (one element appended to or dropped from an array; one
 * sub-key dropped from and others merged into a nested object).
 */
export const listingPairArbitrary: fc.Arbitrary<[SolutionListing, SolutionListing]> = fc
  .tuple(
    listingArbitrary,
    listingArbitrary,
    fc.array(fc.constantFrom<Edit>('keep', 'other', 'delete', 'tweak'), {
      minLength: PATCHABLE_FIELDS.length,
      maxLength: PATCHABLE_FIELDS.length,
    }),
  )
  .map(([before, other, edits]) => {
    const after: Record<string, unknown> = { ...before };
    PATCHABLE_FIELDS.forEach((field, index) => {
      const edit = edits[index]!;
      if (edit === 'other') after[field] = other[field];
      else if (edit === 'delete') delete after[field];
      else if (edit === 'tweak') after[field] = tweak(before[field], other[field]);
    });
    return [before, after as SolutionListing];
  });

function tweak(old: unknown, other: unknown): unknown {
  if (Array.isArray(old) || Array.isArray(other)) {
    const from = Array.isArray(old) ? old : [];
    const extra = Array.isArray(other) ? other.slice(0, 1) : [];
    return extra.length > 0 ? [...from, ...extra] : from.slice(1);
  }
  if (typeof old === 'object' && old !== null) {
    const [dropped] = Object.keys(old);
    const rest: Record<string, unknown> = { ...old };
    if (dropped !== undefined) delete rest[dropped];
    return { ...rest, ...(typeof other === 'object' && other !== null ? other : {}) };
  }
  return other;
}
