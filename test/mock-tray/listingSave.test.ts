import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSolutionPatch, createListingClient, saveListing, type SolutionListing } from '../../src/listing';
import { SEED_SOLUTION_VERSION_ID as ID, createMockListingApi, seedListing } from '../../src/mock-tray/listing';

// The library's client and saveListing against the mock over real HTTP (global fetch).
const api = createMockListingApi({ organizationId: 'org-1', accessToken: 'dev-token' });
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: hasBody ? Buffer.concat(chunks) : undefined,
    });
    const response = (await api.handle(request)) ?? new Response('not found', { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('saveListing against the mock listing API', () => {
  it('adds a third URL and UK, swaps apps, and the stored listing equals the edit', async () => {
    const client = createListingClient({ baseUrl, accessToken: 'dev-token' });
    const before = await client.getSolution(ID);
    const after: SolutionListing = {
      ...before,
      solnUrls: [...before.solnUrls!, { name: 'solution3', url: 'https://example.com/solution3' }],
      supportedCountries: [...before.supportedCountries!, 'UK'],
      categories: [],
      apps: [...before.apps!.filter((app) => app.listingId !== 'last-mile-delivery'), { listingId: 'truck-trackers', semver: '1.0.2' }],
    };

    const result = await saveListing(client, ID, before, after);

    expect(result).toMatchObject({ ok: true, completed: ['updateSolution', 'addApps', 'removeApps'] });
    const stored = api.getVersion(ID)!;
    expect(stored.solnUrls!.map((url) => url.name)).toEqual(['solution1', 'solution2', 'solution3']);
    expect(stored.supportedCountries).toEqual(['US', 'CA', 'UK']);
    expect(stored).not.toHaveProperty('categories');
    expect(stored.apps!.map((app) => app.listingId)).toEqual(['dispatch-board', 'truck-trackers']);
    expect(buildSolutionPatch(stored, after)).toBeNull();
  });

  it('reports a 403 from the server as a failed first step with nothing else sent', async () => {
    const client = createListingClient({ baseUrl, accessToken: 'wrong-token' });
    const before = seedListing();

    const result = await saveListing(client, ID, before, { ...before, displayName: 'Other', apps: [] });

    expect(result).toMatchObject({
      ok: false,
      completed: [],
      failed: { step: 'updateSolution', error: { code: 'forbidden' } },
      skipped: ['removeApps'],
    });
  });

  it('answers the CORS preflight the browser sends before a PATCH', async () => {
    const response = await fetch(`${baseUrl}/developer/solutions/versions/${ID}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PATCH' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('x-developerplatform-access');
  });
});
