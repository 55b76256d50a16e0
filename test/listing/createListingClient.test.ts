import { describe, expect, it, vi } from 'vitest';
import { ListingApiError, buildSolutionPatch, createListingClient } from '../../src/listing';

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown };

/** A fake `fetch` that records each call and answers with `respond()`. */
function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
    });
    return respond();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const patch = buildSolutionPatch({ displayName: 'A' }, { displayName: 'B' })!;

describe('createListingClient', () => {
  it('sends each call with its method, path, JSON body and the access header', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { ok: true }));
    const client = createListingClient({ baseUrl: 'https://api.example.com/', accessToken: 'tok', fetch });

    await expect(client.updateSolution('v 1', patch)).resolves.toEqual({ ok: true });
    await client.addApps('v1', { applications: [{ listingId: 'truck-trackers', semver: '1.0.2' }] });
    await client.removeApps('v1', { applications: [{ listingId: 'last-mile-delivery' }] });

    expect(calls.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['PATCH', 'https://api.example.com/developer/solutions/versions/v%201', { displayName: 'B' }],
      ['PUT', 'https://api.example.com/developer/solutions/versions/v1/apps', { applications: [{ listingId: 'truck-trackers', semver: '1.0.2' }] }],
      ['DELETE', 'https://api.example.com/developer/solutions/versions/v1/apps', { applications: [{ listingId: 'last-mile-delivery' }] }],
    ]);
    for (const call of calls) {
      expect(call.headers).toMatchObject({ 'x-developerplatform-access': 'tok', 'content-type': 'application/json' });
    }
  });

  it('asks a token function for the token on every request', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    let n = 0;
    const client = createListingClient({ baseUrl: 'https://api.example.com', accessToken: async () => `tok-${++n}`, fetch });
    await client.getSolution('v1');
    await client.getSolution('v1');
    expect(calls.map((call) => call.headers['x-developerplatform-access'])).toEqual(['tok-1', 'tok-2']);
  });

  it.each([
    [400, { error: 'solnUrls[0].url is invalid', request: {} }, 'bad_request', 'solnUrls[0].url is invalid'],
    [403, { error: "caller not in the solution's organization" }, 'forbidden', "caller not in the solution's organization"],
    [404, { error: 'solution version v1 not found' }, 'not_found', 'solution version v1 not found'],
    [500, 'upstream exploded', 'server', 'upstream exploded'],
    [409, {}, 'server', undefined],
  ] as const)('maps HTTP %i to ListingApiError code', async (status, body, code, serverMessage) => {
    const { fetch } = fakeFetch(() => json(status, body));
    const client = createListingClient({ baseUrl: 'https://api.example.com', accessToken: 'tok', fetch });

    const error = await client.updateSolution('v1', patch).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ListingApiError);
    expect(error).toMatchObject({ code, status, serverMessage, request: { method: 'PATCH', path: '/developer/solutions/versions/v1' } });
    if (serverMessage) expect((error as Error).message).toContain(serverMessage);
  });

  it('maps a network failure to code "network", keeping the cause', async () => {
    const failure = new TypeError('fetch failed');
    const client = createListingClient({
      baseUrl: 'https://api.example.com',
      accessToken: 'tok',
      fetch: () => Promise.reject(failure),
    });

    const error = await client.addApps('v1', { applications: [{ listingId: 'a', semver: '1.0.0' }] }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ListingApiError);
    expect(error).toMatchObject({ code: 'network', cause: failure });
    expect((error as Error).message).toMatch(/Could not reach the listing API at https:\/\/api\.example\.com/);
  });

  it('refuses to send an empty array, which the API would reject', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    const client = createListingClient({ baseUrl: 'https://api.example.com', accessToken: 'tok', fetch });

    await expect(client.removeApps('v1', { applications: [] })).rejects.toMatchObject({ code: 'bad_request' });
    expect(calls).toHaveLength(0);
  });

  it('uses the global fetch, looked up at request time, when none is given', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createListingClient({ baseUrl: 'https://api.example.com', accessToken: 'tok' });
    vi.stubGlobal('fetch', fetch);
    try {
      await expect(client.updateSolution('v1', patch)).resolves.toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(calls).toHaveLength(1);
  });
});
