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

export interface SolutionInstance {
  __typename?: 'SolutionInstance';
  id: string;
  name: string;
  enabled: boolean;
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
}

export interface SolutionInstanceQueryData {
  viewer: { solutionInstances: Connection<SolutionInstance> };
}

export interface SolutionInstanceQueryVariables {
  id: string;
}

export interface UpdateSolutionInstanceData {
  updateSolutionInstance: { solutionInstance: SolutionInstance } | null;
}

export interface UpdateSolutionInstanceVariables {
  input: UpdateSolutionInstanceInput;
}
