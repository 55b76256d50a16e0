import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { flowError, type EnableFlowState, type FlowStep } from '../core/enableFlowState.js';
import type { TrayEmbeddedError } from '../core/errors.js';
import type { GetWizardUrl } from '../core/instancePort.js';
import type { OpenWith } from '../core/surface.js';
import type { WizardPopupOptions } from '../core/wizardPopup.js';
import { autoEnables } from '../core/solutionFields.js';
import { toTrayError } from '../graphql/apolloErrors.js';
import { apolloUpdate } from '../graphql/apolloPort.js';
import { SOLUTION_INSTANCE_QUERY, UPDATE_SOLUTION_INSTANCE } from '../graphql/operations.js';
import type { SolutionInstanceStatus } from '../graphql/types.js';
import { useEnableFlow } from './useEnableFlow.js';
import { useLatest } from './useLatest.js';
import { useTrayClient } from './useTrayClient.js';
import { useWizardUrlGetter } from './useWizardUrlGetter.js';

/** What the hook is doing; a failure is in `error`. */
export type SolutionInstanceState = 'loading' | 'ready' | 'enabling' | 'disabling';

export interface UseSolutionInstanceOptions extends Pick<WizardPopupOptions, 'validate' | 'presentation' | 'popupSize' | 'dialogLabels' | 'noResponseMs'> {
  /** For `configure`; from here, else `TrayEmbeddedProvider`'s, else POST /api/tray/wizard-url. */
  getWizardUrl?: GetWizardUrl;
  /** Sent with every enable (renames the instance). */
  instanceName?: string;
  /** The server confirmed `enabled: true`. */
  onEnabled?: (instance: SolutionInstanceStatus) => void;
  /** The server confirmed `enabled: false`. */
  onDisabled?: (instance: SolutionInstanceStatus) => void;
  /** The wizard was cancelled, or closed before finishing. */
  onCancel?: () => void;
  /** Once per failure: a failed change or wizard (`step` says which), or a failed load. */
  onError?: (error: TrayEmbeddedError, step: FlowStep | 'load') => void;
}

export interface UseSolutionInstanceResult {
  /** As the server last reported it; `null` while loading, on a load error, or when not found. */
  instance: SolutionInstanceStatus | null;
  /** Enables with `errorOnEnablingWithMissingValues: true`. Resolves to the instance, or `null` on failure (see `error`). */
  enable: (instanceName?: string) => Promise<SolutionInstanceStatus | null>;
  disable: () => Promise<SolutionInstanceStatus | null>;
  /**
   * Opens the config wizard; its finish enables. Call it in a click handler (popup blockers).
   * `'dialog'` shows it, and every later one, in the page (the alert's "Open here").
   */
  configure: (presentation?: OpenWith) => void;
  /** Repeats the failed enable, disable or wizard, or reloads. */
  retry: () => void;
  state: SolutionInstanceState;
  /** The last failure, or why the instance could not be loaded. */
  error: TrayEmbeddedError | null;
  /** The enable flow's own state: the wizard, the change in flight, the last outcome. */
  flow: EnableFlowState<SolutionInstanceStatus>;
}

/**
 * One solution instance and what an end user does to it, bound to the core `EnableFlow`.
 * Shown enabled only when the server says so: the status comes from the query, which the
 * mutation's answer updates through the Apollo cache. Concurrent calls share the one in
 * flight, so a double click or a repeated finish sends one mutation.
 */
export function useSolutionInstance(solutionInstanceId: string, options: UseSolutionInstanceOptions = {}): UseSolutionInstanceResult {
  const client = useTrayClient(); // Tray's id-less Viewer must merge, or widgets refetch each other
  const query = useQuery(SOLUTION_INSTANCE_QUERY, { variables: { id: solutionInstanceId } });
  const port = useMemo(() => ({ update: apolloUpdate<SolutionInstanceStatus>(client, UPDATE_SOLUTION_INSTANCE) }), [client]);
  const reload = () => void query.refetch().catch(() => undefined);
  const instance = query.data?.viewer.solutionInstances.edges[0]?.node ?? null;
  const [flow, state] = useEnableFlow({
    ...options,
    autoEnable: autoEnables(instance?.solution),
    port,
    instanceId: solutionInstanceId,
    getWizardUrl: useWizardUrlGetter(options.getWizardUrl),
    onDone: (action, instance) => options[action === 'enable' ? 'onEnabled' : 'onDisabled']?.(instance),
    refresh: reload,
  });
  // One error object per failed load, reported once: the flow reports its own failures.
  const loadError = useMemo(() => query.error && toTrayError(query.error, 'load'), [query.error]);
  const onError = useLatest(options.onError);
  useEffect(() => {
    if (loadError) onError.current?.(loadError, 'load');
  }, [loadError, onError]);
  const failed = flowError(state);
  return {
    instance,
    enable: flow.enable,
    disable: flow.disable,
    configure: flow.configure,
    retry: failed ? flow.retry : reload,
    state: state.status === 'busy' ? (state.action === 'enable' ? 'enabling' : 'disabling') : query.loading && !instance ? 'loading' : 'ready',
    error: failed ?? (instance ? null : (loadError ?? null)),
    flow: state,
  };
}
