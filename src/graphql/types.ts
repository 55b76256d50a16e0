/** The shapes our operations read, as Tray returns them (a subset of the schema). */
export interface SolutionSummary {
  __typename?: 'Solution';
  id: string;
  title: string;
}

export interface SolutionVersionFlags {
  __typename?: 'SolutionInstanceSolutionVersionFlags';
  hasNewerVersion: boolean;
  requiresUserInputToUpdateVersion: boolean;
  requiresSystemInputToUpdateVersion: boolean;
}

/** A solution custom field, as Tray stores it (`image`, `forceUnique`, `disableAutoEnable`, or the partner's own). */
export interface CustomField {
  key: string;
  value: string | null;
}

/** What the enabler reads of an instance (the `SolutionInstanceStatus` fragment). */
export interface SolutionInstanceStatus {
  __typename?: 'SolutionInstance';
  id: string;
  name: string;
  enabled: boolean;
  /** Read by the enabler's query; absent from mutation answers. */
  solution?: { id: string; customFields?: CustomField[] };
}

/** Which authentication fills one of a solution's auth slots. */
export interface AuthValue {
  externalId: string;
  authId: string;
}

/** One of a solution's auth slots: an account the user connects (Slack workspace, AWS credentials). */
export interface AuthSlot {
  externalId: string;
  title: string;
}

export interface SolutionInstance extends SolutionInstanceStatus {
  created: string;
  owner?: string;
  solution: SolutionSummary & { authSlots?: AuthSlot[]; customFields?: CustomField[] };
  /** Asked for by the marketplace's documents (My integrations' Reconnect). */
  authValues?: AuthValue[];
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
  authValues?: AuthValue[];
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
