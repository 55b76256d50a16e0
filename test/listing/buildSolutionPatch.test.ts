import { describe, expect, it } from 'vitest';
import { applyMergePatch, buildSolutionPatch, type SolutionListing } from '../../src/listing';
import { seedListing } from '../../src/mock-tray/listing/seed';

// The examples of the UpdateSolution page (seed 003), run against the seeded listing.
describe('buildSolutionPatch', () => {
  it('sends the complete 3-element solnUrls array when a third URL is added, never just the new one', () => {
    const before = seedListing();
    const after = { ...before, solnUrls: [...before.solnUrls!, { name: 'solution3', url: 'https://example.com/solution3' }] };

    expect(buildSolutionPatch(before, after)).toEqual({
      solnUrls: [
        { name: 'solution1', url: 'https://example.com/solution1' },
        { name: 'solution2', url: 'https://example.com/solution2' },
        { name: 'solution3', url: 'https://example.com/solution3' },
      ],
    });
  });

  it('builds the seed example: new displayName and shortDescription, "UK" added to the whole supportedCountries', () => {
    const before = seedListing();
    const after = {
      ...before,
      displayName: 'Last Mile Delivery v2',
      shortDescription: 'Faster last mile deliveries.',
      supportedCountries: [...before.supportedCountries!, 'UK'],
    };

    expect(buildSolutionPatch(before, after)).toEqual({
      displayName: 'Last Mile Delivery v2',
      shortDescription: 'Faster last mile deliveries.',
      supportedCountries: ['US', 'CA', 'UK'],
    });
  });

  it('deletes removed categories with null, whether the key is gone or the array is empty', () => {
    const before = seedListing();
    const { categories: _removed, ...withoutKey } = before;

    expect(buildSolutionPatch(before, withoutKey)).toEqual({ categories: null });
    expect(buildSolutionPatch(before, { ...before, categories: [] })).toEqual({ categories: null });
  });

  it('returns null when nothing changed, including [] versus absent and apps-only changes', () => {
    const before = seedListing();
    expect(buildSolutionPatch(before, seedListing())).toBeNull();
    expect(buildSolutionPatch({ displayName: 'A' }, { displayName: 'A', categories: [] })).toBeNull();
    expect(buildSolutionPatch(before, { ...before, apps: [] })).toBeNull();
  });

  it('sends a changed visibility whole, with null for the sub-key it lost', () => {
    const before = seedListing();
    const after: SolutionListing = { ...before, visibility: { isPrivate: true } };

    const patch = buildSolutionPatch(before, after);

    expect(patch).toEqual({ visibility: { isPrivate: true, permissionType: null, orgIdentifiers: null } });
    expect(applyMergePatch(before, patch)).toMatchObject({ visibility: { isPrivate: true } });
    expect((applyMergePatch(before, patch) as SolutionListing).visibility).toEqual({ isPrivate: true });
  });

  it('sends the whole nested object when only one of its members changed', () => {
    const before: SolutionListing = { api: { apiBaseUrl: 'https://api.example.com', apiDetails: 'v1' } };
    const after: SolutionListing = { api: { apiBaseUrl: 'https://api.example.com', apiDetails: 'v2' } };

    expect(buildSolutionPatch(before, after)).toEqual({ api: { apiBaseUrl: 'https://api.example.com', apiDetails: 'v2' } });
  });

  it('sends null inside visibility when its last organization is removed', () => {
    const before: SolutionListing = { visibility: { isPrivate: false, orgIdentifiers: ['acme'] } };
    const after: SolutionListing = { visibility: { isPrivate: false, orgIdentifiers: [] } };

    expect(buildSolutionPatch(before, after)).toEqual({ visibility: { isPrivate: false, orgIdentifiers: null } });
  });

  it('never includes read-only fields or apps', () => {
    const before = seedListing();
    const after: SolutionListing = { ...before, type: 'API', version: '9.9.9', solnListingId: 'other', apps: [], longDescription: 'New' };

    expect(buildSolutionPatch(before, after)).toEqual({ longDescription: 'New' });
  });

  it('does not mutate its inputs and shares no objects with them', () => {
    const before = seedListing();
    const after = { ...seedListing(), categories: ['LastMile'], visibility: { isPrivate: true } };
    const snapshot = JSON.stringify([before, after]);

    const patch = buildSolutionPatch(before, after)!;
    patch.categories!.push('changed');

    expect(JSON.stringify([before, after])).toBe(snapshot);
  });
});
