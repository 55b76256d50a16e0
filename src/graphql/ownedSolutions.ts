import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Connection } from './types.js';

export interface OwnedSolutionsQueryData {
  viewer: { solutionInstances: Connection<{ id: string; solution: { id: string } }> };
}

// The catalog's `forceUnique`: which solutions the signed-in user already has an instance of.
// One page of 100 (the handler runs it with the user's token); a user with more instances than
// that may see "Add" on a solution they have, and Tray then holds two.
/** The solution ids of the signed-in user's instances. */
export const OWNED_SOLUTIONS_QUERY: TypedDocumentNode<OwnedSolutionsQueryData, Record<string, never>> = gql`
query MarketplaceOwnedSolutions {
viewer { solutionInstances(first: 100) { edges { node { id solution { id } } } } }
}`;
