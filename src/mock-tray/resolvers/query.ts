import { paginate, type ConnectionArgs } from '../connection.js';
import { requireMaster, type MockTrayContext } from './access.js';
import { presentAuthentication, presentInstance, presentSolution } from './present.js';

interface SolutionInstanceSearchArgs extends ConnectionArgs {
  criteria?: { id?: string | null; name?: string | null; owner?: string | null; solutionId?: string | null } | null;
}

interface SolutionSearchArgs extends ConnectionArgs {
  criteria?: { tags?: string[] | null } | null;
}

interface UserSearchArgs extends ConnectionArgs {
  criteria?: { name?: string | null; externalUserId?: string | null; userId?: string | null } | null;
}

const emptyConnection = {
  edges: [],
  pageInfo: { startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: false },
};

/**
 * Master: every instance (optionally `criteria.owner`'s). User: only their own, whatever `owner`
 * says. `criteria.id` as `store.criteriaId` says (ignored: as if absent; rejected: by validation).
 */
function solutionInstances(args: SolutionInstanceSearchArgs, context: MockTrayContext) {
  const { store, auth } = context;
  const criteria = args.criteria ?? {};
  const visible = store.listInstances(auth.kind === 'user' ? auth.userId : undefined).filter(
    (instance) =>
      (criteria.id == null || store.criteriaId === 'ignore' || instance.id === criteria.id) &&
      (criteria.name == null || instance.name === criteria.name) &&
      (criteria.owner == null || instance.owner === criteria.owner) &&
      (criteria.solutionId == null || instance.solutionId === criteria.solutionId),
  );
  const page = paginate(visible, (instance) => instance.id, args);
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: presentInstance(store, edge.node) })) };
}

/**
 * The user's connected accounts, newest first, all at once: Tray's field takes no arguments and
 * its edges have no cursor (the master token's viewer, the partner, has none).
 */
function authentications(_args: unknown, context: MockTrayContext) {
  const { store, auth } = context;
  if (auth.kind !== 'user') return emptyConnection;
  const all = store.listAuthentications(auth.userId);
  return {
    edges: all.map((node) => ({ node: presentAuthentication(node) })),
    pageInfo: { startCursor: all[0]?.id ?? null, endCursor: all.at(-1)?.id ?? null, hasNextPage: false, hasPreviousPage: false },
  };
}

/**
 * The partner's solutions, for the master token and for user tokens alike: Tray's samples list
 * them with the user's token. `criteria.tags` keeps solutions having every tag.
 */
function solutions(args: SolutionSearchArgs, context: MockTrayContext) {
  const tags = args.criteria?.tags ?? [];
  const matching = [...context.store.solutions.values()].filter((solution) => tags.every((tag) => solution.tags.includes(tag)));
  const page = paginate(matching, (solution) => solution.id, args);
  return { edges: page.edges.map((edge) => ({ ...edge, node: presentSolution(edge.node) })), pageInfo: page.pageInfo };
}

/** Tray's `UserDetails!`: every field a `String!`, so an end user without an email gets ''. */
function details(context: MockTrayContext) {
  if (context.auth.kind === 'master') return { username: 'mock-partner', email: 'partner@example.com', name: 'Mock Tray partner' };
  const user = context.store.users.get(context.auth.userId);
  return { username: user?.externalUserId ?? '', email: '', name: user?.name ?? '' };
}

function users(args: UserSearchArgs, context: MockTrayContext) {
  requireMaster(context, 'users');
  const criteria = args.criteria ?? {};
  const matching = [...context.store.users.values()].filter(
    (user) =>
      (criteria.userId == null || user.id === criteria.userId) &&
      (criteria.name == null || user.name === criteria.name) &&
      (criteria.externalUserId == null || user.externalUserId === criteria.externalUserId),
  );
  const page = paginate(matching, (user) => user.id, args);
  return { edges: page.edges.map((edge) => ({ ...edge, node: { ...edge.node } })), pageInfo: page.pageInfo };
}

/** Root `Query` resolvers, in graphql-js `rootValue` form: `(args, context) => value`. */
export function createQueryResolvers(): Record<string, unknown> {
  return {
    viewer: () => ({
      solutions,
      solutionInstances,
      authentications,
      details: (_args: unknown, context: MockTrayContext) => details(context),
    }),
    users,
  };
}
