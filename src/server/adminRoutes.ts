import { disableInput, enableInput } from '../graphql/inputs.js';
import { ADMIN_INSTANCES_QUERY, SET_ENABLED_MUTATION } from '../graphql/serverOperations.js';
import type { Route } from './context.js';
import { instancesByOwnerText } from './ownerSearch.js';
import { checkEnables, reportChanges } from './partnerHooks.js';
import { optionalString, readJsonBody, requireObject, requireString } from './requestBody.js';
import { TrayHandlerError } from './responses.js';
import { assertMasterTokenAccepted, forwardResult } from './trayResults.js';
import { withUserToken } from './userTokens.js';

const MAX_PAGE_SIZE = 100;

/**
 * `POST …/admin/instances` `{ owner?, ownerContains?, solutionId?, first?, after? }` → Tray's `{ data }`.
 * `owner` is a whole Tray user id (Tray's criterion); `ownerContains` any part of one, any case.
 */
export const adminInstancesRoute: Route = async (context, request) => {
  const { config, logger } = context;
  const body = requireObject(await readJsonBody(request, config.maxBodyBytes, config.timeoutMs), '{ owner?, ownerContains?, solutionId?, first?, after? }');
  const owner = optionalString(body, 'owner');
  const ownerContains = optionalString(body, 'ownerContains')?.trim();
  const solutionId = optionalString(body, 'solutionId');
  const after = optionalString(body, 'after');
  const first = body.first ?? undefined;
  if (first !== undefined && (!Number.isInteger(first) || (first as number) < 1 || (first as number) > MAX_PAGE_SIZE)) {
    throw new TrayHandlerError(400, 'invalid_request', `"first" must be a whole number from 1 to ${MAX_PAGE_SIZE} when given.`);
  }
  if (ownerContains && !owner) return instancesByOwnerText(context, request, { ownerContains, solutionId, first: (first as number | undefined) ?? 50, after });
  const result = await context.postToTray(
    config.masterToken,
    {
      query: ADMIN_INSTANCES_QUERY,
      variables: {
        criteria: { ...(owner ? { owner } : {}), ...(solutionId ? { solutionId } : {}) },
        ...(first === undefined ? {} : { first }),
        ...(after === undefined ? {} : { after }),
      },
    },
    { signal: request.signal, priority: 'low' },
  );
  assertMasterTokenAccepted(result, 'list solution instances for an admin', logger);
  return forwardResult(result, context.secrets, logger);
};

/**
 * `POST …/admin/set-enabled` `{ solutionInstanceId, owner, enabled }`: runs
 * updateSolutionInstance as the instance's owner (their user token; the master token cannot
 * update instances). Enabling always sets `errorOnEnablingWithMissingValues: true`.
 */
export const adminSetEnabledRoute: Route = async (context, request, admin, requestContext) => {
  const { config, logger } = context;
  const body = requireObject(await readJsonBody(request, config.maxBodyBytes, config.timeoutMs), '{ solutionInstanceId, owner, enabled }');
  const solutionInstanceId = requireString(body, 'solutionInstanceId');
  const owner = requireString(body, 'owner');
  if (typeof body.enabled !== 'boolean') {
    throw new TrayHandlerError(400, 'invalid_request', '"enabled" is required and must be true or false.');
  }
  const input = body.enabled ? enableInput(solutionInstanceId) : disableInput(solutionInstanceId);
  // The hooks see the owner, whose instance it is; the admin who asked goes to the log only.
  const call = {
    user: { userId: owner },
    changes: [{ mutation: 'updateSolutionInstance' as const, responseKey: 'updateSolutionInstance', input: { ...input } }],
    request,
    requestContext,
    via: 'admin' as const,
  };
  const refused = await checkEnables(context, call);
  if (refused) {
    logger.warn('beforeEnable refused an admin\'s enable.', { admin: admin.userId, owner, solutionInstanceId });
    return refused;
  }
  const result = await withUserToken(
    context.tokens,
    owner,
    logger,
    (token) => context.postToTray(token, { query: SET_ENABLED_MUTATION, variables: { input } }, { signal: request.signal }),
    request.signal,
  );
  await reportChanges(context, call, result);
  return forwardResult(result, context.secrets, logger);
};
