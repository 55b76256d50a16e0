import { buildWizardUrl } from '../core/wizardUrl.js';
import { AUTHORIZATION_CODE_MUTATION, OWNED_INSTANCE_QUERY } from '../graphql/serverOperations.js';
import type { Route } from './context.js';
import { readJsonBody, requireObject, requireString } from './requestBody.js';
import { TrayHandlerError, jsonResponse } from './responses.js';
import { pick, requireData } from './trayResults.js';
import { withUserToken } from './userTokens.js';

/**
 * `POST …/wizard-url` `{ solutionInstanceId }` → `{ url }`. Checks with the user's token that
 * the instance is theirs (404 otherwise, before any code is minted), then mints a fresh
 * single-use authorization code with the master token for every call. The code is a secret
 * everywhere but in this answer: the scrubber knows it from the moment it is minted.
 */
export const wizardUrlRoute: Route = async (context, request, user) => {
  const { config, logger } = context;
  const body = requireObject(await readJsonBody(request, config.maxBodyBytes, config.timeoutMs), '{ solutionInstanceId }');
  const solutionInstanceId = requireString(body, 'solutionInstanceId');
  const signal = request.signal;

  const lookup = await withUserToken(
    context.tokens,
    user.userId,
    logger,
    (token) => context.postToTray(token, { query: OWNED_INSTANCE_QUERY, variables: { id: solutionInstanceId } }, { signal }),
    signal,
  );
  const edges = pick(requireData(lookup, 'look up the solution instance', logger), 'viewer', 'solutionInstances', 'edges');
  // Compare ids ourselves too: a criteria Tray ignored must not hand out someone else's instance.
  const owned = Array.isArray(edges) && edges.some((edge) => pick(edge, 'node', 'id') === solutionInstanceId);
  if (!owned) {
    throw new TrayHandlerError(
      404,
      'not_found',
      'No solution instance with this id exists for the signed-in user. Check the id, or create the instance first.',
    );
  }

  const minted = await context.postToTray(
    config.masterToken,
    { query: AUTHORIZATION_CODE_MUTATION, variables: { input: { userId: user.userId } } },
    { signal, priority: 'high' },
  );
  const code = pick(requireData(minted, 'create an authorization code', logger), 'generateAuthorizationCode', 'authorizationCode');
  if (typeof code !== 'string' || code === '') {
    logger.error('Tray answered generateAuthorizationCode without an authorizationCode.');
    throw new TrayHandlerError(502, 'upstream_error', 'Tray did not return an authorization code. Try again.');
  }
  context.secrets.add(code);
  const url = buildWizardUrl({
    embeddedId: config.embeddedId,
    solutionInstanceId,
    authorizationCode: code,
    region: config.region,
    ...(config.wizardHost ? { host: config.wizardHost } : {}),
    customValidation: config.customValidation,
  });
  return jsonResponse(200, { url });
};
