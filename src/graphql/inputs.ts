import type { UpdateSolutionInstanceInput } from './types.js';

/** The only way this library builds an enable: both flags, always. */
export function enableInput(solutionInstanceId: string, instanceName?: string): UpdateSolutionInstanceInput {
  return {
    solutionInstanceId,
    ...(instanceName === undefined ? {} : { instanceName }),
    enabled: true,
    errorOnEnablingWithMissingValues: true,
  };
}

export function disableInput(solutionInstanceId: string): UpdateSolutionInstanceInput {
  return { solutionInstanceId, enabled: false };
}
