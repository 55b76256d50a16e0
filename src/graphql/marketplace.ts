import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AuthValue, Connection, CustomField, SolutionInstance, UpdateSolutionInstanceInput } from './types.js';

/** A solution as the catalog shows it. */
export interface MarketplaceSolution {
  __typename?: 'Solution';
  id: string;
  title: string;
  description: string | null;
  tags: string[];
  /** `image`, `forceUnique`, `disableAutoEnable` and the partner's own (see core/solutionFields.ts). */
  customFields?: CustomField[];
}

export interface SolutionsQueryData {
  viewer: { solutions: Connection<MarketplaceSolution> };
}

export interface SolutionsQueryVariables {
  /** Solutions having every one of these tags; omit for all. */
  tags?: string[] | null;
  first?: number;
  after?: string | null;
}

export interface SolutionInstancesQueryData {
  viewer: { solutionInstances: Connection<SolutionInstance> };
}

export interface SolutionInstancesQueryVariables {
  first?: number;
  after?: string | null;
}

export interface InstanceMutationValues {
  authValues?: AuthValue[];
  /** Values JSON-encoded in a string, as Tray wants them: `'"#alerts"'`, `'true'`. */
  configValues?: Array<{ externalId: string; value: string }>;
}

export interface CreateSolutionInstanceVariables {
  input: { solutionId: string; instanceName: string } & InstanceMutationValues;
}

export interface UpgradeSolutionInstanceVariables {
  input: { solutionInstanceId: string } & InstanceMutationValues;
}

export interface RemoveSolutionInstanceVariables {
  input: { solutionInstanceId: string };
}

type Payload<Field extends string> = { [K in Field]: { solutionInstance: SolutionInstance } | null };

// Every mutation answers with the same instance fields the list shows, so the Apollo cache
// (normalised by id) takes the server's answer and every view of that instance follows.
// `authValues` and the solution's `authSlots` are what Reconnect needs (one button per slot,
// the others kept when one changes).
const INSTANCE_FIELDS = `id name enabled created solution { id title authSlots { externalId title } customFields { key value } }
authValues { externalId authId }
solutionVersionFlags { hasNewerVersion requiresUserInputToUpdateVersion requiresSystemInputToUpdateVersion }`;

/** The catalog: `viewer.solutions`, filtered by tags, a page at a time. */
export const MARKETPLACE_SOLUTIONS_QUERY: TypedDocumentNode<SolutionsQueryData, SolutionsQueryVariables> = gql`
query MarketplaceSolutions($tags: [String!], $first: Int, $after: String) {
viewer { solutions(criteria: { tags: $tags }, first: $first, after: $after) {
edges { node { id title description tags customFields { key value } } cursor } pageInfo { endCursor hasNextPage } } }
}`;

/** The signed-in user's instances, a page at a time (the handler runs it with their token). */
export const MARKETPLACE_INSTANCES_QUERY: TypedDocumentNode<SolutionInstancesQueryData, SolutionInstancesQueryVariables> = gql`
query MarketplaceSolutionInstances($first: Int, $after: String) {
viewer { solutionInstances(first: $first, after: $after) {
edges { node { ${INSTANCE_FIELDS} } cursor } pageInfo { endCursor hasNextPage } totalCount } }
}`;

export const CREATE_SOLUTION_INSTANCE: TypedDocumentNode<Payload<'createSolutionInstance'>, CreateSolutionInstanceVariables> = gql`
mutation MarketplaceCreateSolutionInstance($input: CreateSolutionInstanceInput!) {
createSolutionInstance(input: $input) { solutionInstance { ${INSTANCE_FIELDS} } }
}`;

/** Enable (always through `enableInput`), disable or rename; answers with the list's fields. */
export const MARKETPLACE_UPDATE_SOLUTION_INSTANCE: TypedDocumentNode<
  Payload<'updateSolutionInstance'>,
  { input: UpdateSolutionInstanceInput }
> = gql`
mutation MarketplaceUpdateSolutionInstance($input: UpdateSolutionInstanceInput!) {
updateSolutionInstance(input: $input) { solutionInstance { ${INSTANCE_FIELDS} } }
}`;

/** Moves an instance to its solution's newest version; the version flags clear. */
export const UPGRADE_SOLUTION_INSTANCE: TypedDocumentNode<Payload<'upgradeSolutionInstance'>, UpgradeSolutionInstanceVariables> = gql`
mutation MarketplaceUpgradeSolutionInstance($input: UpgradeSolutionInstanceInput!) {
upgradeSolutionInstance(input: $input) { solutionInstance { ${INSTANCE_FIELDS} } }
}`;

export const REMOVE_SOLUTION_INSTANCE: TypedDocumentNode<
  { removeSolutionInstance: { clientMutationId: string | null } | null },
  RemoveSolutionInstanceVariables
> = gql`
mutation MarketplaceRemoveSolutionInstance($input: RemoveSolutionInstanceInput!) {
removeSolutionInstance(input: $input) { clientMutationId }
}`;

/** The operation name of `MARKETPLACE_INSTANCES_QUERY`, for `refetchQueries`. */
export const MARKETPLACE_INSTANCES_OPERATION = 'MarketplaceSolutionInstances';
