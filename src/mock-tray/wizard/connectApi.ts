import { serviceOfSlot } from '../consents.js';
import type { MockTrayStore } from '../store.js';
import type { MockService } from '../types.js';
import { CODE_FAILURES, failure, readJson } from './wizardApi.js';

export const CONNECT_PATH = '/wizard-api/connect';
export const CONNECTED_PATH = '/wizard-api/connected';
export const AUTH_SESSION_PATH = '/auth-api/session';
/** Where the consent page sends the user back, on the wizard's origin. */
export const CONSENT_CALLBACK_PATH = '/oauth/callback';

/**
 * `POST /wizard-api/connect` `{ sessionId, externalAuthId }` (a wizard's or a create page's auth
 * slot) or `{ sessionId, authId }` (the edit page's authentication) → `{ authorizeUrl, state }`:
 * a consent on the consent origin, which will send the user back to this origin's callback page.
 */
export async function startConsent(store: MockTrayStore, request: Request, consentOrigin: string | undefined): Promise<Response> {
  const { sessionId, externalAuthId, authId } = (await readJson(request)) ?? {};
  if (typeof sessionId !== 'string' || (typeof externalAuthId !== 'string') === (typeof authId !== 'string')) {
    return failure(400, 'bad_request', 'Send JSON { sessionId, externalAuthId } or { sessionId, authId }.');
  }
  if (!consentOrigin) return failure(501, 'no_consent_origin', 'This mock Tray runs without its consent origin (startMockTray serves one), so accounts cannot be connected here.');
  const session = store.credentials.wizardSession(sessionId);
  if (!session) return failure(401, 'session_expired', 'This setup session has ended. Close this window and start again from the app.');
  const user = store.users.get(session.userId);
  let service: MockService;
  if (typeof authId === 'string') {
    const auth = store.authentications.get(authId);
    if (!auth || auth.owner !== session.userId) return failure(404, 'auth_not_found', 'This account is not one of yours.');
    service = auth.service;
  } else {
    const instance = store.instances.get(session.solutionInstanceId);
    const slot = instance && store.solutions.get(instance.solutionId)?.authSlots.find((candidate) => candidate.externalId === externalAuthId);
    if (!slot) return failure(404, 'slot_not_found', `This integration has no auth slot "${String(externalAuthId)}".`);
    service = serviceOfSlot(slot);
  }
  const consent = store.consents.start({
    sessionId,
    userId: session.userId,
    service,
    accountName: `${user?.name ?? session.userId}’s ${service.name}`,
    authId: typeof authId === 'string' ? authId : null,
    redirectUri: new URL(CONSENT_CALLBACK_PATH, request.url).href,
  });
  const authorizeUrl = new URL('/oauth/authorize', consentOrigin);
  authorizeUrl.searchParams.set('state', consent.state);
  return Response.json({ authorizeUrl: authorizeUrl.href, state: consent.state });
}

/**
 * `POST /wizard-api/connected` `{ sessionId, state, code }` → `{ authId, name, authType }`: the
 * consent's grant, redeemed once by the session that asked. A new authentication, or (the edit
 * page) the same one reconnected.
 */
export async function finishConsent(store: MockTrayStore, request: Request): Promise<Response> {
  const { sessionId, state, code } = (await readJson(request)) ?? {};
  if (typeof sessionId !== 'string' || typeof state !== 'string' || typeof code !== 'string') {
    return failure(400, 'bad_request', 'Send JSON { sessionId, state, code }.');
  }
  const consent = store.consents.redeem(state, code, sessionId);
  if (!consent) return failure(400, 'invalid_grant', 'This sign-in is not valid any more. Connect again.');
  const existing = consent.authId ? store.authentications.get(consent.authId) : undefined;
  const auth = existing ?? store.createAuthentication({ owner: consent.userId, service: consent.service, name: consent.accountName });
  if (existing) existing.updated = new Date(store.now()).toISOString();
  store.record({ type: 'authenticationConnected', authId: auth.id, userId: consent.userId, mode: existing ? 'updated' : 'created' });
  return Response.json({ authId: auth.id, name: auth.name, authType: 'oauth2' });
}

/**
 * `POST /auth-api/session` for the auth-only dialog's pages: `{ embeddedId, code,
 * solutionInstanceId, externalAuthId }` (create) or `{ embeddedId, code, authId }` (edit), plus
 * `accountId` when the store emulates enhanced session security → the page to show. Checked as
 * the wizard checks its code; the code is used up only once every check passed.
 */
export async function startAuthSession(store: MockTrayStore, request: Request): Promise<Response> {
  const { embeddedId, code, solutionInstanceId, externalAuthId, authId, accountId } = (await readJson(request)) ?? {};
  const isEdit = typeof authId === 'string';
  if (typeof embeddedId !== 'string' || typeof code !== 'string' || (!isEdit && (typeof solutionInstanceId !== 'string' || typeof externalAuthId !== 'string'))) {
    return failure(400, 'bad_request', 'Send JSON { embeddedId, code, solutionInstanceId, externalAuthId } or { embeddedId, code, authId }.');
  }
  const check = store.credentials.checkAuthorizationCode(code);
  if (!check.ok) return failure(401, check.reason, CODE_FAILURES[check.reason]);
  if (embeddedId !== store.embeddedId) return failure(400, 'wrong_embedded_id', `The Embedded ID "${embeddedId}" in this link is not this account's.`);
  if (store.authDialogAccountId !== null && accountId !== store.authDialogAccountId) {
    return failure(403, 'account_mismatch', 'This sign-in link was opened for another account (enhanced session security). Start again from the app.');
  }
  let view: { title: string; service: MockService; authName: string | null; solutionInstanceId: string };
  if (isEdit) {
    const auth = store.authentications.get(authId);
    if (!auth || auth.owner !== check.userId) return failure(404, 'auth_not_found', 'This sign-in link does not match an account of yours.');
    view = { title: auth.service.name, service: auth.service, authName: auth.name, solutionInstanceId: '' };
  } else {
    const instance = store.instances.get(solutionInstanceId as string);
    const slot = instance && store.solutions.get(instance.solutionId)?.authSlots.find((candidate) => candidate.externalId === externalAuthId);
    if (!instance || !slot || instance.owner !== check.userId) return failure(404, 'instance_not_found', 'This sign-in link does not match an integration of yours.');
    view = { title: slot.title, service: serviceOfSlot(slot), authName: null, solutionInstanceId: instance.id };
  }
  store.credentials.consumeAuthorizationCode(code);
  // An edit session belongs to no instance: it can connect, never save an instance's values.
  const session = store.credentials.startWizardSession(check.userId, view.solutionInstanceId);
  return Response.json({ sessionId: session.id, title: view.title, service: view.service, authName: view.authName });
}
