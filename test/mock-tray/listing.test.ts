import { describe, expect, it } from 'vitest';
import {
  SEED_SOLUTION_VERSION_ID as ID,
  createMockListingApi,
  seedListing,
} from '../../src/mock-tray/listing';

const TOKEN = 'dev-token';
const ORIGIN = 'http://127.0.0.1:4000';

function setup() {
  const api = createMockListingApi({ organizationId: 'org-1', accessToken: TOKEN });
  async function call(method: string, path: string, body?: unknown, token: string | null = TOKEN) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers['x-developerplatform-access'] = token;
    const response = await api.handle(
      new Request(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
    if (!response) throw new Error(`the mock did not answer ${method} ${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  return { api, call };
}

const VERSION = `/developer/solutions/versions/${ID}`;

describe('mock listing API: UpdateSolution', () => {
  it('serves the seeded "Last Mile Delivery" version on GET', async () => {
    const { call } = setup();
    const { status, body } = await call('GET', VERSION);
    expect(status).toBe(200);
    expect(body).toMatchObject({ displayName: 'Last Mile Delivery', categories: ['LastMile', 'Transport Management'] });
    expect((body.solnUrls as Array<{ name: string }>).map((url) => url.name)).toEqual(['solution1', 'solution2']);
  });

  it('applies a merge patch: omitted fields stay, arrays are replaced whole, null deletes', async () => {
    const { api, call } = setup();
    const response = await call('PATCH', VERSION, {
      displayName: 'Last Mile Delivery v2',
      solnUrls: [{ name: 'solution3', url: 'https://example.com/solution3' }],
      categories: null,
    });

    expect(response.status).toBe(200);
    const stored = api.getVersion(ID)!;
    expect(stored.displayName).toBe('Last Mile Delivery v2');
    expect(stored.shortDescription).toBe(seedListing().shortDescription);
    // Exactly the trap: sending only the new URL deleted solution1 and solution2.
    expect(stored.solnUrls).toEqual([{ name: 'solution3', url: 'https://example.com/solution3' }]);
    expect(stored).not.toHaveProperty('categories');
    expect(stored.apps).toEqual(seedListing().apps);
  });

  it('merges nested objects per RFC 7396', async () => {
    const { api, call } = setup();
    await call('PATCH', VERSION, { visibility: { isPrivate: true, permissionType: null, orgIdentifiers: null } });
    expect(api.getVersion(ID)!.visibility).toEqual({ isPrivate: true });
  });

  it.each([
    [{ categories: [] }, 'categories'],
    [{ visibility: { isPrivate: false, orgIdentifiers: [] } }, 'visibility.orgIdentifiers'],
  ])('rejects [] anywhere with 400 {error, request} and changes nothing: %j', async (patch, path) => {
    const { api, call } = setup();
    const { status, body } = await call('PATCH', VERSION, patch);
    expect(status).toBe(400);
    expect(body.error).toContain(path);
    expect(body.request).toEqual(patch);
    expect(api.getVersion(ID)).toEqual(seedListing());
  });

  it('rejects deleting displayName, changing apps, and an api without its required members', async () => {
    const { call } = setup();
    expect((await call('PATCH', VERSION, { displayName: null })).status).toBe(400);
    expect((await call('PATCH', VERSION, { apps: null })).status).toBe(400);
    expect((await call('PATCH', VERSION, { api: { apiBaseUrl: 'https://api.example.com' } })).status).toBe(400);
  });

  it('answers 403 for a missing or wrong access token, and 404 for an unknown version', async () => {
    const { call } = setup();
    for (const token of [null, 'someone-else']) {
      const { status, body } = await call('PATCH', VERSION, { displayName: 'x' }, token);
      expect(status).toBe(403);
      expect(body.error).toBe("caller not in the solution's organization");
    }
    expect((await call('PATCH', '/developer/solutions/versions/nope', { displayName: 'x' })).status).toBe(404);
    expect((await call('PUT', '/developer/solutions/versions/nope/apps', { applications: [{ listingId: 'a', semver: '1.0.0' }] })).status).toBe(404);
  });

  it('answers 403 for a version of another organization', async () => {
    const api = createMockListingApi({
      organizationId: 'org-1',
      accessToken: TOKEN,
      versions: [{ id: 'v-other', organizationId: 'org-2', listing: seedListing() }],
    });
    const response = await api.handle(
      new Request(`${ORIGIN}/developer/solutions/versions/v-other`, { headers: { 'x-developerplatform-access': TOKEN } }),
    );
    expect(response!.status).toBe(403);
  });

  it('returns null for paths it does not own', async () => {
    const { api } = setup();
    expect(await api.handle(new Request(`${ORIGIN}/graphql`, { method: 'POST' }))).toBeNull();
    expect(await api.handle(new Request(`${ORIGIN}/developer/solutions`))).toBeNull();
  });
});

describe('mock listing API: apps', () => {
  it('adds a new app and updates an existing one by listingId', async () => {
    const { api, call } = setup();
    const { status } = await call('PUT', `${VERSION}/apps`, {
      applications: [
        { listingId: 'truck-trackers', semver: '1.0.2' },
        { listingId: 'dispatch-board', semver: '2.4.0', displayOrder: 3 },
      ],
    });
    expect(status).toBe(200);
    expect(api.getVersion(ID)!.apps).toEqual([
      { listingId: 'last-mile-delivery', semver: '1.0.0', displayOrder: 1, initSequence: 1 },
      { listingId: 'dispatch-board', semver: '2.4.0', displayOrder: 3 },
      { listingId: 'truck-trackers', semver: '1.0.2' },
    ]);
  });

  it.each([
    [{ applications: [{ listingId: 'truck-trackers' }] }, 'semver is required'],
    [{ applications: [{ semver: '1.0.2' }] }, 'listingId is required'],
    [{ applications: [{ listingId: 'a', semver: 'latest' }] }, 'not a valid semantic version'],
    [{ applications: [] }, 'empty arrays are not accepted'],
  ])('rejects an incomplete AddApps body with 400: %j', async (body, message) => {
    const { api, call } = setup();
    const response = await call('PUT', `${VERSION}/apps`, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toContain(message);
    expect(api.getVersion(ID)!.apps).toEqual(seedListing().apps);
  });

  it('deletes apps by listingId (the seed example: last-mile-delivery)', async () => {
    const { api, call } = setup();
    const response = await call('DELETE', `${VERSION}/apps`, { applications: [{ listingId: 'last-mile-delivery' }] });
    expect(response.status).toBe(200);
    expect(api.getVersion(ID)!.apps!.map((app) => app.listingId)).toEqual(['dispatch-board']);
  });
});
