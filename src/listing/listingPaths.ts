/** The paths of the listing API, shared by the client, the review step and the mock. */

/** `/developer/solutions/versions/{solutionVersionId}`: UpdateSolution (and the mock's GET). */
export function solutionVersionPath(solutionVersionId: string): string {
  return `/developer/solutions/versions/${encodeURIComponent(solutionVersionId)}`;
}

/** `/developer/solutions/versions/{solutionVersionId}/apps`: AddAppsListing, DeleteAppsListing. */
export function solutionAppsPath(solutionVersionId: string): string {
  return `${solutionVersionPath(solutionVersionId)}/apps`;
}

/** The header UpdateSolution and the apps endpoints authenticate with. */
export const ACCESS_HEADER = 'x-developerplatform-access';
