import type { TrayHandlerLogger } from './options.js';
import type { TrayResult } from './trayClient.js';

/**
 * What Tray does with `solutionInstances(criteria: { id })`, which is unconfirmed
 * (shared/reference/tray-fidelity.md): the filter is in one public copy of Tray's SDL, but not in
 * its current docs, and no public caller uses it. Tray may honour it, ignore it (answer with all
 * of the user's instances) or reject it (a validation error naming `id`). Lookups never trust it
 * alone: they compare ids, and once Tray has ignored or rejected it they page through the
 * user's instances instead (Tray's own newer sample finds one instance that way).
 */
export type CriteriaIdBehaviour = 'honoured' | 'ignored' | 'rejected';

export interface CriteriaIdMemory {
  /** What Tray last showed; `undefined` until a lookup has told. */
  readonly seen: CriteriaIdBehaviour | undefined;
  /** True while asking with `criteria: { id }` is worth a try (never seen ignored or rejected). */
  readonly worthTrying: boolean;
  learn(behaviour: CriteriaIdBehaviour): void;
}

/** One per handler: every lookup it makes teaches the next. */
export function createCriteriaIdMemory(logger: TrayHandlerLogger): CriteriaIdMemory {
  let seen: CriteriaIdBehaviour | undefined;
  return {
    get seen() {
      return seen;
    },
    get worthTrying() {
      return seen === undefined || seen === 'honoured';
    },
    learn(behaviour) {
      if (behaviour === seen) return;
      // An id that matched proves little once Tray has shown it drops the filter.
      if (behaviour === 'honoured' && seen !== undefined) return;
      seen = behaviour;
      if (behaviour !== 'honoured') {
        logger.warn(`Tray ${behaviour} solutionInstances(criteria: { id }); looking instances up by paging through the user's instances from now on.`);
      }
    },
  };
}

/** Instances per page when paging through a user's instances, as Tray's own sample does. */
export const INSTANCES_PAGE_SIZE = 100;
/** Pages read at most for one lookup (10,000 instances): past that the id counts as not found. */
export const MAX_INSTANCE_PAGES = 100;

/**
 * Tray refused the document because the criteria has no `id`: no data, and an error naming both
 * (graphql-js: `Field "id" is not defined by type "SolutionInstanceSearchCriteria".`).
 */
export function isCriteriaIdRejected(result: TrayResult): boolean {
  const { data, errors } = result.body;
  if ((data !== undefined && data !== null) || !Array.isArray(errors)) return false;
  return errors.some((error) => {
    const message = typeof error?.message === 'string' ? error.message : '';
    return /\bid\b/.test(message) && /criteria/i.test(message);
  });
}
