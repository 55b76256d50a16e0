import { ListingApiError } from './ListingApiError.js';
import type { ListingClient } from './createListingClient.js';
import { applyMergePatch } from './mergePatch.js';
import { SAVE_STEPS, planListingSave, type PlannedRequest, type SaveStep } from './planListingSave.js';
import type { ListingIssue, SolutionListing } from './types.js';
import { validateListing } from './validateListing.js';

interface SaveListingReport {
  /** Steps sent and accepted, in order. */
  completed: SaveStep[];
  /** Steps that had nothing to send. */
  unchanged: SaveStep[];
  /** The requests planned from `before` and `after` (see `planListingSave`). */
  requests: PlannedRequest[];
  /** `before` with every completed step applied: what the server holds now. */
  listing: SolutionListing;
}

export interface SaveListingSuccess extends SaveListingReport {
  ok: true;
}

export interface SaveListingFailure extends SaveListingReport {
  ok: false;
  reason: 'request_failed';
  failed: { step: SaveStep; error: ListingApiError };
  /** Planned steps not sent because an earlier one failed. */
  skipped: SaveStep[];
}

export interface SaveListingInvalid extends SaveListingReport {
  ok: false;
  reason: 'invalid';
  /** Nothing was sent; these must be fixed first. */
  issues: ListingIssue[];
  skipped: SaveStep[];
}

export type SaveListingResult = SaveListingSuccess | SaveListingFailure | SaveListingInvalid;

/**
 * Validates `after`, then sends the planned requests one after the other (listing PATCH,
 * AddAppsListing, DeleteAppsListing; empty steps are not sent) and stops at the first
 * failure. Never throws for a failed request: the result says exactly which steps were
 * completed, which one failed and which were skipped, e.g.
 * `{ ok: false, completed: ['updateSolution'], failed: { step: 'addApps', error }, skipped: ['removeApps'] }`.
 */
export async function saveListing(
  client: Pick<ListingClient, 'updateSolution' | 'addApps' | 'removeApps'>,
  solutionVersionId: string,
  before: SolutionListing,
  after: SolutionListing,
): Promise<SaveListingResult> {
  const requests = planListingSave(solutionVersionId, before, after);
  const planned = requests.map((request) => request.step);
  const unchanged = SAVE_STEPS.filter((step) => !planned.includes(step));
  let listing = before;

  const issues = validateListing(after, before);
  if (issues.length > 0) {
    return { ok: false, reason: 'invalid', issues, completed: [], skipped: planned, unchanged, requests, listing };
  }

  const completed: SaveStep[] = [];
  for (const request of requests) {
    try {
      await send(client, solutionVersionId, request);
    } catch (cause) {
      const error = cause instanceof ListingApiError ? cause : unexpected(cause, request);
      const skipped = planned.slice(completed.length + 1);
      const failed = { step: request.step, error };
      return { ok: false, reason: 'request_failed', failed, completed, skipped, unchanged, requests, listing };
    }
    completed.push(request.step);
    listing = applyStep(listing, request);
  }
  return { ok: true, completed, unchanged, requests, listing };
}

function send(client: Parameters<typeof saveListing>[0], id: string, request: PlannedRequest): Promise<unknown> {
  switch (request.step) {
    case 'updateSolution':
      return client.updateSolution(id, request.body);
    case 'addApps':
      return client.addApps(id, request.body);
    case 'removeApps':
      return client.removeApps(id, request.body);
  }
}

/** What the server holds after `request` succeeded, so a retry sends only what is left. */
function applyStep(listing: SolutionListing, request: PlannedRequest): SolutionListing {
  const apps = listing.apps ?? [];
  switch (request.step) {
    case 'updateSolution':
      return applyMergePatch(listing, request.body) as SolutionListing;
    case 'addApps': {
      const added = new Map(request.body.applications.map((app) => [app.listingId, app]));
      const known = new Set(apps.map((app) => app.listingId));
      const updated = apps.map((app) => added.get(app.listingId) ?? app);
      return { ...listing, apps: [...updated, ...request.body.applications.filter((app) => !known.has(app.listingId))] };
    }
    case 'removeApps': {
      const removed = new Set(request.body.applications.map((app) => app.listingId));
      return { ...listing, apps: apps.filter((app) => !removed.has(app.listingId)) };
    }
  }
}

// A custom client may throw something else; the result still carries one error type.
function unexpected(cause: unknown, request: PlannedRequest): ListingApiError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new ListingApiError('server', `The ${request.step} request failed unexpectedly${detail}. Try again.`, {
    cause,
    request: { method: request.method, path: request.path },
  });
}
