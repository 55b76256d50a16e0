import { buildWizardUrl } from '../core/wizardUrl.js';
import { OWNED_INSTANCE_QUERY } from '../graphql/serverOperations.js';
import type { Route } from './context.js';
import { findOwnedInstance, mintAuthorizationCode } from './ownedInstance.js';
import { readJsonBody, requireObject, requireString } from './requestBody.js';
import { jsonResponse } from './responses.js';

/**
 * `POST …/wizard-url` `{ solutionInstanceId }` → `{ url }`. Checks with the user's token that
 * the instance is theirs (404 otherwise, before any code is minted), then mints a fresh
 * single-use authorization code with the master token for every call. The code is a secret
 * everywhere but in this answer: the scrubber knows it from the moment it is minted.
 */
export const wizardUrlRoute: Route = async (context, request, user) => {
  const { config } = context;
  const body = requireObject(await readJsonBody(request, config.maxBodyBytes, config.timeoutMs), '{ solutionInstanceId }');
  const solutionInstanceId = requireString(body, 'solutionInstanceId');
  await findOwnedInstance(context, user.userId, solutionInstanceId, OWNED_INSTANCE_QUERY, request.signal);
  const url = buildWizardUrl({
    embeddedId: config.embeddedId,
    solutionInstanceId,
    authorizationCode: await mintAuthorizationCode(context, user.userId, request.signal),
    region: config.region,
    ...(config.wizardHost ? { host: config.wizardHost } : {}),
    customValidation: config.customValidation,
  });
  return jsonResponse(200, { url });
};
