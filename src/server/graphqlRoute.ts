import { GraphQLError, parse, print, type DocumentNode } from 'graphql';
import type { Route } from './context.js';
import { checkOperation } from './operationPolicy.js';
import { readJsonBody } from './requestBody.js';
import { TrayHandlerError } from './responses.js';
import type { GraphQLPayload } from './trayClient.js';
import { assertMasterTokenAccepted, forwardResult } from './trayResults.js';
import { withUserToken } from './userTokens.js';

// Enough for any real operation (ours are ~60 tokens); stops pathological documents early.
const MAX_TOKENS = 5_000;

/**
 * `POST …/graphql`: the browser's GraphQL, checked against the end-user allow-list and
 * forwarded to Tray with the user's token (`viewer.solutions` alone: the master token).
 */
export const graphqlRoute: Route = async (context, request, user) => {
  const { config, logger } = context;
  const payload = readPayload(await readJsonBody(request, config.maxBodyBytes));
  const document = parseDocument(payload.query);
  const verdict = checkOperation(document, { allowIntrospection: config.allowIntrospection });
  if (!verdict.allowed) {
    logger.warn('Refused a GraphQL operation from the browser.', { userId: user.userId, reason: verdict.reason });
    throw new TrayHandlerError(
      403,
      'forbidden_operation',
      `This operation is not allowed through the Tray handler: it uses ${verdict.reason}. Only end-user operations ` +
        '(viewer.solutionInstances, viewer.solutions, createSolutionInstance, updateSolutionInstance, ' +
        'upgradeSolutionInstance, removeSolutionInstance) may be sent from the browser.',
    );
  }
  // Forward the document we checked, re-printed, so Tray cannot read the text differently.
  const forwarded: GraphQLPayload = { ...payload, query: print(document) };
  if (verdict.token === 'master') {
    const result = await context.postToTray(config.masterToken, forwarded);
    assertMasterTokenAccepted(result, 'list solutions', logger);
    return forwardResult(result, logger);
  }
  const result = await withUserToken(context.tokens, user.userId, logger, (token) => context.postToTray(token, forwarded));
  return forwardResult(result, logger);
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
    ...(typeof operationName === 'string' ? { operationName } : {}),
  };
}

function parseDocument(query: string): DocumentNode {
  try {
    return parse(query, { noLocation: true, maxTokens: MAX_TOKENS });
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The document could not be parsed.';
    throw new TrayHandlerError(400, 'graphql_syntax_error', `The GraphQL query does not parse: ${message}`);
  }
}
