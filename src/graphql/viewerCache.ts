import type { ApolloCache } from '@apollo/client';

type StoredConnection = { edges?: Array<{ node?: { __ref?: string } }>; totalCount?: number };

/**
 * After `removeSolutionInstance`: drops the instance's edge from every cached
 * `viewer.solutionInstances(…)` list, then evicts the instance itself. Dropping the edges
 * first keeps the lists complete, so no query sees a dangling reference and refetches.
 */
export function dropInstanceFromCache(cache: ApolloCache, solutionInstanceId: string): void {
  const ref = cache.identify({ __typename: 'SolutionInstance', id: solutionInstanceId });
  if (!ref) return;
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      viewer(viewer: unknown) {
        if (!viewer || typeof viewer !== 'object') return viewer;
        const next: Record<string, unknown> = { ...(viewer as Record<string, unknown>) };
        for (const [key, value] of Object.entries(next)) {
          const connection = value as StoredConnection | null;
          if (!key.startsWith('solutionInstances') || !connection?.edges) continue;
          const edges = connection.edges.filter((edge) => edge.node?.__ref !== ref);
          if (edges.length === connection.edges.length) continue;
          const removed = connection.edges.length - edges.length;
          next[key] = { ...connection, edges, ...(typeof connection.totalCount === 'number' ? { totalCount: connection.totalCount - removed } : {}) };
        }
        return next;
      },
    },
  });
  cache.evict({ id: ref });
  cache.gc();
}
