import { useEffect, useState, useSyncExternalStore } from 'react';
import { EnableFlow, type EnableFlowOptions } from '../core/enableFlow.js';
import type { EnableFlowState } from '../core/enableFlowState.js';
import type { InstanceStatus } from '../core/instancePort.js';

/**
 * Binds one `EnableFlow` (or a subclass such as `AddFlow`) to a component: created once, given
 * the latest options after every render (callbacks may change freely), its state read with
 * `useSyncExternalStore`, its wizard closed on unmount. StrictMode's extra unmount and mount
 * leave it usable.
 */
export function useEnableFlow<I extends InstanceStatus, F extends EnableFlow<I> = EnableFlow<I>>(
  options: EnableFlowOptions<I>,
  Flow: new (options: EnableFlowOptions<I>) => F = EnableFlow as new (options: EnableFlowOptions<I>) => F,
): [F, EnableFlowState<I>] {
  const [flow] = useState(() => new Flow(options));
  useEffect(() => {
    flow.setOptions(options);
  });
  useEffect(() => flow.close, [flow]);
  return [flow, useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot)];
}
