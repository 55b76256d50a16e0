import { describe, expect, it } from 'vitest';
import { ListingApiError, saveListing, type ListingClient, type SolutionListing } from '../../src/listing';
import { seedListing } from '../../src/mock-tray/listing/seed';

type Step = 'updateSolution' | 'addApps' | 'removeApps';

/** A client that records the order of calls and fails the steps named in `failing`. */
function recordingClient(failing: Partial<Record<Step, ListingApiError | Error>> = {}) {
  const calls: Array<[Step, string, unknown]> = [];
  const step = (name: Step) => async (id: string, body: unknown) => {
    calls.push([name, id, body]);
    const error = failing[name];
    if (error) throw error;
    return {};
  };
  const client: Pick<ListingClient, Step> = {
    updateSolution: step('updateSolution'),
    addApps: step('addApps'),
    removeApps: step('removeApps'),
  };
  return { client, calls };
}

/** The seed with a new country, truck-trackers added and last-mile-delivery removed. */
function editedSeed(): SolutionListing {
  const before = seedListing();
  return {
    ...before,
    supportedCountries: [...before.supportedCountries!, 'UK'],
    apps: [...before.apps!.filter((app) => app.listingId !== 'last-mile-delivery'), { listingId: 'truck-trackers', semver: '1.0.2' }],
  };
}

describe('saveListing', () => {
  it('sends the listing PATCH, then AddApps, then DeleteApps', async () => {
    const { client, calls } = recordingClient();

    const result = await saveListing(client, 'v1', seedListing(), editedSeed());

    expect(calls).toEqual([
      ['updateSolution', 'v1', { supportedCountries: ['US', 'CA', 'UK'] }],
      ['addApps', 'v1', { applications: [{ listingId: 'truck-trackers', semver: '1.0.2' }] }],
      ['removeApps', 'v1', { applications: [{ listingId: 'last-mile-delivery' }] }],
    ]);
    expect(result).toMatchObject({ ok: true, completed: ['updateSolution', 'addApps', 'removeApps'], unchanged: [] });
    expect(result.listing.apps!.map((app) => app.listingId)).toEqual(['dispatch-board', 'truck-trackers']);
    expect(result.listing.supportedCountries).toEqual(['US', 'CA', 'UK']);
  });

  it('skips the steps with nothing to send', async () => {
    const { client, calls } = recordingClient();
    const before = seedListing();

    const result = await saveListing(client, 'v1', before, { ...before, displayName: 'Last Mile Delivery v2' });

    expect(calls.map(([step]) => step)).toEqual(['updateSolution']);
    expect(result).toMatchObject({ ok: true, completed: ['updateSolution'], unchanged: ['addApps', 'removeApps'] });
    expect(await saveListing(client, 'v1', before, seedListing())).toMatchObject({ ok: true, completed: [] });
    expect(calls).toHaveLength(1);
  });

  it('stops at a failed step and reports exactly what succeeded, failed and was skipped', async () => {
    const error = new ListingApiError('bad_request', 'refused', { status: 400 });
    const { client, calls } = recordingClient({ addApps: error });

    const result = await saveListing(client, 'v1', seedListing(), editedSeed());

    expect(calls.map(([step]) => step)).toEqual(['updateSolution', 'addApps']);
    expect(result).toMatchObject({
      ok: false,
      reason: 'request_failed',
      completed: ['updateSolution'],
      failed: { step: 'addApps', error },
      skipped: ['removeApps'],
    });
    // What the server now holds: the new country, but the apps as before (nothing deleted).
    expect(result.listing.supportedCountries).toEqual(['US', 'CA', 'UK']);
    expect(result.listing.apps).toEqual(seedListing().apps);
  });

  it('wraps an unexpected error from a custom client in ListingApiError', async () => {
    const { client } = recordingClient({ updateSolution: new Error('boom') });

    const result = await saveListing(client, 'v1', seedListing(), editedSeed());

    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'request_failed') throw new Error('expected a failed request');
    expect(result.failed.error).toBeInstanceOf(ListingApiError);
    expect(result.failed.error.message).toContain('boom');
    expect(result.skipped).toEqual(['addApps', 'removeApps']);
  });

  it('sends nothing when the listing is invalid', async () => {
    const { client, calls } = recordingClient();
    const after = { ...editedSeed(), displayName: '', apps: [{ listingId: 'truck-trackers', semver: 'latest' }] };

    const result = await saveListing(client, 'v1', seedListing(), after);

    expect(calls).toEqual([]);
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      completed: [],
      issues: [{ field: 'displayName' }, { field: 'apps[0].semver' }],
    });
  });
});
