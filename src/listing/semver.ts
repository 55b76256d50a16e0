// The grammar of https://semver.org/spec/v2.0.0.html#backusnaur-form-grammar-for-valid-semver-versions,
// as the spec's own suggested regular expression: numeric identifiers without leading
// zeros, optional `-prerelease` (dot-separated, numeric ones without leading zeros) and
// optional `+build` (dot-separated, leading zeros allowed). No `v` prefix, no spaces.
const NUMERIC = '0|[1-9]\\d*';
const PRERELEASE_ID = `(?:${NUMERIC}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const BUILD_ID = '[0-9a-zA-Z-]+';
const SEMVER = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})` +
    `(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?` +
    `(?:\\+(${BUILD_ID}(?:\\.${BUILD_ID})*))?$`,
);

/**
 * Strict SemVer 2.0.0 check: `1.0.2`, `1.0.0-rc.1`, `1.0.0-alpha+001` pass; `v1.0.0`,
 * `1.0`, `01.0.0`, `1.0.0-01`, `1.0.0-` and `1.0.0+` do not.
 */
export function isSemver(value: unknown): value is string {
  return typeof value === 'string' && SEMVER.test(value);
}
