/**
 * The subset of Tray Embedded's GraphQL schema this project uses, written from
 * shared/reference/tray-embedded.md. Tests validate every operation against it, the mock
 * Tray serves it, and the server handler's allow-list names its root fields.
 * Kept as a string so importing it costs nothing until someone calls `buildSchema`.
 */
export const traySchemaSDL = /* GraphQL */ `
scalar Json
scalar DateTime

type Query {
  viewer: Viewer!
  users(criteria: UserSearchCriteria, first: Int, last: Int, before: String, after: String): UserConnection!
}

type Mutation {
  createExternalUser(input: CreateExternalUserInput!): CreateExternalUserPayload
  removeExternalUser(input: RemoveExternalUserInput!): RemoveExternalUserPayload
  authorize(input: AuthorizeInput!): AuthorizePayload
  generateAuthorizationCode(input: GenerateAuthorizationCodeInput!): GenerateAuthorizationCodePayload
  createUserAuthentication(input: CreateUserAuthenticationInput!): CreateUserAuthenticationPayload
  removeAuthentication(input: RemoveAuthenticationInput!): RemoveAuthenticationPayload
  callConnector(input: CallConnectorInput!): CallConnectorPayload
  createSolutionInstance(input: CreateSolutionInstanceInput!): CreateSolutionInstancePayload
  updateSolutionInstance(input: UpdateSolutionInstanceInput!): UpdateSolutionInstancePayload
  upgradeSolutionInstance(input: UpgradeSolutionInstanceInput!): UpgradeSolutionInstancePayload
  removeSolutionInstance(input: RemoveSolutionInstanceInput!): RemoveSolutionInstancePayload
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
  authentications(first: Int, after: String): AuthenticationConnection!
  details: ViewerDetails
}

type ViewerDetails {
  username: String
  email: String
  name: String
}

input SolutionSearchCriteria {
  tags: [String!]
}

input SolutionInstanceSearchCriteria {
  id: String
  name: String
  owner: String
  solutionId: String
}

type SolutionConnection {
  edges: [SolutionEdge!]!
  pageInfo: PageInfo!
}

type SolutionEdge {
  node: Solution!
  cursor: String!
}

type Solution {
  id: ID!
  title: String!
  description: String
  tags: [String!]!
  customFields: [CustomField!]!
  configSlots: [ConfigSlot!]!
  authSlots: [AuthSlot!]!
}

type CustomField {
  key: String!
  value: String
}

type ConfigSlot {
  externalId: String!
  title: String!
  defaultValue: Json
}

type AuthSlot {
  externalId: String!
  title: String!
}

type SolutionInstanceConnection {
  edges: [SolutionInstanceEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

type SolutionInstanceEdge {
  node: SolutionInstance!
  cursor: String!
}

type SolutionInstance {
  id: ID!
  name: String!
  enabled: Boolean!
  created: DateTime!
  owner: String!
  solution: Solution!
  authValues: [AuthValueOutput!]!
  configValues: [ConfigValueOutput!]!
  workflows: WorkflowConnection!
  solutionVersionFlags: SolutionVersionFlags!
}

type AuthValueOutput {
  externalId: String!
  authId: String!
}

type ConfigValueOutput {
  externalId: String!
  value: Json
}

type WorkflowConnection {
  edges: [WorkflowEdge!]!
}

type WorkflowEdge {
  node: Workflow!
}

type Workflow {
  id: ID!
  sourceWorkflowId: ID!
  sourceWorkflowName: String
  triggerUrl: String
}

type SolutionVersionFlags {
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
  cursor: String!
}

type Authentication {
  id: ID!
  name: String!
  service: Service
}

type Service {
  id: ID!
  name: String!
}

input UserSearchCriteria {
  name: String
  externalUserId: String
}

type UserConnection {
  edges: [UserEdge!]!
  pageInfo: PageInfo!
}

type UserEdge {
  node: User!
  cursor: String!
}

type User {
  id: ID!
  name: String!
  externalUserId: String!
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
  userId: ID!
  serviceEnvironmentId: ID!
  data: Json!
  clientMutationId: String
}

type CreateUserAuthenticationPayload {
  authenticationId: ID!
  clientMutationId: String
}

input RemoveAuthenticationInput {
  authenticationId: ID!
  clientMutationId: String
}

type RemoveAuthenticationPayload {
  clientMutationId: String
}

input CallConnectorInput {
  connector: String!
  version: String!
  action: String!
  input: Json!
  authId: String
}

type CallConnectorPayload {
  output: Json
}
`;
