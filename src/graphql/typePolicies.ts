/**
 * Tray's `Viewer` has no id, so Apollo keeps it inside `ROOT_QUERY.viewer`, and by default a
 * query writing `viewer { … }` replaces the object another query's `viewer { … }` lives in:
 * two widgets on one page would refetch each other in a loop. Merging is right for this
 * singleton (one viewer per token). Partners may also pass these to their `InMemoryCache`.
 * https://www.apollographql.com/docs/react/caching/cache-field-behavior#merging-non-normalized-objects
 */
export const trayTypePolicies = { Viewer: { merge: true } };
