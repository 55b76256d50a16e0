import type { Connection } from './types.js';

type ViewerData<Key extends string, Node> = { viewer: { [K in Key]: Connection<Node> } };

/**
 * `fetchMore`'s `updateQuery` for a Relay connection under `viewer`: the next page's edges
 * after the ones already shown, and the next page's `pageInfo`. An edge already shown (the
 * list shifted on the server between pages) is not repeated.
 */
export function appendPage<Key extends string, Node extends { id: string }>(key: Key) {
  return (previous: unknown, { fetchMoreResult }: { fetchMoreResult: ViewerData<Key, Node> }): ViewerData<Key, Node> => {
    const before = (previous as Partial<ViewerData<Key, Node>> | undefined)?.viewer?.[key];
    const next = fetchMoreResult.viewer[key];
    if (!before) return fetchMoreResult;
    const seen = new Set(before.edges.map((edge) => edge.node.id));
    const connection = { ...next, edges: [...before.edges, ...next.edges.filter((edge) => !seen.has(edge.node.id))] };
    if (typeof before.totalCount === 'number' && typeof next.totalCount !== 'number') connection.totalCount = before.totalCount;
    return { ...fetchMoreResult, viewer: { ...fetchMoreResult.viewer, [key]: connection } } as ViewerData<Key, Node>;
  };
}
