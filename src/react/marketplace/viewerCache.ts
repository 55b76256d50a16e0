import type { ApolloCache } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';

/**
 * Tray's `Viewer` has no id, so Apollo stores it inside `ROOT_QUERY.viewer` and, by default,
 * a query that writes `viewer { solutions }` replaces the object holding another query's
 * `viewer { solutionInstances }`. Two views on one page (catalog and list) would then refetch
 * each other forever. Merging Viewer objects is always right for this singleton, so the
 * marketplace hooks register it on the host's cache once; partners may also pass
 * `trayTypePolicies` to their `InMemoryCache` themselves.
 * https://www.apollographql.com/docs/react/caching/cache-field-behavior#merging-non-normalized-objects
 */
export const trayTypePolicies = { Viewer: { merge: true } } as const;

let patched: WeakSet<object> | undefined;

function ensureViewerMerge(cache: ApolloCache): void {
  const policies = (cache as { policies?: { addTypePolicies?: (policies: typeof trayTypePolicies) => void } }).policies;
  patched ??= new WeakSet();
  if (!policies?.addTypePolicies || patched.has(cache)) return;
  policies.addTypePolicies(trayTypePolicies);
  patched.add(cache);
}

/** The host's Apollo client, with the Viewer merge policy in place before the first write. */
export function useMarketplaceClient(): ApolloClient {
  const client = useApolloClient();
  ensureViewerMerge(client.cache);
  return client;
}

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
