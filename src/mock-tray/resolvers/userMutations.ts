import type { MockTrayStore } from '../store.js';
import { requireMaster, trayError, type MockTrayContext } from './access.js';

interface WithUserId {
  input: { userId: string; clientMutationId?: string | null };
}

function knownUser(store: MockTrayStore, userId: string): void {
  if (!store.users.has(userId)) {
    throw trayError('NOT_FOUND', `No user with id "${userId}". Create it with createExternalUser first, and pass its userId (not your externalUserId).`);
  }
}

function createExternalUser(
  { input }: { input: { name: string; externalUserId: string; clientMutationId?: string | null } },
  context: MockTrayContext,
) {
  requireMaster(context, 'createExternalUser');
  const taken = [...context.store.users.values()].some((user) => user.externalUserId === input.externalUserId);
  if (taken) throw trayError('CONFLICT', `A user with externalUserId "${input.externalUserId}" already exists; look it up with users(criteria: { externalUserId }).`);
  const user = context.store.createUser({ name: input.name, externalUserId: input.externalUserId });
  return { userId: user.id, clientMutationId: input.clientMutationId ?? null };
}

function removeExternalUser({ input }: WithUserId, context: MockTrayContext) {
  requireMaster(context, 'removeExternalUser');
  knownUser(context.store, input.userId);
  context.store.removeUser(input.userId);
  return { clientMutationId: input.clientMutationId ?? null };
}

/** Issues a user token valid about two days; every call issues a new one, as Tray does. */
function authorize({ input }: WithUserId, context: MockTrayContext) {
  requireMaster(context, 'authorize');
  knownUser(context.store, input.userId);
  const token = context.store.credentials.issueUserToken(input.userId);
  context.store.record({ type: 'authorize', userId: input.userId });
  return { accessToken: token.value, clientMutationId: input.clientMutationId ?? null };
}

/** A single-use code for the config wizard, valid five minutes. */
function generateAuthorizationCode({ input }: WithUserId, context: MockTrayContext) {
  requireMaster(context, 'generateAuthorizationCode');
  knownUser(context.store, input.userId);
  const code = context.store.credentials.issueAuthorizationCode(input.userId);
  context.store.record({ type: 'authorizationCodeIssued', userId: input.userId });
  return { authorizationCode: code.value, clientMutationId: input.clientMutationId ?? null };
}

function notImplemented(field: string) {
  return () => {
    throw trayError('NOT_IMPLEMENTED', `${field} is in the schema but the mock Tray does not implement it; test it against real Tray.`);
  };
}

/** The master-token mutations on users and codes, plus the schema's mutations the mock leaves out. */
export function createUserMutationResolvers(): Record<string, unknown> {
  return {
    createExternalUser,
    removeExternalUser,
    authorize,
    generateAuthorizationCode,
    createUserAuthentication: notImplemented('createUserAuthentication'),
    removeAuthentication: notImplemented('removeAuthentication'),
    callConnector: notImplemented('callConnector'),
  };
}
