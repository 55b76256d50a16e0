import type { UpdateSolutionInstanceInput } from '../graphql/types.js';

/** The least the flow reads of an instance; views pass richer ones through unchanged. */
export interface InstanceStatus {
  id: string;
  name: string;
  enabled: boolean;
}

/**
 * The GraphQL calls the enable flow makes, injected so that the flow knows no transport.
 * Each resolves to the instance as the server answered, or rejects with a `TrayEmbeddedError`.
 * `src/graphql/apolloPort.ts` implements it on an Apollo client; tests may pass plain functions.
 */
export interface InstancePort<I extends InstanceStatus = InstanceStatus> {
  /** `updateSolutionInstance(input)`: enable, disable, rename. */
  update(input: UpdateSolutionInstanceInput): Promise<I>;
  /** `createSolutionInstance`: the catalog's Add. */
  create?(input: { solutionId: string; instanceName: string }): Promise<I>;
  /** `upgradeSolutionInstance`: to the solution's newest version. */
  upgrade?(solutionInstanceId: string): Promise<I>;
  /** `removeSolutionInstance`. */
  remove?(solutionInstanceId: string): Promise<void>;
}

/** What a wizard URL is asked for with, per open. */
export interface WizardUrlRequest {
  /** The wizard must run the `tray.configPopup.validate` handshake (a `validate` callback is given). */
  customValidation?: boolean;
}

/** Resolves to a wizard URL with a fresh authorization code, minted by the partner's backend. */
export type GetWizardUrl = (solutionInstanceId: string, request?: WizardUrlRequest) => Promise<string> | string;
