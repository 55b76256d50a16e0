import { buildWizardUrl } from '../core/wizardUrl.js';
import type { Route } from './context.js';
import { OWNED_INSTANCE, findOwnedInstance, mintAuthorizationCode } from './ownedInstance.js';
import { readJsonBody, requireObject, requireString } from './requestBody.js';
import { jsonResponse } from './responses.js';
import { wizardParametersOf } from './wizardParameters.js';

/**
 * `POST …/wizard-url` `{ solutionInstanceId, customValidation?, …wizard parameters }` → `{ url }`.
 * Every other key is a wizard URL parameter from the allow-list (`wizardParameters.ts`; 400
 * otherwise), checked before anything reaches Tray. Checks with the user's token that
 * the instance is theirs (404 otherwise, before any code is minted), then mints a fresh
 * single-use authorization code with the master token for every call. The code is a secret
 * everywhere but in this answer: the scrubber knows it from the moment it is minted.
 */
export const wizardUrlRoute: Route = async (context, request, user) => {
  const { config } = context;
  const body = requireObject(await readJsonBody(request, config.maxBodyBytes, config.timeoutMs), '{ solutionInstanceId }');
  const solutionInstanceId = requireString(body, 'solutionInstanceId');
  const parameters = wizardParametersOf(body, config.wizardParameters);
  await findOwnedInstance(context, user.userId, solutionInstanceId, OWNED_INSTANCE, request.signal);
  const url = new URL(buildWizardUrl({
    embeddedId: config.embeddedId,
    solutionInstanceId,
    authorizationCode: await mintAuthorizationCode(context, user.userId, request.signal),
    region: config.region,
    ...(config.wizardHost ? { host: config.wizardHost } : {}),
    // Per server (the option), or per open: the browser asks for it exactly when it answers validate.
    customValidation: config.customValidation || parameters.some(([name, value]) => name === 'customValidation' && value === 'true'),
  }));
  for (const [name, value] of parameters) if (name !== 'customValidation') url.searchParams.append(name, value);
  return jsonResponse(200, { url: url.toString() });
};
