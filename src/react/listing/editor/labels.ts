import type { SaveStep } from '../../../listing/planListingSave.js';
import type { ListingIssueCode } from '../../../listing/types.js';
import { mergeLabels, type LabelsInput } from '../../mergeLabels.js';

/** Every visible string of `SolutionListingEditor`; pass any subset as `labels` to replace them. */
export interface ListingEditorLabels {
  heading: string;
  loading: string;
  loadFailed: string;
  retry: string;
  displayName: string;
  shortDescription: string;
  longDescription: string;
  isConsoleCompatible: string;
  productFamily: string;
  visibility: string;
  visibilityNotSet: string;
  visibilityPublic: string;
  visibilityPrivate: string;
  permissionType: string;
  permissionNone: string;
  orgIdentifiers: string;
  categories: string;
  supportedCountries: string;
  solnUrls: string;
  api: string;
  apiBaseUrl: string;
  apiDetails: string;
  systemAppSettings: string;
  apps: string;
  /** The noun of one item of each list, used in "Add URL", "Move URL 2 up", "URL 2 name". */
  nouns: Record<'url' | 'category' | 'country' | 'organization' | 'setting' | 'app', string>;
  /** Sub-field names of list items, e.g. "URL 2 address". */
  itemFields: Record<
    'name' | 'address' | 'appUrn' | 'displayName' | 'settingsUrl' | 'listingId' | 'semver' | 'displayOrder' | 'initSequence',
    string
  >;
  add: (noun: string) => string;
  remove: (noun: string, name: string) => string;
  moveUp: (noun: string, position: number) => string;
  moveDown: (noun: string, position: number) => string;
  /** The label of a list item's input, e.g. "URL 2 name" or, without a field, "Category 2". */
  item: (noun: string, position: number, field?: string) => string;
  review: string;
  reviewHeading: string;
  reviewIntro: string;
  noChanges: string;
  backToEditing: string;
  save: string;
  saving: string;
  fixProblems: string;
  /**
   * One problem, as the problem list and the field say it: `where` is the field's label or the
   * list entry ("Display name", "URL 2"), `problem` the sentence from `problems`.
   * @default (where, problem) => `${where}: ${problem}`
   */
  issue: (where: string, problem: string) => string;
  /** Each problem's sentence; `subject` is "the address", "this field" or "this entry" (see `subject`), `value` the offending one. */
  problems: Record<ListingIssueCode, (subject: string, value: string) => string>;
  /** The subject of a sentence about an entry's field ("the address"), or about a whole field or entry. */
  subject: (itemField: string | undefined, isEntry: boolean) => string;
  unsavedChanges: string;
  saved: string;
  saveFailed: string;
  steps: Record<SaveStep, string>;
  stepDone: string;
  stepFailed: string;
  stepSkipped: string;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const defaultListingEditorLabels: ListingEditorLabels = {
  heading: 'Solution listing',
  loading: 'Loading the listing…',
  loadFailed: 'The listing could not be loaded.',
  retry: 'Try again',
  displayName: 'Display name',
  shortDescription: 'Short description',
  longDescription: 'Long description',
  isConsoleCompatible: 'Console compatible',
  productFamily: 'Product family',
  visibility: 'Visibility',
  visibilityNotSet: 'Not set',
  visibilityPublic: 'Public: listed in the Marketplace',
  visibilityPrivate: 'Private: by subscription only',
  permissionType: 'Permission for the listed organizations',
  permissionNone: 'None',
  orgIdentifiers: 'Organizations',
  categories: 'Categories',
  supportedCountries: 'Supported countries',
  solnUrls: 'Solution URLs',
  api: 'API',
  apiBaseUrl: 'API base URL',
  apiDetails: 'API details',
  systemAppSettings: 'System app settings',
  apps: 'Apps',
  nouns: { url: 'URL', category: 'category', country: 'country', organization: 'organization', setting: 'setting', app: 'app' },
  itemFields: {
    name: 'name',
    address: 'address',
    appUrn: 'app URN',
    displayName: 'display name',
    settingsUrl: 'settings URL',
    listingId: 'listing ID',
    semver: 'semver',
    displayOrder: 'display order',
    initSequence: 'init sequence',
  },
  add: (noun) => `Add ${noun}`,
  remove: (noun, name) => `Remove ${noun} ${name}`,
  moveUp: (noun, position) => `Move ${noun} ${position} up`,
  moveDown: (noun, position) => `Move ${noun} ${position} down`,
  item: (noun, position, field) => `${capitalize(noun)} ${position}${field ? ` ${field}` : ''}`,
  review: 'Review changes',
  reviewHeading: 'Review changes',
  reviewIntro: 'Save sends these requests, in this order:',
  noChanges: 'No changes to save.',
  backToEditing: 'Back to editing',
  save: 'Save',
  saving: 'Saving…',
  fixProblems: 'Fix these problems before saving:',
  issue: (where, problem) => `${where}: ${problem}`,
  problems: {
    required: (subject) => `${subject} is required.`,
    cannotRemove: (subject) => `${subject} cannot be removed once set; enter a new value.`,
    requiredForApiType: () => 'required for a solution of type API: enter the API base URL and details.',
    notHttpUrl: (subject) => `${subject} must be a full address starting with https:// (or http://), such as https://example.com/docs.`,
    notRelativePath: (subject) => `${subject} must be a path starting with “/”, such as /app/mts/settings.`,
    notSemver: (subject, value) => `${subject} “${value}” is not a version like 1.0.2 (MAJOR.MINOR.PATCH, such as 1.1.0-beta.1).`,
    notWholeNumber: (subject) => `${subject} must be a whole number, 0 or more.`,
    empty: (subject) => `${subject} is empty: fill it in or remove it.`,
    duplicate: (subject, value) => `${subject} “${value}” is used twice: each one must be different.`,
    invalidChoice: () => 'choose one of the options.',
    publicOnly: () => 'applies only to a public solution: make it public, or clear this.',
  },
  subject: (itemField, isEntry) => (itemField ? `the ${itemField}` : isEntry ? 'this entry' : 'this field'),
  unsavedChanges: 'Unsaved changes',
  saved: 'Saved.',
  saveFailed: 'Not everything was saved. Save again to send the rest.',
  steps: { updateSolution: 'Update listing', addApps: 'Add or update apps', removeApps: 'Remove apps' },
  stepDone: 'done',
  stepFailed: 'failed',
  stepSkipped: 'not sent',
};

/** The defaults with any subset given replacing them (the nested groups entry by entry). */
export function resolveLabels(labels: LabelsInput<ListingEditorLabels> | undefined): ListingEditorLabels {
  return mergeLabels(defaultListingEditorLabels, labels);
}
