import type { ListingIssue } from '../../../listing/types.js';
import type { ListingEditorLabels } from './labels.js';

type Nouns = ListingEditorLabels['nouns'];
type ItemFields = ListingEditorLabels['itemFields'];

/** The fields a label names directly. */
const FIELD_LABELS: Record<string, keyof ListingEditorLabels> = {
  displayName: 'displayName',
  shortDescription: 'shortDescription',
  longDescription: 'longDescription',
  productFamily: 'productFamily',
  'visibility.isPrivate': 'visibility',
  'visibility.permissionType': 'permissionType',
  'visibility.orgIdentifiers': 'orgIdentifiers',
  api: 'api',
  'api.apiBaseUrl': 'apiBaseUrl',
  'api.apiDetails': 'apiDetails',
};

/** Each list's noun, for "URL 2", "Category 3". */
const LIST_NOUNS: Record<string, keyof Nouns> = {
  categories: 'category',
  supportedCountries: 'country',
  'visibility.orgIdentifiers': 'organization',
  solnUrls: 'url',
  systemAppSettings: 'setting',
  apps: 'app',
};

/** Entry fields whose label differs from their key. */
const ITEM_FIELDS: Record<string, keyof ItemFields> = { url: 'address' };

/**
 * Says an issue in the editor's words: the field's label, or the list entry with its 1-based
 * position, then what is wrong ("URL 2: the address must be a full address starting with
 * https://…"). `validateListing`'s own message names paths (`solnUrls[1].url`), for logs.
 */
export function describeIssue(issue: ListingIssue, labels: ListingEditorLabels): string {
  const entry = /^([\w.]+)\[(\d+)\](?:\.(\w+))?$/.exec(issue.field);
  let where: string;
  let itemField: string | undefined;
  if (entry) {
    const [, list, index, key] = entry;
    const noun = labels.nouns[LIST_NOUNS[list!] ?? 'url'];
    where = labels.item(noun, Number(index) + 1);
    itemField = key ? labels.itemFields[(ITEM_FIELDS[key] ?? key) as keyof ItemFields] ?? key : undefined;
  } else {
    const label = FIELD_LABELS[issue.field];
    where = label ? (labels[label] as string) : issue.field;
  }
  const subject = labels.subject(itemField, Boolean(entry));
  return labels.issue(where, labels.problems[issue.code](subject, issue.value ?? ''));
}
