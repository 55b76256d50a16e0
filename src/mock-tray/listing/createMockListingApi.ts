import { cloneJson } from '../../listing/json.js';
import { ACCESS_HEADER } from '../../listing/listingPaths.js';
import { applyMergePatch } from '../../listing/mergePatch.js';
import type { SolutionListing } from '../../listing/types.js';
import { parseAddApps, parseRemoveApps } from './appsBodies.js';
import { checkPatchBody, checkPatchedListing } from './checkPatchBody.js';
import { SEED_SOLUTION_VERSION_ID, seedListing } from './seed.js';

export interface MockSolutionVersion {
  id: string;
  /** @default the API's `organizationId`; another one makes every call 403 */
  organizationId?: string;
  /** The listing incl. apps. */
  listing: SolutionListing;
}

export interface MockListingApiOptions {
  /** The organization the caller (the `accessToken`) belongs to. */
  organizationId: string;
  /** The only `x-developerplatform-access` value accepted. */
  accessToken: string;
  /** @default one "Last Mile Delivery" version, id `SEED_SOLUTION_VERSION_ID` */
  versions?: MockSolutionVersion[];
  /** Answer CORS preflights and add `access-control-allow-origin: *`. @default true */
  cors?: boolean;
}

export interface MockListingApi {
  /** Answers the listing API's paths; `null` for any other path, so routes can be chained. */
  handle(request: Request): Promise<Response | null>;
  /** A copy of a version's listing incl. apps, as stored now. */
  getVersion(id: string): SolutionListing | undefined;
}

const ROUTE = /^\/developer\/solutions\/versions\/([^/]+)(\/apps)?\/?$/;
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, PATCH, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': `content-type, ${ACCESS_HEADER}`,
};

/**
 * An in-memory stand-in for the platform's listing API (Web Request → Response, no Node
 * imports): UpdateSolution with real JSON Merge Patch semantics (arrays replaced whole, `[]`
 * anywhere refused with 400), AddAppsListing (add, or replace by `listingId`),
 * DeleteAppsListing (unknown ids are ignored, so a retried delete succeeds), 403 for a
 * missing or wrong token, 404 for an unknown version. `GET …/versions/{id}` is a mock
 * convenience so the demo can load a listing; the platform does not document it.
 */
export function createMockListingApi(options: MockListingApiOptions): MockListingApi {
  const versions = new Map<string, Required<MockSolutionVersion>>();
  for (const version of options.versions ?? [{ id: SEED_SOLUTION_VERSION_ID, listing: seedListing() }]) {
    versions.set(version.id, {
      id: version.id,
      organizationId: version.organizationId ?? options.organizationId,
      listing: cloneJson(version.listing),
    });
  }
  const extraHeaders: Record<string, string> = options.cors === false ? {} : CORS;
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...extraHeaders, ...headers } });

  async function handle(request: Request): Promise<Response | null> {
    const match = ROUTE.exec(new URL(request.url).pathname);
    if (!match) return null;
    const id = decodeURIComponent(match[1]!);
    const isApps = match[2] !== undefined;
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: extraHeaders });

    const allowed = isApps ? ['PUT', 'DELETE'] : ['GET', 'PATCH'];
    if (!allowed.includes(request.method)) {
      return json(405, { error: `${request.method} is not supported here; use ${allowed.join(' or ')}.` }, { allow: allowed.join(', ') });
    }
    const version = versions.get(id);
    if (request.headers.get(ACCESS_HEADER) !== options.accessToken || (version && version.organizationId !== options.organizationId)) {
      return json(403, { error: "caller not in the solution's organization" });
    }
    if (!version) return json(404, { error: `solution version ${id} not found` });
    if (request.method === 'GET') return json(200, version.listing);

    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return json(400, { error: 'The body must be JSON.', request: null });
    }
    const bad = (error: string) => json(400, { error, request: body });

    if (request.method === 'PATCH') {
      const problem = checkPatchBody(body);
      if (problem) return bad(problem);
      const next = applyMergePatch(version.listing, body) as SolutionListing;
      const invalid = checkPatchedListing(next);
      if (invalid) return bad(invalid);
      version.listing = next;
      return json(200, version.listing);
    }
    const apps = version.listing.apps ?? [];
    if (request.method === 'PUT') {
      const parsed = parseAddApps(body);
      if (!parsed.ok) return bad(parsed.error);
      const byId = new Map(parsed.value.map((app) => [app.listingId, app]));
      const known = new Set(apps.map((app) => app.listingId));
      // PUT replaces an existing app's entry whole; new apps are appended.
      const added = parsed.value.filter((app) => !known.has(app.listingId));
      version.listing.apps = [...apps.map((app) => byId.get(app.listingId) ?? app), ...added];
    } else {
      const parsed = parseRemoveApps(body);
      if (!parsed.ok) return bad(parsed.error);
      const removed = new Set(parsed.value);
      version.listing.apps = apps.filter((app) => !removed.has(app.listingId));
    }
    return json(200, { applications: version.listing.apps });
  }

  return {
    handle,
    getVersion: (id) => {
      const version = versions.get(id);
      return version ? cloneJson(version.listing) : undefined;
    },
  };
}
