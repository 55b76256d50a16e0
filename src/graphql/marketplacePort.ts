import type { ApolloClient } from '@apollo/client';
import type { InstancePort } from '../core/instancePort.js';
import { toTrayError } from './apolloErrors.js';
import { apolloUpdate, mutateInstance } from './apolloPort.js';
import {
  CREATE_SOLUTION_INSTANCE,
  MARKETPLACE_INSTANCES_OPERATION,
  MARKETPLACE_UPDATE_SOLUTION_INSTANCE,
  REMOVE_SOLUTION_INSTANCE,
  UPGRADE_SOLUTION_INSTANCE,
} from './marketplace.js';
import type { SolutionInstance } from './types.js';
import { dropInstanceFromCache } from './viewerCache.js';

/**
 * The marketplace's instance mutations on the host's Apollo client, as the enable flow's port.
 * Each answers with the fields the lists show, so the cache (normalised by id) takes the
 * server's answer and every view of that instance follows.
 */
export function createMarketplacePort(client: ApolloClient): Required<InstancePort<SolutionInstance>> {
  return {
    update: apolloUpdate<SolutionInstance>(client, MARKETPLACE_UPDATE_SOLUTION_INSTANCE),
    // Lists on screen show the new instance as the server lists it.
    create: (input) => mutateInstance(client, CREATE_SOLUTION_INSTANCE, { input }, { refetchQueries: [MARKETPLACE_INSTANCES_OPERATION] }),
    upgrade: (solutionInstanceId) => mutateInstance(client, UPGRADE_SOLUTION_INSTANCE, { input: { solutionInstanceId } }),
    async remove(solutionInstanceId) {
      try {
        await client.mutate({ mutation: REMOVE_SOLUTION_INSTANCE, variables: { input: { solutionInstanceId } } });
      } catch (error) {
        throw toTrayError(error, 'load');
      }
      // Drop it from every cached list, then evict it, so no view shows it any longer.
      dropInstanceFromCache(client.cache, solutionInstanceId);
    },
  };
}
