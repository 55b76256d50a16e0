import type { UpdateSolutionInstanceInput } from './types.js';

/** The only way this library builds an enable: both flags, always. */
export function enableInput(solutionInstanceId: string, instanceName?: string): UpdateSolutionInstanceInput {
  // An undefined instanceName is dropped when the variables are serialised.
  return { solutionInstanceId, instanceName, enabled: true, errorOnEnablingWithMissingValues: true };
}

export function disableInput(solutionInstanceId: string): UpdateSolutionInstanceInput {
  return { solutionInstanceId, enabled: false };
}
