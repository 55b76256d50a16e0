import type { HandlerContext } from './context.js';
import { INSTANCES_PAGE_SIZE, MAX_INSTANCE_PAGES } from './criteriaId.js';
import { pick, requireData } from './trayResults.js';
import { withUserToken } from './userTokens.js';

/** Where paging found the instance: its node, and the cursor just before it (`null`: it is first). */
export interface FoundInstance {
  node: Record<string, unknown>;
  cursorBefore: string | null;
}

/**
 * Pages through the user's instances (`query` takes `$criteria`, `$first`, `$after` and selects
 * `edges { node { id … } cursor } pageInfo { endCursor hasNextPage }`), 100 a page, with their
 * own token, until the instance `id` turns up or the pages end.
 */
export async function searchInstancePages(
  context: HandlerContext,
  userId: string,
  search: { id: string; query: string; criteria?: Record<string, unknown> | null },
  signal?: AbortSignal,
): Promise<FoundInstance | undefined> {
  let after: string | null = null;
  let cursorBefore: string | null = null;
  for (let page = 0; page < MAX_INSTANCE_PAGES; page += 1) {
    const variables = { criteria: search.criteria ?? null, first: INSTANCES_PAGE_SIZE, after };
    const result = await withUserToken(
      context.tokens,
      userId,
      context.logger,
      (token) => context.postToTray(token, { query: search.query, variables }, { signal }),
      signal,
    );
    const connection = pick(requireData(result, "page through the user's solution instances", context.logger), 'viewer', 'solutionInstances');
    const edges = pick(connection, 'edges');
    if (!Array.isArray(edges)) return undefined;
    for (const edge of edges) {
      const node = pick(edge, 'node');
      if (pick(node, 'id') === search.id && typeof node === 'object' && node !== null) return { node: node as Record<string, unknown>, cursorBefore };
      const cursor = pick(edge, 'cursor');
      cursorBefore = typeof cursor === 'string' ? cursor : cursorBefore;
    }
    const endCursor = pick(connection, 'pageInfo', 'endCursor');
    if (pick(connection, 'pageInfo', 'hasNextPage') !== true || typeof endCursor !== 'string' || edges.length === 0) return undefined;
    after = endCursor;
  }
  context.logger.warn(`Stopped looking for a solution instance after ${MAX_INSTANCE_PAGES} pages of ${INSTANCES_PAGE_SIZE}; answered as not found.`, { userId });
  return undefined;
}
