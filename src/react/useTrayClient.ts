import type { ApolloClient, InMemoryCache } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';

/**
 * Tray's `Viewer` has no id, so Apollo keeps it inside `ROOT_QUERY.viewer`, and by default a
 * query writing `viewer { … }` replaces the object another query's `viewer { … }` lives in:
 * two widgets on one page would refetch each other in a loop. Merging is right for this
 * singleton (one viewer per token). Partners may also pass these to their `InMemoryCache`.
 * https://www.apollographql.com/docs/react/caching/cache-field-behavior#merging-non-normalized-objects
 */
export const trayTypePolicies = { Viewer: { merge: true } };

const merged = new WeakSet<object>();

/** The host's Apollo client, with `trayTypePolicies` registered on its cache (once per cache: Apollo keeps every registration). */
export function useTrayClient(): ApolloClient {
  const client = useApolloClient();
  const { cache } = client;
  if (!merged.has(cache)) {
    merged.add(cache);
    (cache as InMemoryCache).policies?.addTypePolicies(trayTypePolicies);
  }
  return client;
}
