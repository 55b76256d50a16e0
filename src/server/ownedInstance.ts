import {
  AUTHORIZATION_CODE_MUTATION,
  HOOK_INSTANCE_QUERY,
  HOOK_INSTANCES_PAGE_QUERY,
  INSTANCES_AUTH_VALUES_PAGE_QUERY,
  INSTANCES_PAGE_QUERY,
  OWNED_INSTANCE_AUTH_VALUES_QUERY,
  OWNED_INSTANCE_QUERY,
} from '../graphql/serverOperations.js';
import type { HandlerContext } from './context.js';
import { isCriteriaIdRejected } from './criteriaId.js';
import { searchInstancePages } from './instancePages.js';
import { TrayHandlerError } from './responses.js';
import { pick, requireData } from './trayResults.js';
import { withUserToken } from './userTokens.js';

/** The two ways to find one instance: by `criteria: { id }`, and page by page. */
export interface OwnedInstanceLookup {
  byId: string;
  page: string;
}

/** For `wizard-url`: the instance's id. */
export const OWNED_INSTANCE: OwnedInstanceLookup = { byId: OWNED_INSTANCE_QUERY, page: INSTANCES_PAGE_QUERY };
/** For `auth-url`: the instance's id and auth values. */
export const OWNED_INSTANCE_AUTH_VALUES: OwnedInstanceLookup = { byId: OWNED_INSTANCE_AUTH_VALUES_QUERY, page: INSTANCES_AUTH_VALUES_PAGE_QUERY };
/** For `beforeEnable`: what the partner's check reads (custom fields, saved values, authentications). */
export const HOOK_INSTANCE: OwnedInstanceLookup = { byId: HOOK_INSTANCE_QUERY, page: HOOK_INSTANCES_PAGE_QUERY };

/**
 * The instance `solutionInstanceId`, found with the user's own token (so only theirs can be), or
 * a 404 before anything else happens. `criteria: { id }` is tried while Tray has honoured it, and
 * its answer is never trusted alone: ids are compared, an answer naming other instances (Tray
 * ignored the filter) or a validation error naming `id` (Tray rejected it) sends this and every
 * later lookup of the handler to paging through the user's instances instead.
 */
export async function findOwnedInstance(
  context: HandlerContext,
  userId: string,
  solutionInstanceId: string,
  lookup: OwnedInstanceLookup,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const found = (await byCriteriaId(context, userId, solutionInstanceId, lookup.byId, signal)) ??
    (await searchInstancePages(context, userId, { id: solutionInstanceId, query: lookup.page }, signal))?.node;
  if (!found || found === 'none') {
    throw new TrayHandlerError(
      404,
      'not_found',
      'No solution instance with this id exists for the signed-in user. Check the id, or create the instance first.',
    );
  }
  return found;
}

/** The node, `'none'` when Tray honoured the filter and found nothing, `undefined` to page instead. */
async function byCriteriaId(
  context: HandlerContext,
  userId: string,
  id: string,
  query: string,
  signal?: AbortSignal,
): Promise<Record<string, unknown> | 'none' | undefined> {
  const memory = context.criteriaId;
  if (!memory.worthTrying) return undefined;
  const result = await withUserToken(
    context.tokens,
    userId,
    context.logger,
    (token) => context.postToTray(token, { query, variables: { id } }, { signal }),
    signal,
  );
  if (isCriteriaIdRejected(result)) {
    memory.learn('rejected');
    return undefined;
  }
  const edges = pick(requireData(result, 'look up the solution instance', context.logger), 'viewer', 'solutionInstances', 'edges');
  const nodes = Array.isArray(edges) ? edges.map((edge) => pick(edge, 'node')) : [];
  const match = nodes.find((node) => pick(node, 'id') === id) as Record<string, unknown> | undefined;
  if (nodes.some((node) => pick(node, 'id') !== id)) {
    memory.learn('ignored');
    return match; // found on this page after all, or to be found on the next ones
  }
  if (match) memory.learn('honoured');
  return match ?? 'none';
}

/**
 * A fresh single-use authorization code for the user, minted with the master token on every call
 * (ahead of catalog reads in the master budget). The code is a secret everywhere but in the
 * route's answer: the scrubber knows it from the moment it is minted.
 */
export async function mintAuthorizationCode(context: HandlerContext, userId: string, signal?: AbortSignal): Promise<string> {
  const minted = await context.postToTray(
    context.config.masterToken,
    { query: AUTHORIZATION_CODE_MUTATION, variables: { input: { userId } } },
    { signal, priority: 'high' },
  );
  const code = pick(requireData(minted, 'create an authorization code', context.logger), 'generateAuthorizationCode', 'authorizationCode');
  if (typeof code !== 'string' || code === '') {
    context.logger.error('Tray answered generateAuthorizationCode without an authorizationCode.');
    throw new TrayHandlerError(502, 'upstream_error', 'Tray did not return an authorization code. Try again.');
  }
  context.secrets.add(code);
  return code;
}
