import { AUTHORIZATION_CODE_MUTATION } from '../graphql/serverOperations.js';
import type { HandlerContext } from './context.js';
import { TrayHandlerError } from './responses.js';
import { pick, requireData } from './trayResults.js';
import { withUserToken } from './userTokens.js';

/**
 * The instance `solutionInstanceId` as `query` (an owned-instance lookup: `viewer { solutionInstances(criteria: { id }) }`)
 * finds it with the user's own token, or a 404 before anything else happens. Ids are compared
 * here too: a criteria Tray ignored must not hand out someone else's instance.
 */
export async function findOwnedInstance(
  context: HandlerContext,
  userId: string,
  solutionInstanceId: string,
  query: string,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const lookup = await withUserToken(
    context.tokens,
    userId,
    context.logger,
    (token) => context.postToTray(token, { query, variables: { id: solutionInstanceId } }, { signal }),
    signal,
  );
  const edges = pick(requireData(lookup, 'look up the solution instance', context.logger), 'viewer', 'solutionInstances', 'edges');
  const node = Array.isArray(edges) ? edges.map((edge) => pick(edge, 'node')).find((found) => pick(found, 'id') === solutionInstanceId) : undefined;
  if (typeof node !== 'object' || node === null) {
    throw new TrayHandlerError(
      404,
      'not_found',
      'No solution instance with this id exists for the signed-in user. Check the id, or create the instance first.',
    );
  }
  return node as Record<string, unknown>;
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
