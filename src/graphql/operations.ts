import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  SolutionInstanceQueryData,
  SolutionInstanceQueryVariables,
  UpdateSolutionInstanceData,
  UpdateSolutionInstanceVariables,
} from './types.js';

/** Every field the widgets show of an instance; one fragment so the Apollo cache stays whole. */
export const SOLUTION_INSTANCE_FIELDS = gql`
  fragment SolutionInstanceFields on SolutionInstance {
    id
    name
    enabled
    created
    solution {
      id
      title
    }
    solutionVersionFlags {
      hasNewerVersion
      requiresUserInputToUpdateVersion
      requiresSystemInputToUpdateVersion
    }
  }
`;

/**
 * One instance by id. Tray's criteria `id` is a `String`, not an `ID`: a variable declared
 * `$id: ID!` fails validation there (see shared/reference/tray-embedded.md).
 */
export const SOLUTION_INSTANCE_QUERY: TypedDocumentNode<
  SolutionInstanceQueryData,
  SolutionInstanceQueryVariables
> = gql`
  query SolutionInstance($id: String!) {
    viewer {
      solutionInstances(criteria: { id: $id }, first: 1) {
        edges {
          node {
            ...SolutionInstanceFields
          }
        }
      }
    }
  }
  ${SOLUTION_INSTANCE_FIELDS}
`;

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
    updateSolutionInstance(input: $input) {
      solutionInstance {
        ...SolutionInstanceFields
      }
    }
  }
  ${SOLUTION_INSTANCE_FIELDS}
`;
