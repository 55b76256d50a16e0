import type { ApolloClient, DocumentNode, TypedDocumentNode } from '@apollo/client';
import type { InstanceStatus } from '../core/instancePort.js';
import { TrayEmbeddedError } from '../core/errors.js';
import { toTrayError } from './apolloErrors.js';
import type { UpdateSolutionInstanceInput } from './types.js';

type Payload<I> = Record<string, { solutionInstance?: I | null } | null | undefined>;

/**
 * Runs one instance mutation on the host's Apollo client and returns the instance the server
 * answered with (which the cache now holds). Never optimistic: a failure leaves every view
 * showing what the server has. Errors come back as `TrayEmbeddedError`.
 */
export async function mutateInstance<I extends InstanceStatus>(
  client: ApolloClient,
  mutation: DocumentNode | TypedDocumentNode<Payload<I>, any>,
  variables: Record<string, unknown>,
  options: { isEnable?: boolean; refetchQueries?: string[] } = {},
): Promise<I> {
  let data: Payload<I> | null | undefined;
  try {
    ({ data } = await client.mutate<Payload<I>>({ mutation, variables, refetchQueries: options.refetchQueries }));
  } catch (error) {
    throw toTrayError(error, options.isEnable ? 'enable' : 'load');
  }
  const instance = data && Object.values(data)[0]?.solutionInstance;
  if (!instance) throw new TrayEmbeddedError('graphql', 'Tray answered without the integration.');
  return instance;
}

/** The port's `update`: `updateSolutionInstance(input)` with the given document's fields. */
export const apolloUpdate =
  <I extends InstanceStatus>(client: ApolloClient, mutation: DocumentNode) =>
  (input: UpdateSolutionInstanceInput): Promise<I> =>
    mutateInstance<I>(client, mutation, { input }, { isEnable: input.enabled === true });
