import { GraphQLError } from 'graphql';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount: number;
}

/** Opaque to clients; built on the node id so a cursor stays valid when other nodes are added. */
export function cursorFor(id: string): string {
  return btoa(`mock-tray:${id}`);
}

function indexOfCursor(ids: readonly string[], cursor: string, argument: string): number {
  let id: string | null = null;
  try {
    const decoded = atob(cursor);
    if (decoded.startsWith('mock-tray:')) id = decoded.slice('mock-tray:'.length);
  } catch {
    id = null;
  }
  const index = id === null ? -1 : ids.indexOf(id);
  if (index === -1) {
    throw new GraphQLError(`Invalid cursor in "${argument}": use a cursor from this connection's edges or pageInfo.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return index;
}

function assertCount(value: number | null | undefined, argument: string): void {
  if (value !== null && value !== undefined && value < 0) {
    throw new GraphQLError(`"${argument}" must be 0 or more (got ${value}).`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

/**
 * Relay cursor pagination over an already filtered list: `after`/`before` narrow the window,
 * then `first` keeps its head or `last` its tail. `totalCount` counts the whole filtered list.
 */
export function paginate<T>(items: readonly T[], idOf: (item: T) => string, args: ConnectionArgs): Connection<T> {
  assertCount(args.first, 'first');
  assertCount(args.last, 'last');
  const ids = items.map(idOf);
  let start = 0;
  let end = items.length;
  if (args.after) start = indexOfCursor(ids, args.after, 'after') + 1;
  if (args.before) end = Math.max(start, indexOfCursor(ids, args.before, 'before'));
  if (args.first !== null && args.first !== undefined) end = Math.min(end, start + args.first);
  if (args.last !== null && args.last !== undefined) start = Math.max(start, end - args.last);

  const edges = items.slice(start, end).map((node, offset) => ({ node, cursor: cursorFor(ids[start + offset]!) }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
    },
    totalCount: items.length,
  };
}
