import type { SaveStep } from '../../../listing/planListingSave.js';

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
  unsavedChanges: 'Unsaved changes',
  saved: 'Saved.',
  saveFailed: 'Not everything was saved. Save again to send the rest.',
  steps: { updateSolution: 'Update listing', addApps: 'Add or update apps', removeApps: 'Remove apps' },
  stepDone: 'done',
  stepFailed: 'failed',
  stepSkipped: 'not sent',
};

export function resolveLabels(labels: Partial<ListingEditorLabels> | undefined): ListingEditorLabels {
  if (!labels) return defaultListingEditorLabels;
  const defaults = defaultListingEditorLabels;
  return {
    ...defaults,
    ...labels,
    nouns: { ...defaults.nouns, ...labels.nouns },
    itemFields: { ...defaults.itemFields, ...labels.itemFields },
    steps: { ...defaults.steps, ...labels.steps },
  };
}
