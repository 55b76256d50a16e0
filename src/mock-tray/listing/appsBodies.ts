import { isPlainObject } from '../../listing/json.js';
import { isSemver } from '../../listing/semver.js';
import type { SolutionApp } from '../../listing/types.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function applicationsOf(body: unknown): Parsed<unknown[]> {
  if (!isPlainObject(body) || !Array.isArray(body.applications)) {
    return { ok: false, error: 'The body must be { "applications": [ … ] }.' };
  }
  if (body.applications.length === 0) {
    return { ok: false, error: 'applications: empty arrays are not accepted. List at least one app.' };
  }
  return { ok: true, value: body.applications };
}

function isOptionalOrder(value: unknown): boolean {
  return value === undefined || value === null || (Number.isInteger(value) && (value as number) >= 0);
}

/** AddAppsListing: `listingId` and `semver` are required for every app. */
export function parseAddApps(body: unknown): Parsed<SolutionApp[]> {
  const list = applicationsOf(body);
  if (!list.ok) return list;
  const apps: SolutionApp[] = [];
  for (const [index, item] of list.value.entries()) {
    const at = `applications[${index}]`;
    if (!isPlainObject(item)) return { ok: false, error: `${at} must be an object.` };
    const { listingId, semver, displayOrder, initSequence } = item;
    if (typeof listingId !== 'string' || listingId === '') return { ok: false, error: `${at}.listingId is required.` };
    if (typeof semver !== 'string' || semver === '') return { ok: false, error: `${at}.semver is required.` };
    if (!isSemver(semver)) return { ok: false, error: `${at}.semver "${semver}" is not a valid semantic version.` };
    if (!isOptionalOrder(displayOrder)) return { ok: false, error: `${at}.displayOrder must be a whole number of 0 or more.` };
    if (!isOptionalOrder(initSequence)) return { ok: false, error: `${at}.initSequence must be a whole number of 0 or more.` };
    const app: SolutionApp = { listingId, semver };
    if (typeof displayOrder === 'number') app.displayOrder = displayOrder;
    if (typeof initSequence === 'number') app.initSequence = initSequence;
    apps.push(app);
  }
  return { ok: true, value: apps };
}

/** DeleteAppsListing: `{ applications: [{ listingId }] }`. */
export function parseRemoveApps(body: unknown): Parsed<string[]> {
  const list = applicationsOf(body);
  if (!list.ok) return list;
  const ids: string[] = [];
  for (const [index, item] of list.value.entries()) {
    if (!isPlainObject(item) || typeof item.listingId !== 'string' || item.listingId === '') {
      return { ok: false, error: `applications[${index}].listingId is required.` };
    }
    ids.push(item.listingId);
  }
  return { ok: true, value: ids };
}
