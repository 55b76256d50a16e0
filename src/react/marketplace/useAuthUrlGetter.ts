import { useState } from 'react';
import { createAuthUrlFetcher, type GetAuthUrl } from '../../core/fetchAuthUrl.js';
import { useTrayEmbeddedDefaults } from '../TrayEmbeddedProvider.js';

/** As `useWizardUrlGetter`, for the auth-only dialog: the prop, the provider's, else POST /api/tray/auth-url. */
export function useAuthUrlGetter(getAuthUrl: GetAuthUrl | undefined): GetAuthUrl {
  const defaults = useTrayEmbeddedDefaults();
  const [fallback] = useState(() => createAuthUrlFetcher());
  return getAuthUrl ?? defaults.getAuthUrl ?? fallback;
}
