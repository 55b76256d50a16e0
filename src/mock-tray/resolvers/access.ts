import { GraphQLError } from 'graphql';
import type { MockTrayStore } from '../store.js';
import type { MockSolutionInstance, MockTrayAuth } from '../types.js';

/** What every resolver receives: the store and who the bearer token belongs to. */
export type MockTrayContext = {
  store: MockTrayStore;
  auth: MockTrayAuth;
};

/** A GraphQL error with a machine-readable `extensions.code`, so clients never match on text. */
export function trayError(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/**
 * Master-token-only operations. A user token gets a GraphQL error (HTTP 200), not a 401: the
 * token itself is valid, it just may not do this.
 */
export function requireMaster(context: MockTrayContext, operation: string): void {
  if (context.auth.kind !== 'master') {
    throw trayError(
      'FORBIDDEN',
      `${operation} needs the master token, but this request used a user token. Call it from your backend with the partner's master token.`,
    );
  }
}

/** User-token-only operations; returns the user's id. */
export function requireUser(context: MockTrayContext, operation: string): string {
  if (context.auth.kind !== 'user') {
    throw trayError(
      'FORBIDDEN',
      `${operation} needs a user token, but this request used the master token. Get one with authorize(input: { userId }) and send it as the Bearer token.`,
    );
  }
  return context.auth.userId;
}

/**
 * The caller's own instance. Someone else's instance is reported exactly like a missing one,
 * so a user cannot probe which ids exist.
 */
export function ownInstance(context: MockTrayContext, userId: string, solutionInstanceId: string): MockSolutionInstance {
  const instance = context.store.instances.get(solutionInstanceId);
  if (!instance || instance.owner !== userId) {
    throw trayError('NOT_FOUND', `No solution instance with id "${solutionInstanceId}" for this user.`);
  }
  return instance;
}
