import { describe, expect, it } from 'vitest';
import { isSemver, validateListing, type SolutionListing } from '../../src/listing';
import { seedListing } from '../../src/mock-tray/listing/seed';

/** The issues of a listing that is valid except for `change`. */
function issuesOf(change: Partial<SolutionListing>, before?: SolutionListing) {
  return validateListing({ ...seedListing(), ...change }, before);
}

describe('isSemver (SemVer 2.0.0)', () => {
  it.each(['0.0.0', '1.0.2', '10.20.30', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-0.3.7', '1.0.0-x.7.z.92', '1.0.0-alpha+001', '1.0.0+20130313144700', '1.0.0-beta+exp.sha.5114f85', '1.0.0-x-y-z.--', '1.0.0+0.build.1-rc.10000aaa-kk-0.1'])(
    'accepts %s',
    (version) => expect(isSemver(version)).toBe(true),
  );
  it.each(['', '1', '1.0', 'v1.0.0', '01.0.0', '1.02.0', '1.0.0-01', '1.0.0-', '1.0.0+', '1.0.0-alpha..1', '1.0.0+build..1', ' 1.0.0', '1.0.0 ', '1.0.0-al$pha', '1.0.0.0'])(
    'rejects %j',
    (version) => expect(isSemver(version)).toBe(false),
  );
});

describe('validateListing', () => {
  it('finds nothing wrong with the seeded listing', () => {
    expect(validateListing(seedListing())).toEqual([]);
  });

  it('requires displayName and shortDescription, and says they cannot be removed once set', () => {
    expect(issuesOf({ displayName: '  ', shortDescription: undefined })).toEqual([
      { field: 'displayName', code: 'required', message: expect.stringMatching(/^displayName is required/) },
      { field: 'shortDescription', code: 'required', message: expect.stringMatching(/^shortDescription is required/) },
    ]);
    expect(issuesOf({ displayName: '' }, seedListing())).toEqual([
      { field: 'displayName', code: 'cannotRemove', message: expect.stringMatching(/^displayName cannot be removed/) },
    ]);
  });

  it('names the app and its semver when the version is not SemVer', () => {
    const apps = [{ listingId: 'truck-trackers', semver: '1.0' }];
    expect(issuesOf({ apps })).toEqual([
      { field: 'apps[0].semver', code: 'notSemver', value: '1.0', message: expect.stringContaining('apps[0].semver "1.0" is not a valid semantic version') },
    ]);
  });

  it('requires absolute http(s) URLs for solnUrls and api.apiBaseUrl', () => {
    const issues = issuesOf({
      solnUrls: [
        { name: 'ok', url: 'https://example.com/ok' },
        { name: 'relative', url: '/docs' },
        { name: 'script', url: 'javascript:alert(1)' },
        { name: 'ftp', url: 'ftp://example.com' },
      ],
      api: { apiBaseUrl: 'https:api.example.com', apiDetails: 'v1' },
    });
    expect(issues.map((issue) => issue.field)).toEqual(['solnUrls[1].url', 'solnUrls[2].url', 'solnUrls[3].url', 'api.apiBaseUrl']);
    expect(issues[0]!.message).toMatch(/^solnUrls\[1\]\.url must be an absolute http\(s\) URL/);
    expect(issues.map((issue) => [issue.code, issue.value])).toEqual([
      ['notHttpUrl', '/docs'],
      ['notHttpUrl', 'javascript:alert(1)'],
      ['notHttpUrl', 'ftp://example.com'],
      ['notHttpUrl', 'https:api.example.com'],
    ]);
  });

  it('requires a relative settingsUrl starting with a single "/"', () => {
    const settings = (settingsUrl: string) => ({ systemAppSettings: [{ appUrn: 'platform:app:mts', settingsUrl }] });
    expect(issuesOf(settings('/app/mts/settings'))).toEqual([]);
    for (const bad of ['app/mts', 'https://example.com/app', '//evil.example/app']) {
      expect(issuesOf(settings(bad))).toEqual([
        { field: 'systemAppSettings[0].settingsUrl', code: 'notRelativePath', value: bad, message: expect.stringContaining('systemAppSettings[0].settingsUrl must be a relative path') },
      ]);
    }
  });

  it('allows permissionType only when isPrivate is false', () => {
    expect(issuesOf({ visibility: { isPrivate: false, permissionType: 'DENY' } })).toEqual([]);
    expect(issuesOf({ visibility: { isPrivate: true, permissionType: 'ALLOW' } })).toEqual([
      { field: 'visibility.permissionType', code: 'publicOnly', message: expect.stringContaining('only when visibility.isPrivate is false') },
    ]);
  });

  it('reports duplicate listingIds, URL names, categories and countries at the repeat', () => {
    const issues = issuesOf({
      apps: [
        { listingId: 'a', semver: '1.0.0' },
        { listingId: 'a', semver: '1.0.1' },
      ],
      solnUrls: [
        { name: 'Docs', url: 'https://example.com/1' },
        { name: 'Docs', url: 'https://example.com/2' },
      ],
      categories: ['LastMile', 'LastMile'],
      supportedCountries: ['UK', 'US', 'UK'],
    });
    expect(issues).toEqual([
      { field: 'categories[1]', code: 'duplicate', value: 'LastMile', message: 'categories[1] repeats "LastMile": remove the duplicate.' },
      { field: 'supportedCountries[2]', code: 'duplicate', value: 'UK', message: 'supportedCountries[2] repeats "UK": remove the duplicate.' },
      { field: 'solnUrls[1].name', code: 'duplicate', value: 'Docs', message: 'solnUrls[1].name repeats "Docs": each URL needs its own name.' },
      { field: 'apps[1].listingId', code: 'duplicate', value: 'a', message: 'apps[1].listingId repeats "a": each app appears once.' },
    ]);
  });

  it('requires api for a solution of type API, reading type from before when the edit lacks it', () => {
    const { type: _type, api: _api, ...edited } = seedListing();
    expect(validateListing({ ...edited, type: 'API' })).toEqual([{ field: 'api', code: 'requiredForApiType', message: expect.stringMatching(/^api is required/) }]);
    expect(validateListing(edited, { ...seedListing(), type: 'API' })).toHaveLength(1);
    expect(validateListing(edited, seedListing())).toEqual([]);
  });

  it('requires whole-number display order and init sequence', () => {
    expect(issuesOf({ apps: [{ listingId: 'a', semver: '1.0.0', displayOrder: -1, initSequence: 1.5 }] }).map((issue) => issue.field)).toEqual([
      'apps[0].displayOrder',
      'apps[0].initSequence',
    ]);
  });
});
