import { catalogRead } from './catalog.js';
import type { Route } from './context.js';
import { ForbiddenOperation } from './documentPlan.js';
import { applyEnablePatches } from './enableCheck.js';
import { answerLookup, readCriteria } from './instanceLookup.js';
import { readJsonBody } from './requestBody.js';
import { TrayHandlerError } from './responses.js';
import type { GraphQLPayload } from './trayClient.js';
import { resolveChanges } from './instanceChanges.js';
import { checkEnables, reportChanges } from './partnerHooks.js';
import { forwardResult } from './trayResults.js';
import { withUserToken } from './userTokens.js';
import { assertVariablesDepth } from './variables.js';

/**
 * `POST …/graphql`: the browser's GraphQL, checked against the end-user allow-list and the
 * cost limits, and forwarded to Tray as its selected operation alone, with the user's token
 * (an operation reading only `viewer.solutions`: the master token, through the shared catalog).
 */
export const graphqlRoute: Route = async (context, request, user, requestContext) => {
  const { config, logger } = context;
  const payload = readPayload(await readJsonBody(request, config.maxBodyBytes, config.timeoutMs));
  let plan;
  try {
    plan = context.documents.plan(payload.query, payload.operationName);
  } catch (error) {
    if (error instanceof ForbiddenOperation) {
      logger.warn('Refused a GraphQL operation from the browser.', { userId: user.userId, reason: error.reason });
    }
    throw error;
  }
  assertVariablesDepth(payload.variables);
  const variables = applyEnablePatches(payload.variables, plan.patches);
  // Only what GraphQL defines goes on: no `extensions`, no keys Tray might read some day.
  const forwarded: GraphQLPayload = {
    query: plan.query,
    queryJson: plan.queryJson,
    ...(variables ? { variables } : {}),
    ...(plan.operationName !== undefined ? { operationName: plan.operationName } : {}),
  };
  if (plan.token === 'master') return catalogRead(context, forwarded, request.signal);
  // criteria.owner is refused; a lookup by criteria.id never trusts Tray's filter alone.
  const lookup = plan.criteria && readCriteria(plan.criteria, variables);
  if (lookup) return answerLookup(context, user.userId, lookup, forwarded, request.signal);
  const changes = resolveChanges(plan.changes, variables);
  const call = { user, changes, request, requestContext, via: 'graphql' as const };
  const refused = await checkEnables(context, call);
  if (refused) return refused;
  const result = await withUserToken(
    context.tokens,
    user.userId,
    logger,
    (token) => context.postToTray(token, forwarded, { signal: request.signal }),
    request.signal,
  );
  await reportChanges(context, call, result);
  return forwardResult(result, context.secrets, logger);
};

function readPayload(body: unknown): GraphQLPayload {
  if (Array.isArray(body)) {
    throw new TrayHandlerError(
      400,
      'batch_not_supported',
      'Batched GraphQL requests (a JSON array) are not supported: send one operation per request (use HttpLink, not BatchHttpLink).',
    );
  }
  if (typeof body !== 'object' || body === null) {
    throw new TrayHandlerError(400, 'invalid_request', 'The body must be a JSON object { query, variables?, operationName? }.');
  }
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') {
    throw new TrayHandlerError(400, 'invalid_request', '"query" is required and must be a GraphQL document as a string.');
  }
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    throw new TrayHandlerError(400, 'invalid_request', '"variables" must be a JSON object when given.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw new TrayHandlerError(400, 'invalid_request', '"operationName" must be a string when given.');
  }
  return {
    query,
    ...(variables ? { variables: variables as Record<string, unknown> } : {}),
    // Some clients send "" for an anonymous operation.
    ...(typeof operationName === 'string' && operationName !== '' ? { operationName } : {}),
  };
}
