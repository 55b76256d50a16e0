import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { TrayEmbeddedError } from '../core/errors.js';
import { disableInput, enableInput } from '../graphql/inputs.js';
import { SOLUTION_INSTANCE_QUERY, UPDATE_SOLUTION_INSTANCE } from '../graphql/operations.js';
import type { SolutionInstance } from '../graphql/types.js';
import { toTrayError } from './toTrayError.js';

export type SolutionInstanceAction = 'enable' | 'disable' | 'load';
export type SolutionInstanceState = 'loading' | 'ready' | 'enabling' | 'disabling' | 'error';

export interface UseSolutionInstanceResult {
  /** As the server last reported it; `null` while loading or when not found. */
  instance: SolutionInstance | null;
  /** Enables with `errorOnEnablingWithMissingValues: true`. Resolves to the instance, or `null` on failure (see `error`). */
  enable: (instanceName?: string) => Promise<SolutionInstance | null>;
  disable: () => Promise<SolutionInstance | null>;
  /** Repeats the last failed action (or reloads). */
  retry: () => Promise<unknown>;
  clearError: () => void;
  state: SolutionInstanceState;
  error: TrayEmbeddedError | null;
  /** What `error` came from. */
  failedAction: SolutionInstanceAction | null;
}

/**
 * One solution instance and the two things an end user does to it. Shown enabled only
 * when the server says so: the status comes from the query, which the mutation's answer
 * updates through the Apollo cache. Concurrent calls share the one in flight, so a
 * double click or a repeated finish sends one mutation.
 */
export function useSolutionInstance(solutionInstanceId: string): UseSolutionInstanceResult {
  const query = useQuery(SOLUTION_INSTANCE_QUERY, { variables: { id: solutionInstanceId }, notifyOnNetworkStatusChange: true });
  const [mutate] = useMutation(UPDATE_SOLUTION_INSTANCE);
  const [busy, setBusy] = useState<'enabling' | 'disabling' | null>(null);
  const [failure, setFailure] = useState<{ error: TrayEmbeddedError; action: SolutionInstanceAction } | null>(null);
  const inFlight = useRef<Promise<SolutionInstance | null> | null>(null);
  const lastName = useRef<string | undefined>(undefined);
  const { refetch } = query;

  const update = useCallback(
    (action: 'enable' | 'disable', instanceName?: string): Promise<SolutionInstance | null> => {
      if (inFlight.current) return inFlight.current;
      lastName.current = instanceName;
      setBusy(action === 'enable' ? 'enabling' : 'disabling');
      setFailure(null);
      const input = action === 'enable' ? enableInput(solutionInstanceId, instanceName) : disableInput(solutionInstanceId);
      const request = mutate({ variables: { input } })
        .then(({ data }) => {
          const instance = data?.updateSolutionInstance?.solutionInstance;
          if (!instance) throw new TrayEmbeddedError('graphql', 'Tray returned no integration.');
          if (instance.enabled !== (action === 'enable')) {
            throw new TrayEmbeddedError(action === 'enable' ? 'missing_values' : 'graphql', `Tray did not ${action} the integration.`);
          }
          return instance;
        })
        .catch((cause: unknown) => {
          setFailure({ error: toTrayError(cause, action), action });
          // The server is the truth: after any failure, show what it now has.
          refetch().catch(() => undefined);
          return null;
        })
        .finally(() => {
          inFlight.current = null;
          setBusy(null);
        });
      inFlight.current = request;
      return request;
    },
    [mutate, refetch, solutionInstanceId],
  );

  const enable = useCallback((name?: string) => update('enable', name), [update]);
  const disable = useCallback(() => update('disable'), [update]);
  const clearError = useCallback(() => setFailure(null), []);
  const failedAction = failure?.action ?? (query.error ? 'load' : null);
  const retry = useCallback(() => {
    if (failure?.action === 'enable') return update('enable', lastName.current);
    if (failure?.action === 'disable') return update('disable');
    setFailure(null);
    return refetch().catch(() => undefined);
  }, [failure, update, refetch]);

  const instance = query.data?.viewer.solutionInstances.edges[0]?.node ?? null;
  const loadError = query.error && !instance ? toTrayError(query.error, 'load') : null;
  const notFound = !query.loading && !query.error && query.data && !instance
    ? new TrayEmbeddedError('graphql', 'The integration could not be found.', { details: { reason: 'not_found' } })
    : null;
  const error = failure?.error ?? loadError ?? notFound;
  const state: SolutionInstanceState = busy ?? (query.loading && !instance ? 'loading' : loadError || notFound ? 'error' : 'ready');

  return { instance, enable, disable, retry, clearError, state, error, failedAction: failure?.action ?? (error ? failedAction : null) };
}
