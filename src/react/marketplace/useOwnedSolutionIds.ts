import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef } from 'react';
import { OWNED_SOLUTIONS_QUERY } from '../../graphql/ownedSolutions.js';

/**
 * The ids of the solutions the user already has an instance of, read only while `isNeeded`
 * (some shown solution is `forceUnique`), and read again whenever `changedInstanceId` changes
 * (the catalog's Add created or removed one).
 */
export function useOwnedSolutionIds(isNeeded: boolean, changedInstanceId: string | null): ReadonlySet<string> {
  const query = useQuery(OWNED_SOLUTIONS_QUERY, { skip: !isNeeded, fetchPolicy: 'cache-and-network' });
  const last = useRef(changedInstanceId);
  const { refetch } = query;
  useEffect(() => {
    if (last.current === changedInstanceId) return;
    last.current = changedInstanceId;
    if (isNeeded) void refetch().catch(() => undefined);
  }, [changedInstanceId, isNeeded, refetch]);
  const edges = query.data?.viewer.solutionInstances.edges;
  return useMemo(() => new Set((edges ?? []).map((edge) => edge.node.solution.id)), [edges]);
}
