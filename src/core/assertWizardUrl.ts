import { TrayEmbeddedError } from './errors.js';

const LOOPBACK = /^(localhost|127\.[\d.]+|\[::1\])$/;

/**
 * Accepts an absolute https URL, or http on a loopback host (local development and the mock
 * Tray). Anything else is refused: the wizard receives an authorization code in its URL.
 * Building the URL is the backend's job (`buildWizardUrl`, exported from `/server`); the browser only checks.
 */
export function assertWizardUrl(value: unknown): URL {
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {
    // not a URL: refused below
  }
  if (url?.protocol === 'https:' || (url?.protocol === 'http:' && LOOPBACK.test(url.hostname))) return url;
  throw new TrayEmbeddedError('invalid_wizard_url', 'The wizard URL must use https.');
}
