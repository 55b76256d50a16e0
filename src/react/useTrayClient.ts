import type { ApolloClient, InMemoryCache } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { trayTypePolicies } from '../graphql/typePolicies.js';

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
