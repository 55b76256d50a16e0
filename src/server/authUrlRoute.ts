import { buildAuthUrl } from '../core/authUrl.js';
import type { Route } from './context.js';
import { OWNED_INSTANCE_AUTH_VALUES, findOwnedInstance, mintAuthorizationCode } from './ownedInstance.js';
import { optionalString, readJsonBody, requireObject, requireString } from './requestBody.js';
import { TrayHandlerError, jsonResponse } from './responses.js';
import { pick } from './trayResults.js';

const EXPECTED = '{ solutionInstanceId, externalAuthId } to connect an auth slot, or { solutionInstanceId, authId } to repair an authentication';

/**
 * `POST …/auth-url` → `{ url }` of Tray's auth-only dialog: `{ solutionInstanceId, externalAuthId }`
 * for `…/external/auth/create/{embeddedId}/{solutionInstanceId}/{externalAuthId}?code=…`,
 * `{ solutionInstanceId, authId }` for `…/external/auth/edit/{embeddedId}/{authId}?code=…`. As
 * `wizard-url`: the instance must be the user's (404 before any code is minted), and a fresh
 * code is minted for every call; to repair, the authentication must be one the instance uses.
 */
export const authUrlRoute: Route = async (context, request, user) => {
  const { config } = context;
  const body = requireObject(await readJsonBody(request, config.maxBodyBytes, config.timeoutMs), EXPECTED);
  const solutionInstanceId = requireString(body, 'solutionInstanceId');
  const [externalAuthId, authId] = [optionalString(body, 'externalAuthId'), optionalString(body, 'authId')];
  if ((externalAuthId === undefined) === (authId === undefined)) {
    throw new TrayHandlerError(400, 'invalid_request', `Send exactly one of "externalAuthId" and "authId": ${EXPECTED}.`);
  }
  const target = authId === undefined ? { solutionInstanceId, externalAuthId: requireString(body, 'externalAuthId') } : { authId: requireString(body, 'authId') };

  const instance = await findOwnedInstance(context, user.userId, solutionInstanceId, OWNED_INSTANCE_AUTH_VALUES, request.signal);
  const authValues = pick(instance, 'authValues');
  if ('authId' in target && !(Array.isArray(authValues) && authValues.some((value) => pick(value, 'authId') === target.authId))) {
    throw new TrayHandlerError(404, 'not_found', 'This solution instance uses no authentication with this id. Reconnect one of its own auth values, or connect the slot with externalAuthId.');
  }
  const url = buildAuthUrl({
    ...target,
    embeddedId: config.embeddedId,
    authorizationCode: await mintAuthorizationCode(context, user.userId, request.signal),
    region: config.region,
    ...(config.wizardHost ? { host: config.wizardHost } : {}),
  });
  return jsonResponse(200, { url });
};
