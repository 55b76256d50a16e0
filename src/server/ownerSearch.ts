import { ADMIN_INSTANCES_QUERY } from '../graphql/serverOperations.js';
import type { HandlerContext } from './context.js';
import { isRateLimited, type TrayResult } from './trayClient.js';
import { assertMasterTokenAccepted, forwardResult, pick } from './trayResults.js';

// Tray's owner criterion matches a whole user id only; a part of one is matched here, over
// Tray's pages. Bounded, so a rare text costs at most this many Tray calls per request; the
// page then ends early and its cursor carries on from where the scan stopped.
const SCAN_PAGES = 10;
const TRAY_PAGE = 100;

interface Edge {
  node: { owner?: unknown };
  cursor?: string;
}

export interface OwnerSearch {
  /** Matched case-insensitively anywhere in the owner's user id. */
  ownerContains: string;
  solutionId?: string;
  first: number;
  after?: string;
}

/**
 * The admin instances page whose owners contain `ownerContains`: Tray's own answer shape
 * (`viewer.solutionInstances { edges, pageInfo }`), with `totalCount: null` (unknown without
 * reading every page). A Tray error or refusal is passed on as Tray sent it.
 */
export async function instancesByOwnerText(context: HandlerContext, request: Request, search: OwnerSearch): Promise<Response> {
  const needle = search.ownerContains.toLowerCase();
  const matches = (edge: Edge) => typeof edge.node?.owner === 'string' && edge.node.owner.toLowerCase().includes(needle);
  const found: Edge[] = [];
  let after = search.after;
  let hasNextPage = true;
  for (let page = 0; page < SCAN_PAGES && hasNextPage && found.length < search.first; page += 1) {
    const result = await context.postToTray(
      context.config.masterToken,
      {
        query: ADMIN_INSTANCES_QUERY,
        variables: { criteria: search.solutionId ? { solutionId: search.solutionId } : {}, first: TRAY_PAGE, ...(after ? { after } : {}) },
      },
      { signal: request.signal, priority: 'low' },
    );
    assertMasterTokenAccepted(result, 'list solution instances for an admin', context.logger);
    if (isFailure(result)) return forwardResult(result, context.secrets, context.logger);
    const edges = (pick(result.body, 'data', 'viewer', 'solutionInstances', 'edges') ?? []) as Edge[];
    hasNextPage = pick(result.body, 'data', 'viewer', 'solutionInstances', 'pageInfo', 'hasNextPage') === true;
    for (const [index, edge] of edges.entries()) {
      if (found.length === search.first) {
        // Full: another match later in this page means there is more; else Tray's flag says.
        hasNextPage ||= edges.slice(index).some(matches);
        break;
      }
      after = edge.cursor ?? after;
      if (matches(edge)) found.push(edge);
    }
  }
  const data = { viewer: { solutionInstances: { edges: found, pageInfo: { endCursor: after ?? null, hasNextPage }, totalCount: null } } };
  return forwardResult({ status: 200, body: { data } }, context.secrets, context.logger);
}

const isFailure = (result: TrayResult) => isRateLimited(result) || result.status >= 400 || (result.body.errors?.length ?? 0) > 0;
