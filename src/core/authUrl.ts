import { TrayEmbeddedError } from './errors.js';
import { assertWizardUrl, WIZARD_HOSTS, type TrayRegion } from './wizardUrl.js';

/** Which authentication the auth-only dialog works on: a new one for a slot, or an existing one. */
export type AuthTarget = { solutionInstanceId: string; externalAuthId: string } | { authId: string };

export type AuthUrlOptions = AuthTarget & {
  /** The dashboard's "Embedded ID". */
  embeddedId: string;
  /** A fresh code from `generateAuthorizationCode`: single-use, expires after ~5 minutes. */
  authorizationCode: string;
  /** @default 'us' */
  region?: TrayRegion;
  /** A white-label origin; wins over `region`. */
  host?: string;
};

/**
 * Builds Tray's auth-only dialog URL (shared/reference/tray-fidelity.md):
 * `…/external/auth/create/{embeddedId}/{solutionInstanceId}/{externalAuthId}?code=…` to connect
 * a slot, `…/external/auth/edit/{embeddedId}/{authId}?code=…` to repair an authentication.
 */
export function buildAuthUrl(options: AuthUrlOptions): string {
  const parts = 'authId' in options ? ['edit', options.embeddedId, options.authId] : ['create', options.embeddedId, options.solutionInstanceId, options.externalAuthId];
  for (const value of [...parts, options.authorizationCode]) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new TrayEmbeddedError('invalid_wizard_url', 'Cannot build the auth dialog URL: an id or the code is empty.');
    }
  }
  const base = assertWizardUrl(options.host ?? WIZARD_HOSTS[options.region ?? 'us']);
  const url = new URL(`/external/auth/${parts.map(encodeURIComponent).join('/')}`, base.origin);
  url.searchParams.set('code', options.authorizationCode);
  return url.toString();
}
