/** The shapes our operations read, as Tray returns them (a subset of the schema). */
export interface SolutionSummary {
  __typename?: 'Solution';
  id: string;
  title: string;
}

export interface SolutionVersionFlags {
  __typename?: 'SolutionVersionFlags';
  hasNewerVersion: boolean;
  requiresUserInputToUpdateVersion: boolean;
  requiresSystemInputToUpdateVersion: boolean;
}

/** What the enabler reads of an instance (the `SolutionInstanceStatus` fragment). */
export interface SolutionInstanceStatus {
  __typename?: 'SolutionInstance';
  id: string;
  name: string;
  enabled: boolean;
}

export interface SolutionInstance extends SolutionInstanceStatus {
  created: string;
  owner?: string;
  solution: SolutionSummary;
  solutionVersionFlags: SolutionVersionFlags;
}

export interface PageInfo {
  __typename?: 'PageInfo';
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor?: string }>;
  pageInfo?: PageInfo;
  totalCount?: number;
}

export interface UpdateSolutionInstanceInput {
  solutionInstanceId: string;
  instanceName?: string;
  enabled?: boolean;
  errorOnEnablingWithMissingValues?: boolean;
  /** Each value JSON-encoded in a string: `"\"#alerts\""`, `"true"`, `"7"`. */
  configValues?: Array<{ externalId: string; value: string }>;
  authValues?: Array<{ externalId: string; authId: string }>;
}

export interface SolutionInstanceQueryData {
  viewer: { solutionInstances: Connection<SolutionInstanceStatus> };
}

export interface SolutionInstanceQueryVariables {
  id: string;
}

export interface UpdateSolutionInstanceData {
  updateSolutionInstance: { solutionInstance: SolutionInstanceStatus } | null;
}

export interface UpdateSolutionInstanceVariables {
  input: UpdateSolutionInstanceInput;
}
