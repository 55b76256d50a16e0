import { createContext, useContext, type ReactNode } from 'react';
import type { GetAuthUrl } from '../core/fetchAuthUrl.js';
import type { GetWizardUrl } from '../core/instancePort.js';
import type { EnablerLabels } from './labels.js';

export interface TrayEmbeddedDefaults {
  /** Used by every component below that is not given its own. */
  getWizardUrl?: GetWizardUrl;
  /** For My integrations' Reconnect (Tray's auth-only dialog). */
  getAuthUrl?: GetAuthUrl;
  labels?: Partial<EnablerLabels>;
}

const TrayEmbeddedContext = createContext<TrayEmbeddedDefaults>({});

export interface TrayEmbeddedProviderProps extends TrayEmbeddedDefaults {
  children?: ReactNode;
}

/** Optional: supplies defaults (getWizardUrl, getAuthUrl, labels) to every component below it. */
export function TrayEmbeddedProvider(props: TrayEmbeddedProviderProps) {
  return <TrayEmbeddedContext.Provider value={props}>{props.children}</TrayEmbeddedContext.Provider>;
}

export function useTrayEmbeddedDefaults(): TrayEmbeddedDefaults {
  return useContext(TrayEmbeddedContext);
}
