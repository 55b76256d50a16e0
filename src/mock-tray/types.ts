/**
 * The mock Tray's own data model. It is richer than Tray's GraphQL types where the wizard
 * needs more (a slot's `required` flag and input kind), and never leaks those extras into
 * the schema: the resolvers present only what `traySchemaSDL` declares.
 */

/** How the mock wizard renders a slot. */
export type MockConfigSlotKind = 'text' | 'number' | 'boolean' | 'select';

export interface MockConfigSlot {
  externalId: string;
  title: string;
  kind: MockConfigSlotKind;
  /**
   * Enabling with `errorOnEnablingWithMissingValues: true` fails while a required slot has no
   * value. Tray's `ConfigSlot` type has no such field; this is the mock's stand-in for
   * whatever makes a slot mandatory in Tray's solution editor.
   */
  required: boolean;
  /** JSON encoded, as Tray's `Json` config values travel: `"\"text\""`, `"true"`, `"7"`. */
  defaultValue?: string;
  /** The choices of a `select` slot. */
  options?: string[];
  /** Help text the wizard shows under the field. */
  description?: string;
}

/** The service an authentication is for (Tray's `Service`: Slack, Salesforce…). */
export interface MockService {
  id: string;
  name: string;
}

export interface MockAuthSlot {
  externalId: string;
  title: string;
  /** What its authentications are for. @default a service named after the slot */
  service?: MockService;
}

/**
 * One of a user's connected accounts (Tray's `Authentication`), made by the wizard's or the
 * auth-only dialog's consent step; an instance's `authValues` point at these.
 */
export interface MockAuthentication {
  id: string;
  name: string;
  /** The Tray user id it belongs to. */
  owner: string;
  service: MockService;
  /** ISO-8601 UTC. */
  created: string;
  /** Set again each time the auth-only dialog's edit page reconnects it. */
  updated: string;
}

export interface MockSolution {
  id: string;
  title: string;
  description: string;
  tags: string[];
  customFields: Array<{ key: string; value: string | null }>;
  configSlots: MockConfigSlot[];
  authSlots: MockAuthSlot[];
  /** Names of the workflows every instance of this solution gets. */
  workflowNames: string[];
}

export interface MockUser {
  id: string;
  name: string;
  externalUserId: string;
}

export interface MockWorkflow {
  id: string;
  sourceWorkflowId: string;
  sourceWorkflowName: string;
  triggerUrl: string | null;
}

export interface MockSolutionVersionFlags {
  hasNewerVersion: boolean;
  requiresUserInputToUpdateVersion: boolean;
  requiresSystemInputToUpdateVersion: boolean;
}

export interface MockSolutionInstance {
  id: string;
  name: string;
  solutionId: string;
  /** The Tray user id (not the partner's externalUserId). */
  owner: string;
  enabled: boolean;
  /** ISO-8601 UTC. */
  created: string;
  /** externalId → JSON-encoded value, in the order they were first set. */
  configValues: Map<string, string>;
  authValues: Array<{ externalId: string; authId: string }>;
  workflows: MockWorkflow[];
  solutionVersionFlags: MockSolutionVersionFlags;
}

/** Who a bearer token belongs to. */
export type MockTrayAuth = { kind: 'master' } | { kind: 'user'; userId: string };

/** One request to the GraphQL endpoint, as tests read it from `store.requestLog`. Never holds a token. */
export interface MockTrayRequestLogEntry {
  operationName: string | null;
  variables: Record<string, unknown> | null;
  /** Top-level fields the operation selects (`authorize`, `viewer`, …): the client's operation name can be anything. */
  rootFields: string[];
  auth: MockTrayAuth | { kind: 'missing' } | { kind: 'invalid' };
  /** `faulted`: a knob (`store.faults`) answered instead of the API; `fault` says which. */
  outcome: 'executed' | 'unauthorized' | 'rate_limited' | 'faulted';
  /** Set when a `store.faults` knob changed this request's answer (`lose_answer`: it ran, its answer was dropped). */
  fault?: MockTrayFaultKind;
  /** Set when a `store.faults.hold` stopped this request for a while. */
  held?: boolean;
}

/** What a `store.faults` knob did to a request. */
export type MockTrayFaultKind = 'graphql_errors' | 'http_response' | 'unreachable' | 'lose_answer';

/** Things tests assert happened, in order. */
export type MockTrayEvent =
  | {
      type: 'updateSolutionInstance';
      solutionInstanceId: string;
      input: Record<string, unknown>;
      outcome: 'updated' | 'missing_values' | 'forbidden' | 'not_found' | 'invalid_input';
    }
  | { type: 'authorize'; userId: string }
  | { type: 'authorizationCodeIssued'; userId: string }
  | { type: 'wizardSessionStarted'; solutionInstanceId: string; userId: string }
  | { type: 'wizardSaved'; solutionInstanceId: string; configValues: Record<string, string>; authValues?: Record<string, string> }
  | { type: 'consentShown'; service: string; userId: string }
  | { type: 'authenticationConnected'; authId: string; userId: string; mode: 'created' | 'updated' };

export type MockTrayEventType = MockTrayEvent['type'];
