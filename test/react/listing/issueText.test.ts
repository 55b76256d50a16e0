import { describe, expect, it } from 'vitest';
import { validateListing, type ListingIssueCode, type SolutionListing } from '../../../src/listing';
import { seedListing } from '../../../src/mock-tray/listing/seed';
import { describeIssue } from '../../../src/react/listing/editor/issueText';
import { defaultListingEditorLabels } from '../../../src/react/listing/editor/labels';

const said = (edit: Partial<SolutionListing>, before?: SolutionListing) =>
  validateListing({ ...seedListing(), ...edit }, before).map((issue) => [issue.code, describeIssue(issue, defaultListingEditorLabels)]);

describe('describeIssue: the field’s label and 1-based position, then what is wrong', () => {
  it.each<[string, Partial<SolutionListing>, ListingIssueCode, string]>([
    ['a required text', { shortDescription: ' ' }, 'required', 'Short description: this field is required.'],
    ['a URL entry’s address', { solnUrls: [{ name: 'Docs', url: 'https://example.com' }, { name: 'B', url: '/b' }] }, 'notHttpUrl', 'URL 2: the address must be a full address starting with https:// (or http://), such as https://example.com/docs.'],
    ['a URL entry’s missing name', { solnUrls: [{ name: '', url: 'https://example.com' }] }, 'required', 'URL 1: the name is required.'],
    ['a duplicate category', { categories: ['LastMile', 'LastMile'] }, 'duplicate', 'Category 2: this entry “LastMile” is used twice: each one must be different.'],
    ['an empty country', { supportedCountries: ['UK', ''] }, 'empty', 'Country 2: this entry is empty: fill it in or remove it.'],
    ['an app’s version', { apps: [{ listingId: 'a', semver: '1.0' }] }, 'notSemver', 'App 1: the semver “1.0” is not a version like 1.0.2 (MAJOR.MINOR.PATCH, such as 1.1.0-beta.1).'],
    ['an app’s display order', { apps: [{ listingId: 'a', semver: '1.0.0', displayOrder: -1 }] }, 'notWholeNumber', 'App 1: the display order must be a whole number, 0 or more.'],
    ['a settings path', { systemAppSettings: [{ appUrn: 'platform:app:mts', settingsUrl: 'app/mts' }] }, 'notRelativePath', 'Setting 1: the settings URL must be a path starting with “/”, such as /app/mts/settings.'],
    ['a permission on a private solution', { visibility: { isPrivate: true, permissionType: 'ALLOW' } }, 'publicOnly', 'Permission for the listed organizations: applies only to a public solution: make it public, or clear this.'],
  ])('%s', (_label, edit, code, text) => {
    expect(said(edit)).toContainEqual([code, text]);
  });

  it('a removed required text, and the API of an API solution', () => {
    expect(said({ displayName: '' }, seedListing())).toEqual([['cannotRemove', 'Display name: this field cannot be removed once set; enter a new value.']]);
    const { api: _api, ...withoutApi } = seedListing();
    expect(validateListing({ ...withoutApi, type: 'API' }).map((issue) => describeIssue(issue, defaultListingEditorLabels))).toEqual([
      'API: required for a solution of type API: enter the API base URL and details.',
    ]);
  });

  it('never shows a path such as solnUrls[1].url', () => {
    const messages = said({ solnUrls: [{ name: '', url: 'x' }], apps: [{ listingId: '', semver: '' }], categories: [''] }).map(([, text]) => text);
    expect(messages.length).toBeGreaterThan(3);
    for (const text of messages) expect(text).not.toMatch(/\[\d+\]|\.\w+Url\b|solnUrls|apps\[/);
  });
});
