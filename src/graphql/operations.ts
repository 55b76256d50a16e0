import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  SolutionInstanceQueryData,
  SolutionInstanceQueryVariables,
  UpdateSolutionInstanceData,
  UpdateSolutionInstanceVariables,
} from './types.js';

/**
 * One instance by id, with what the enabler shows (id, name, enabled) and its solution's custom
 * fields (`disableAutoEnable`). Views that show more
 * ask for more in their own documents; the Apollo cache merges them by id. Documents are
 * written compactly because their text ships inside the widget's bundle. Tray's criteria `id` is a `String`, not an `ID`: a variable declared
 * `$id: ID!` fails validation there (see shared/reference/tray-embedded.md).
 */
export const SOLUTION_INSTANCE_QUERY: TypedDocumentNode<
  SolutionInstanceQueryData,
  SolutionInstanceQueryVariables
> = gql`
query SolutionInstance($id: String!) {
viewer { solutionInstances(criteria: { id: $id }) { edges { node { id name enabled solution { id customFields { key value } } } } } }
}`;

/**
 * Enable or disable (and rename) an instance. Enabling always passes
 * `errorOnEnablingWithMissingValues: true`, so Tray refuses a half-configured instance
 * instead of enabling it; see `enableInput`.
 */
export const UPDATE_SOLUTION_INSTANCE: TypedDocumentNode<
  UpdateSolutionInstanceData,
  UpdateSolutionInstanceVariables
> = gql`
mutation UpdateSolutionInstance($input: UpdateSolutionInstanceInput!) {
updateSolutionInstance(input: $input) { solutionInstance { id name enabled } }
}`;
