import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { TrayEmbeddedError } from '../core/errors.js';
import { disableInput, enableInput } from '../graphql/inputs.js';
import { SOLUTION_INSTANCE_QUERY, UPDATE_SOLUTION_INSTANCE } from '../graphql/operations.js';
import type { SolutionInstanceStatus } from '../graphql/types.js';
import { toTrayError } from './toTrayError.js';
import { useTrayClient } from './useTrayClient.js';

/** What the hook is doing; a failure is in `error`. */
export type SolutionInstanceState = 'loading' | 'ready' | 'enabling' | 'disabling';

export interface UseSolutionInstanceResult {
  /** As the server last reported it; `null` while loading, on a load error, or when not found. */
  instance: SolutionInstanceStatus | null;
  /** Enables with `errorOnEnablingWithMissingValues: true`. Resolves to the instance, or `null` on failure (see `error`). */
  enable: (instanceName?: string) => Promise<SolutionInstanceStatus | null>;
  disable: () => Promise<SolutionInstanceStatus | null>;
  /** Repeats the failed enable or disable, or reloads. */
  retry: () => Promise<unknown>;
  state: SolutionInstanceState;
  error: TrayEmbeddedError | null;
}

/**
 * One solution instance and the two things an end user does to it. Shown enabled only
 * when the server says so: the status comes from the query, which the mutation's answer
 * updates through the Apollo cache. Concurrent calls share the one in flight, so a
 * double click or a repeated finish sends one mutation.
 */
export function useSolutionInstance(solutionInstanceId: string): UseSolutionInstanceResult {
  useTrayClient(); // Tray's id-less Viewer must merge, or widgets refetch each other
  const query = useQuery(SOLUTION_INSTANCE_QUERY, { variables: { id: solutionInstanceId } });
  const [mutate] = useMutation(UPDATE_SOLUTION_INSTANCE);
  const [busy, setBusy] = useState<'enabling' | 'disabling' | null>(null);
  const [failure, setFailure] = useState<{ error: TrayEmbeddedError; retry: () => Promise<unknown> } | null>(null);
  const inFlight = useRef<Promise<SolutionInstanceStatus | null> | null>(null);
  const { refetch } = query;
  const reload = () => refetch().catch(() => undefined);

  const update = useCallback(
    (enabled: boolean, instanceName?: string): Promise<SolutionInstanceStatus | null> => {
      if (inFlight.current) return inFlight.current;
      const action = enabled ? 'enable' : 'disable';
      setBusy(enabled ? 'enabling' : 'disabling');
      setFailure(null);
      const input = enabled ? enableInput(solutionInstanceId, instanceName) : disableInput(solutionInstanceId);
      inFlight.current = mutate({ variables: { input } })
        .then(({ data }) => {
          const instance = data?.updateSolutionInstance?.solutionInstance;
          if (instance?.enabled !== enabled) {
            throw new TrayEmbeddedError(enabled ? 'missing_values' : 'graphql', 'Tray refused the change.');
          }
          return instance;
        })
        .catch((cause: unknown) => {
          setFailure({ error: toTrayError(cause, action), retry: () => update(enabled, instanceName) });
          // The server is the truth: after any failure, show what it now has.
          void reload();
          return null;
        })
        .finally(() => {
          inFlight.current = null;
          setBusy(null);
        });
      return inFlight.current;
    },
    [mutate, refetch, solutionInstanceId],
  );

  const instance = query.data?.viewer.solutionInstances.edges[0]?.node ?? null;
  const loadError = query.error && !instance ? toTrayError(query.error, 'load') : null;
  return {
    instance,
    enable: useCallback((name?: string) => update(true, name), [update]),
    disable: useCallback(() => update(false), [update]),
    retry: failure?.retry ?? reload,
    state: busy ?? (query.loading && !instance ? 'loading' : 'ready'),
    error: failure?.error ?? loadError,
  };
}
