import { createInstanceMutationResolvers } from './instanceMutations.js';
import { createQueryResolvers } from './query.js';
import { createUserMutationResolvers } from './userMutations.js';

/**
 * The graphql-js root value for `traySchemaSDL`: one object holds both Query and Mutation
 * root fields (their names do not collide), each called as `(args, context, info)`.
 */
export function createRootValue(): Record<string, unknown> {
  return { ...createQueryResolvers(), ...createUserMutationResolvers(), ...createInstanceMutationResolvers() };
}

export type { MockTrayContext } from './access.js';
