import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';

/** How the scripted server answers the next updateSolutionInstance. */
export type MutationScript = 'ok' | 'missing-values' | 'network-error' | 'hold';

export interface ScriptedInstance {
  id: string;
  name: string;
  enabled: boolean;
}

/**
 * An Apollo client with a deterministic in-browser "server": the stories show each state of
 * the enabler the same way every time, with no network. The live stories use the real
 * handler and mock Tray instead.
 */
export function createScriptedClient(instance: ScriptedInstance, script: MutationScript = 'ok'): ApolloClient {
  const state = { ...instance };
  const node = () => ({ __typename: 'SolutionInstance', ...state });
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (operation.operationName === 'SolutionInstance') {
          observer.next({ data: { viewer: { __typename: 'Viewer', solutionInstances: { __typename: 'SolutionInstanceConnection', edges: [{ __typename: 'SolutionInstanceEdge', node: node() }] } } } });
          observer.complete();
          return;
        }
        if (script === 'hold') return; // never answers: the enabler stays "Enabling…"
        const timer = setTimeout(() => {
          if (script === 'network-error') return observer.error(new TypeError('Failed to fetch'));
          if (script === 'missing-values') {
            observer.next({ data: null, errors: [{ message: 'Cannot enable: required config values are missing: Slack channel', extensions: { code: 'MISSING_VALUES' } }] });
            return observer.complete();
          }
          const input = operation.variables['input'] as { enabled?: boolean };
          if (typeof input.enabled === 'boolean') state.enabled = input.enabled;
          observer.next({ data: { updateSolutionInstance: { __typename: 'UpdateSolutionInstancePayload', solutionInstance: node() } } });
          observer.complete();
        }, 150);
        return () => clearTimeout(timer);
      }),
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}
