import { buildSolutionPatch } from './buildSolutionPatch.js';
import { solutionAppsPath, solutionVersionPath } from './listingPaths.js';
import { planAppsChanges } from './planAppsChanges.js';
import type { AddAppsBody, RemoveAppsBody, SolutionListing, SolutionPatch } from './types.js';

/** The three requests a save may need, in the order they are sent. */
export const SAVE_STEPS = ['updateSolution', 'addApps', 'removeApps'] as const;
export type SaveStep = (typeof SAVE_STEPS)[number];

/** One request exactly as it will be sent (the path is relative to the client's `baseUrl`). */
export type PlannedRequest =
  | { step: 'updateSolution'; method: 'PATCH'; path: string; body: SolutionPatch }
  | { step: 'addApps'; method: 'PUT'; path: string; body: AddAppsBody }
  | { step: 'removeApps'; method: 'DELETE'; path: string; body: RemoveAppsBody };

/**
 * The requests that turn `before` into `after`, skipping the empty ones (`[]` when nothing
 * changed). The editor's review step shows this list and `saveListing` sends it, so what a
 * person approves is exactly what goes out.
 *
 * Order: the listing first, then AddAppsListing, then DeleteAppsListing. Adding before
 * deleting means a failure part-way leaves the solution with extra apps, never with
 * fewer: nothing the user kept is ever lost, and re-saving finishes the job.
 */
export function planListingSave(
  solutionVersionId: string,
  before: SolutionListing,
  after: SolutionListing,
): PlannedRequest[] {
  const requests: PlannedRequest[] = [];
  const patch = buildSolutionPatch(before, after);
  const apps = planAppsChanges(before, after);
  if (patch) {
    requests.push({ step: 'updateSolution', method: 'PATCH', path: solutionVersionPath(solutionVersionId), body: patch });
  }
  if (apps.add) {
    requests.push({ step: 'addApps', method: 'PUT', path: solutionAppsPath(solutionVersionId), body: apps.add });
  }
  if (apps.remove) {
    requests.push({ step: 'removeApps', method: 'DELETE', path: solutionAppsPath(solutionVersionId), body: apps.remove });
  }
  return requests;
}
