import type { ApolloClient } from '@apollo/client';
import { TrayEmbeddedError } from '../../core/errors.js';
import { enableInput } from '../../graphql/inputs.js';
import {
  CREATE_SOLUTION_INSTANCE,
  MARKETPLACE_INSTANCES_OPERATION,
  MARKETPLACE_UPDATE_SOLUTION_INSTANCE,
  REMOVE_SOLUTION_INSTANCE,
  UPGRADE_SOLUTION_INSTANCE,
} from '../../graphql/marketplace.js';
import type { SolutionInstance, UpdateSolutionInstanceInput } from '../../graphql/types.js';
import { toTrayError } from '../toTrayError.js';
import { dropInstanceFromCache } from './viewerCache.js';

/**
 * The marketplace's mutations as plain functions of an Apollo client. Each resolves to the
 * instance as the server answered (which the cache now holds) or throws a `TrayEmbeddedError`;
 * none is optimistic, so a failure leaves every view showing what the server has.
 */

type Action = 'enable' | 'disable' | 'load';

async function run<T>(action: Action, mutation: () => Promise<{ data?: T | null }>, pick: (data: T) => SolutionInstance | null | undefined) {
  let instance: SolutionInstance | null | undefined;
  try {
    const { data } = await mutation();
    instance = data ? pick(data) : null;
  } catch (error) {
    throw toTrayError(error, action);
  }
  if (!instance) throw new TrayEmbeddedError('graphql', 'Tray answered without the integration.');
  return instance;
}

export function createInstance(client: ApolloClient, solutionId: string, instanceName: string): Promise<SolutionInstance> {
  return run(
    'load',
    () => client.mutate({
      mutation: CREATE_SOLUTION_INSTANCE,
      variables: { input: { solutionId, instanceName } },
      // Lists on screen show the new instance as the server lists it.
      refetchQueries: [MARKETPLACE_INSTANCES_OPERATION],
    }),
    (data) => data.createSolutionInstance?.solutionInstance,
  );
}

/** Enable, disable or rename. An enable the server did not confirm is a `missing_values` error. */
export async function updateInstance(client: ApolloClient, input: UpdateSolutionInstanceInput): Promise<SolutionInstance> {
  const action = input.enabled === true ? 'enable' : input.enabled === false ? 'disable' : 'load';
  const instance = await run(
    action,
    () => client.mutate({ mutation: MARKETPLACE_UPDATE_SOLUTION_INSTANCE, variables: { input } }),
    (data) => data.updateSolutionInstance?.solutionInstance,
  );
  if (typeof input.enabled === 'boolean' && instance.enabled !== input.enabled) {
    throw new TrayEmbeddedError(input.enabled ? 'missing_values' : 'graphql', 'Tray did not confirm the change.');
  }
  return instance;
}

/** Always with `errorOnEnablingWithMissingValues: true` (see `enableInput`). */
export function enableInstance(client: ApolloClient, solutionInstanceId: string): Promise<SolutionInstance> {
  return updateInstance(client, enableInput(solutionInstanceId));
}

export function upgradeInstance(client: ApolloClient, solutionInstanceId: string): Promise<SolutionInstance> {
  return run(
    'load',
    () => client.mutate({ mutation: UPGRADE_SOLUTION_INSTANCE, variables: { input: { solutionInstanceId } } }),
    (data) => data.upgradeSolutionInstance?.solutionInstance,
  );
}

/** Removes the instance, then drops it from every cached list and evicts it. */
export async function removeInstance(client: ApolloClient, solutionInstanceId: string): Promise<void> {
  try {
    await client.mutate({ mutation: REMOVE_SOLUTION_INSTANCE, variables: { input: { solutionInstanceId } } });
  } catch (error) {
    throw toTrayError(error, 'load');
  }
  dropInstanceFromCache(client.cache, solutionInstanceId);
}
