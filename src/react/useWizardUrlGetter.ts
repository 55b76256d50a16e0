import { useState } from 'react';
import { createWizardUrlFetcher } from '../core/fetchWizardUrl.js';
import type { GetWizardUrl } from '../core/instancePort.js';
import { useTrayEmbeddedDefaults } from './TrayEmbeddedProvider.js';

/**
 * The `getWizardUrl` a view uses: its own prop, else `TrayEmbeddedProvider`'s, else our
 * handler's wizard-url route. The fallback is made per component, never at import.
 */
export function useWizardUrlGetter(getWizardUrl: GetWizardUrl | undefined): GetWizardUrl {
  const defaults = useTrayEmbeddedDefaults();
  const [fallback] = useState(() => createWizardUrlFetcher());
  return getWizardUrl ?? defaults.getWizardUrl ?? fallback;
}
