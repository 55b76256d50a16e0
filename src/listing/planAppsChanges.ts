import type { AddAppsBody, RemoveAppsBody, SolutionApp, SolutionListing } from './types.js';

/** The AddAppsListing and DeleteAppsListing bodies; `null` where there is nothing to send. */
export interface AppsChanges {
  add: AddAppsBody | null;
  remove: RemoveAppsBody | null;
}

/** Either a listing (its `apps` are used) or the apps themselves. */
export type AppsSource = SolutionListing | readonly SolutionApp[] | undefined;

/**
 * Compares two sets of apps by `listingId` (their order in the array does not matter: the
 * Console orders apps by `displayOrder`) and plans the two requests:
 * - `add`: apps that are new, and apps whose `semver`, `displayOrder` or `initSequence`
 *   changed; each app is sent whole, as AddAppsListing adds-or-updates by `listingId`;
 * - `remove`: the `listingId`s that are gone.
 *
 * Renaming an app's `listingId` is a removal plus an addition. Pure; the bodies are new
 * objects.
 */
export function planAppsChanges(before: AppsSource, after: AppsSource): AppsChanges {
  const old = byListingId(appsOf(before));
  const next = byListingId(appsOf(after));

  const added: SolutionApp[] = [];
  for (const [listingId, app] of next) {
    const previous = old.get(listingId);
    if (!previous || !sameApp(previous, app)) added.push(toAppBody(app));
  }
  const removed = [...old.keys()].filter((listingId) => !next.has(listingId)).map((listingId) => ({ listingId }));

  return {
    add: added.length > 0 ? { applications: added } : null,
    remove: removed.length > 0 ? { applications: removed } : null,
  };
}

function appsOf(source: AppsSource): readonly SolutionApp[] {
  if (source === undefined) return [];
  if (Array.isArray(source)) return source;
  return (source as SolutionListing).apps ?? [];
}

// With duplicate listingIds (which validateListing reports) the last one wins, as it
// would on the server if they were sent in one request.
function byListingId(apps: readonly SolutionApp[]): Map<string, SolutionApp> {
  return new Map(apps.map((app) => [app.listingId, app]));
}

function sameApp(a: SolutionApp, b: SolutionApp): boolean {
  // A server may answer `null` for an unset number; it means the same as absent.
  return (
    a.semver === b.semver &&
    (a.displayOrder ?? undefined) === (b.displayOrder ?? undefined) &&
    (a.initSequence ?? undefined) === (b.initSequence ?? undefined)
  );
}

function toAppBody(app: SolutionApp): SolutionApp {
  const body: SolutionApp = { listingId: app.listingId, semver: app.semver };
  if (app.displayOrder !== undefined && app.displayOrder !== null) body.displayOrder = app.displayOrder;
  if (app.initSequence !== undefined && app.initSequence !== null) body.initSequence = app.initSequence;
  return body;
}
