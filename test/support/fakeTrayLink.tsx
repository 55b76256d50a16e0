import { ApolloClient, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { createRecordingLink, type Reply } from './recordingLink';

export interface FakeInstance {
  id: string;
  name: string;
  enabled: boolean;
}


/**
 * A stand-in for our server handler in front of Tray: answers the instance query and
 * updateSolutionInstance from in-memory state, records every operation, and can be told
 * to fail the next mutation (a GraphQL error, or a network error) or to hold it.
 */
export function createFakeTray(initial: Partial<FakeInstance> = {}) {
  const instance: FakeInstance = { id: 'si-1', name: 'CRM sync', enabled: false, ...initial };
  const failNext: Reply[] = [];
  let hold: Promise<void> | null = null;
  let missingValues = false;

  const node = () => ({
    __typename: 'SolutionInstance',
    ...instance,
    created: '2026-11-01T00:00:00Z',
    solution: { __typename: 'Solution', id: 'sol-1', title: 'Salesforce CRM sync' },
    solutionVersionFlags: {
      __typename: 'SolutionVersionFlags',
      hasNewerVersion: false,
      requiresUserInputToUpdateVersion: false,
      requiresSystemInputToUpdateVersion: false,
    },
  });

  const answer = (operationName: string, variables: Record<string, any>): Reply => {
    if (operationName === 'SolutionInstance') {
      const edges = variables.id === instance.id ? [{ __typename: 'SolutionInstanceEdge', node: node() }] : [];
      return { data: { viewer: { __typename: 'Viewer', solutionInstances: { __typename: 'SolutionInstanceConnection', edges } } } };
    }
    const failure = failNext.shift();
    if (failure) return failure;
    const input = variables.input;
    if (input.enabled && input.errorOnEnablingWithMissingValues && missingValues) {
      return { data: null, errors: [{ message: 'Cannot enable: required config values are missing: Channel', extensions: { code: 'MISSING_VALUES' } }] };
    }
    if (typeof input.enabled === 'boolean') instance.enabled = input.enabled;
    if (typeof input.instanceName === 'string') instance.name = input.instanceName;
    return { data: { updateSolutionInstance: { __typename: 'UpdateSolutionInstancePayload', solutionInstance: node() } } };
  };

  const { link, calls } = createRecordingLink(
    (call) => answer(call.operationName, call.variables),
    (call) => (call.operationName === 'UpdateSolutionInstance' && hold ? hold : Promise.resolve()),
  );

  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    instance,
    calls,
    client,
    mutations: () => calls.filter((c) => c.operationName === 'UpdateSolutionInstance'),
    failNextMutation: (reply: Reply) => failNext.push(reply),
    setMissingValues: (value: boolean) => {
      missingValues = value;
    },
    /** Holds every mutation until the returned function is called. */
    holdMutations: () => {
      let release!: () => void;
      hold = new Promise((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
    wrapper: ({ children }: { children: ReactNode }) => <ApolloProvider client={client}>{children}</ApolloProvider>,
  };
}
