import { TrayEmbeddedError } from './errors.js';
import { assertWizardUrl } from './assertWizardUrl.js';

export type TrayRegion = 'us' | 'eu' | 'apac';

/** The config wizard's host for each Tray region (shared/reference/tray-embedded.md). */
export const WIZARD_HOSTS: Readonly<Record<TrayRegion, string>> = {
  us: 'https://embedded.tray.io',
  eu: 'https://embedded.eu1.tray.io',
  apac: 'https://embedded.ap1.tray.io',
};

export interface WizardUrlOptions {
  /** The dashboard's "Embedded ID" (not the solution or project id). */
  embeddedId: string;
  solutionInstanceId: string;
  /** A fresh code from `generateAuthorizationCode`: single-use, expires after ~5 minutes. */
  authorizationCode: string;
  /** @default 'us' */
  region?: TrayRegion;
  /** A white-label origin such as `https://acme.integration-configuration.com`; wins over `region`. */
  host?: string;
  /** Turns on the `tray.configPopup.validate` handshake. @default false */
  customValidation?: boolean;
}

/** Builds `…/external/solutions/{embeddedId}/configure/{solutionInstanceId}?code=…`. */
export function buildWizardUrl(options: WizardUrlOptions): string {
  const { embeddedId, solutionInstanceId, authorizationCode } = options;
  for (const [name, value] of Object.entries({ embeddedId, solutionInstanceId, authorizationCode })) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new TrayEmbeddedError('invalid_wizard_url', `Cannot build the wizard URL: ${name} is empty.`);
    }
  }
  const base = assertWizardUrl(options.host ?? WIZARD_HOSTS[options.region ?? 'us']);
  const url = new URL(
    `/external/solutions/${encodeURIComponent(embeddedId)}/configure/${encodeURIComponent(solutionInstanceId)}`,
    base.origin,
  );
  url.searchParams.set('code', authorizationCode);
  if (options.customValidation) url.searchParams.set('customValidation', 'true');
  return url.toString();
}

export { assertWizardUrl };
