/**
 * Tray Embedded's external GraphQL schema, with Tray's own type names and nullability
 * (shared/reference/tray-fidelity.md, from a public copy of Tray's SDL), plus `Solution.authSlots`,
 * which Tray's current example queries use but that copy predates. Tests validate every operation against it, the mock
 * Tray serves it, and the server handler's allow-list names its root fields.
 * Kept as a string so importing it costs nothing until someone calls `buildSchema`.
 */
export const traySchemaSDL = /* GraphQL */ `
scalar Json
# An ISO-8601 encoded UTC date as a string.
scalar DateTime

interface Node {
  id: ID!
}

type Query {
  viewer: Viewer!
  users(criteria: UserSearchCriteria, first: Int, last: Int, before: String, after: String): UserConnection!
}

type Mutation {
  createSolutionInstance(input: CreateSolutionInstanceInput!): CreateSolutionInstancePayload!
  updateSolutionInstance(input: UpdateSolutionInstanceInput!): UpdateSolutionInstancePayload!
  upgradeSolutionInstance(input: UpgradeSolutionInstanceInput!): UpgradeSolutionInstancePayload!
  removeSolutionInstance(input: RemoveSolutionInstanceInput!): RemoveSolutionInstancePayload!
  createExternalUser(input: CreateExternalUserInput!): CreateExternalUserPayload!
  removeExternalUser(input: RemoveExternalUserInput!): RemoveExternalUserPayload!
  authorize(input: AuthorizeInput!): AuthorizePayload!
  generateAuthorizationCode(input: GenerateAuthorizationCodeInput!): GenerateAuthorizationCodePayload!
  createUserAuthentication(input: CreateUserAuthenticationInput!): CreateUserAuthenticationPayload!
  removeAuthentication(input: RemoveUserAuthenticationInput!): RemoveUserAuthenticationPayload!
  callConnector(input: ConnectorCallInput!): ConnectorCallPayload!
}

type PageInfo {
  endCursor: String
  hasNextPage: Boolean!
  startCursor: String
  hasPreviousPage: Boolean!
}

type Viewer {
  solutions(criteria: SolutionSearchCriteria, first: Int, last: Int, before: String, after: String): SolutionConnection!
  solutionInstances(criteria: SolutionInstanceSearchCriteria, first: Int, last: Int, before: String, after: String): SolutionInstanceConnection!
  # The viewer's connected accounts. No arguments: Tray answers them all at once.
  authentications: AuthenticationConnection!
  details: UserDetails!
}

type UserDetails {
  username: String!
  email: String!
  name: String!
}

input SolutionSearchCriteria {
  tags: [String!]
}

input SolutionInstanceSearchCriteria {
  id: String
  name: String
  # Master token only.
  owner: String
  solutionId: String
}

type SolutionConnection {
  edges: [SolutionConnectionEdge!]!
  pageInfo: PageInfo!
}

type SolutionConnectionEdge {
  node: Solution!
  cursor: String!
}

type Solution implements Node {
  id: ID!
  title: String!
  description: String
  tags: [String!]!
  customFields: [CustomField!]!
  configSlots: [ConfigSlot!]!
  # In Tray's current example queries, not in the older SDL copy.
  authSlots: [AuthSlot!]!
}

type CustomField {
  key: String!
  value: String!
}

type ConfigSlot {
  externalId: String!
  title: String!
  defaultValue: Json!
}

type AuthSlot {
  externalId: String!
  title: String!
}

type SolutionInstanceConnection {
  edges: [SolutionInstanceConnectionEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

type SolutionInstanceConnectionEdge {
  node: SolutionInstance!
  cursor: String!
}

type SolutionInstance implements Node {
  id: ID!
  solution: Solution!
  name: String!
  enabled: Boolean!
  authValues: [AuthSlotValue!]!
  configValues: [ConfigSlotValue!]!
  workflows: WorkflowInstanceConnection!
  solutionVersionFlags: SolutionInstanceSolutionVersionFlags!
  created: DateTime!
  owner: String!
}

type AuthSlotValue {
  externalId: String!
  authId: String!
}

type ConfigSlotValue {
  externalId: String!
  value: Json
}

type WorkflowInstanceConnection {
  edges: [WorkflowInstanceConnectionEdge!]!
}

type WorkflowInstanceConnectionEdge {
  node: WorkflowInstance!
}

type WorkflowInstance implements Node {
  id: ID!
  sourceWorkflowId: String!
  sourceWorkflowName: String!
  triggerUrl: String
}

type SolutionInstanceSolutionVersionFlags {
  hasNewerVersion: Boolean!
  requiresUserInputToUpdateVersion: Boolean!
  requiresSystemInputToUpdateVersion: Boolean!
}

type AuthenticationConnection {
  edges: [AuthenticationEdge!]!
  pageInfo: PageInfo!
}

type AuthenticationEdge {
  node: Authentication!
}

type Authentication implements Node {
  id: ID!
  name: String!
  customFields: Json
  service: Service!
  serviceEnvironment: ServiceEnvironment!
}

type Service implements Node {
  id: ID!
  name: String!
  version: String!
  title: String!
  icon: String!
}

type ServiceEnvironment implements Node {
  id: ID!
  name: String! @deprecated(reason: "Use id to identify the environment and title to show it.")
  title: String!
}

input UserSearchCriteria {
  externalUserId: String
  name: String
  userId: String
}

type UserConnection {
  edges: [UserConnectionEdge!]!
  pageInfo: PageInfo!
}

type UserConnectionEdge {
  node: ExternalUser!
  cursor: String!
}

interface User {
  id: ID!
}

# A user of the partner's own app.
type ExternalUser implements User & Node {
  id: ID!
  name: String!
  externalUserId: String
}

input AuthValue {
  externalId: String!
  authId: String!
}

input ConfigValue {
  externalId: String!
  value: Json
}

input CreateSolutionInstanceInput {
  solutionId: ID!
  instanceName: String!
  authValues: [AuthValue!]
  configValues: [ConfigValue!]
  clientMutationId: String
}

type CreateSolutionInstancePayload {
  solutionInstance: SolutionInstance!
  clientMutationId: String
}

input UpdateSolutionInstanceInput {
  solutionInstanceId: ID!
  instanceName: String
  enabled: Boolean
  authValues: [AuthValue!]
  configValues: [ConfigValue!]
  errorOnEnablingWithMissingValues: Boolean
  clientMutationId: String
}

type UpdateSolutionInstancePayload {
  solutionInstance: SolutionInstance!
  clientMutationId: String
}

input UpgradeSolutionInstanceInput {
  solutionInstanceId: ID!
  authValues: [AuthValue!]
  configValues: [ConfigValue!]
  clientMutationId: String
}

type UpgradeSolutionInstancePayload {
  solutionInstance: SolutionInstance!
  clientMutationId: String
}

input RemoveSolutionInstanceInput {
  solutionInstanceId: ID!
  clientMutationId: String
}

type RemoveSolutionInstancePayload {
  clientMutationId: String
}

input CreateExternalUserInput {
  name: String!
  externalUserId: String!
  clientMutationId: String
}

type CreateExternalUserPayload {
  userId: ID!
  clientMutationId: String
}

input RemoveExternalUserInput {
  userId: ID!
  clientMutationId: String
}

type RemoveExternalUserPayload {
  clientMutationId: String
}

input AuthorizeInput {
  userId: ID!
  clientMutationId: String
}

type AuthorizePayload {
  accessToken: String!
  clientMutationId: String
}

input GenerateAuthorizationCodeInput {
  userId: ID!
  clientMutationId: String
}

type GenerateAuthorizationCodePayload {
  authorizationCode: String!
  clientMutationId: String
}

input CreateUserAuthenticationInput {
  name: String!
  serviceId: String!
  serviceEnvironmentId: String!
  data: Json!
  formData: Json
  scopes: [String!]
  hidden: Boolean
  clientMutationId: String
}

type CreateUserAuthenticationPayload {
  authenticationId: String!
  clientMutationId: String
}

input RemoveUserAuthenticationInput {
  authenticationId: ID!
  clientMutationId: String
}

type RemoveUserAuthenticationPayload {
  clientMutationId: String
}

input ConnectorCallInput {
  connector: String!
  version: String!
  operation: String!
  authId: String
  input: Json!
  clientMutationId: String
}

type ConnectorCallPayload {
  output: Json!
  clientMutationId: String
}
`;
