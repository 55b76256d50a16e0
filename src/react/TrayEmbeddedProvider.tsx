import { createContext, useContext, type ReactNode } from 'react';
import type { GetWizardUrl } from '../core/instancePort.js';
import type { EnablerLabels } from './labels.js';

export interface TrayEmbeddedDefaults {
  /** Used by every component below that is not given its own. */
  getWizardUrl?: GetWizardUrl;
  labels?: Partial<EnablerLabels>;
}

const TrayEmbeddedContext = createContext<TrayEmbeddedDefaults>({});

export interface TrayEmbeddedProviderProps extends TrayEmbeddedDefaults {
  children?: ReactNode;
}

/** Optional: supplies defaults (getWizardUrl, labels) to every component below it. */
export function TrayEmbeddedProvider(props: TrayEmbeddedProviderProps) {
  return <TrayEmbeddedContext.Provider value={props}>{props.children}</TrayEmbeddedContext.Provider>;
}

export function useTrayEmbeddedDefaults(): TrayEmbeddedDefaults {
  return useContext(TrayEmbeddedContext);
}
