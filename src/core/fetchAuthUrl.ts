import { fetchUrl, type WizardUrlFetcherOptions } from './fetchWizardUrl.js';

/** The auth slot the dialog connects (`externalAuthId`), or the authentication it repairs (`authId`). */
export type AuthUrlRequest = { solutionInstanceId: string } & ({ externalAuthId: string } | { authId: string });

/** Resolves to an auth-only dialog URL with a fresh code, minted by the partner's backend. */
export type GetAuthUrl = (request: AuthUrlRequest) => Promise<string> | string;

/**
 * A `GetAuthUrl` on our server handler's `POST …/auth-url` route, which checks that the
 * instance (and, to repair, the authentication) is the user's and mints a fresh code.
 */
export function createAuthUrlFetcher(options: WizardUrlFetcherOptions = {}): GetAuthUrl {
  return (request) => fetchUrl(options, '/api/tray/auth-url', request);
}
