import { isSemver } from './semver.js';
import type { ListingIssue, ListingIssueCode, SolutionListing } from './types.js';

type Report = (field: string, code: ListingIssueCode, message: string, value?: string) => void;

/**
 * Checks a listing before anything is sent and returns every problem found (an empty array
 * means valid). Each message names its field and says how to fix it.
 *
 * `before`, the listing as the server has it, makes two checks exact: removing a required
 * text is reported as "cannot be removed", and `type` (read-only, set at registration) is
 * taken from `before` when the edited listing does not carry it.
 */
export function validateListing(listing: SolutionListing, before?: SolutionListing): ListingIssue[] {
  const issues: ListingIssue[] = [];
  const report: Report = (field, code, message, value) => issues.push(value === undefined ? { field, code, message } : { field, code, message, value });

  const { displayName, shortDescription } = listing;
  requiredText(displayName, 'displayName', 'the name shown in the Marketplace and Console', before?.displayName, report);
  requiredText(shortDescription, 'shortDescription', 'a short description for the Marketplace', before?.shortDescription, report);
  checkVisibility(listing, report);
  checkTags(listing.categories, 'categories', 'a category', report);
  checkTags(listing.supportedCountries, 'supportedCountries', 'a country', report);
  checkUrls(listing, report);
  checkApi(listing, listing.type ?? before?.type, report);
  checkSystemAppSettings(listing, report);
  checkApps(listing, report);
  return issues;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function requiredText(value: unknown, field: string, what: string, previous: unknown, report: Report): void {
  if (!isBlank(value)) return;
  const removed = !isBlank(previous);
  report(field, removed ? 'cannotRemove' : 'required', `${field} ${removed ? 'cannot be removed' : 'is required'}: enter ${what}.`);
}

/** Absolute http(s) only: `new URL` alone would accept `https:example.com` or `javascript:`. */
function isAbsoluteHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]/i.test(value) || /\s/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function checkHttpUrl(value: unknown, field: string, report: Report): void {
  if (isBlank(value)) report(field, 'required', `${field} is required: enter an address such as https://example.com/docs.`);
  else if (!isAbsoluteHttpUrl(value as string)) {
    report(field, 'notHttpUrl', `${field} must be an absolute http(s) URL such as https://example.com/docs.`, value as string);
  }
}

function checkVisibility({ visibility }: SolutionListing, report: Report): void {
  if (!visibility) return;
  const isPublic = visibility.isPrivate === false;
  const { permissionType, orgIdentifiers = [] } = visibility;
  if (permissionType !== undefined && permissionType !== 'ALLOW' && permissionType !== 'DENY') {
    report('visibility.permissionType', 'invalidChoice', 'visibility.permissionType must be ALLOW or DENY.', String(permissionType));
  } else if (permissionType !== undefined && !isPublic) {
    report(
      'visibility.permissionType',
      'publicOnly',
      'visibility.permissionType applies only when visibility.isPrivate is false: make the solution public or remove the permission type.',
    );
  }
  if (orgIdentifiers.length > 0 && !isPublic) {
    report(
      'visibility.orgIdentifiers',
      'publicOnly',
      'visibility.orgIdentifiers applies only when visibility.isPrivate is false: make the solution public or remove the organizations.',
    );
  }
  checkTags(orgIdentifiers, 'visibility.orgIdentifiers', 'an organization short name', report);
}

/** Free-form string lists: no empty entries, no duplicates. */
function checkTags(values: readonly string[] | undefined, field: string, what: string, report: Report): void {
  const seen = new Set<string>();
  values?.forEach((value, index) => {
    const path = `${field}[${index}]`;
    if (isBlank(value)) report(path, 'empty', `${path} is empty: enter ${what} or remove the entry.`);
    else if (seen.has(value)) report(path, 'duplicate', `${path} repeats "${value}": remove the duplicate.`, value);
    seen.add(value);
  });
}

function checkUrls({ solnUrls }: SolutionListing, report: Report): void {
  const names = new Set<string>();
  solnUrls?.forEach((entry, index) => {
    const path = `solnUrls[${index}]`;
    if (isBlank(entry.name)) report(`${path}.name`, 'required', `${path}.name is required: give the URL a name such as Docs.`);
    else if (names.has(entry.name)) report(`${path}.name`, 'duplicate', `${path}.name repeats "${entry.name}": each URL needs its own name.`, entry.name);
    names.add(entry.name);
    checkHttpUrl(entry.url, `${path}.url`, report);
  });
}

function checkApi({ api }: SolutionListing, type: SolutionListing['type'], report: Report): void {
  if (!api) {
    if (type === 'API') report('api', 'requiredForApiType', 'api is required for a solution of type API: enter the API base URL and details.');
    return;
  }
  checkHttpUrl(api.apiBaseUrl, 'api.apiBaseUrl', report);
  if (isBlank(api.apiDetails)) report('api.apiDetails', 'required', 'api.apiDetails is required: describe the API or link its documentation.');
}

function checkSystemAppSettings({ systemAppSettings }: SolutionListing, report: Report): void {
  systemAppSettings?.forEach((setting, index) => {
    const path = `systemAppSettings[${index}]`;
    if (isBlank(setting.appUrn)) report(`${path}.appUrn`, 'required', `${path}.appUrn is required: enter the app URN, e.g. platform:app:mts.`);
    const url = setting.settingsUrl;
    // Relative to the Console: one leading slash; `//host` would be protocol-relative.
    if (url !== undefined && url !== '' && (!url.startsWith('/') || url.startsWith('//') || /\s/.test(url))) {
      report(`${path}.settingsUrl`, 'notRelativePath', `${path}.settingsUrl must be a relative path starting with "/", e.g. /app/mts/settings.`, url);
    }
  });
}

function checkApps({ apps }: SolutionListing, report: Report): void {
  const ids = new Set<string>();
  apps?.forEach((app, index) => {
    const path = `apps[${index}]`;
    if (isBlank(app.listingId)) report(`${path}.listingId`, 'required', `${path}.listingId is required: enter the app's listing id.`);
    else if (ids.has(app.listingId)) report(`${path}.listingId`, 'duplicate', `${path}.listingId repeats "${app.listingId}": each app appears once.`, app.listingId);
    ids.add(app.listingId);
    if (isBlank(app.semver)) report(`${path}.semver`, 'required', `${path}.semver is required: enter the app version, e.g. 1.0.2.`);
    else if (!isSemver(app.semver)) {
      const hint = 'use MAJOR.MINOR.PATCH, e.g. 1.0.2 or 1.1.0-beta.1';
      report(`${path}.semver`, 'notSemver', `${path}.semver "${app.semver}" is not a valid semantic version: ${hint}.`, app.semver);
    }
    for (const key of ['displayOrder', 'initSequence'] as const) {
      const value = app[key];
      if (value !== undefined && value !== null && !(Number.isInteger(value) && value >= 0)) {
        report(`${path}.${key}`, 'notWholeNumber', `${path}.${key} must be a whole number of 0 or more.`, String(value));
      }
    }
  });
}
