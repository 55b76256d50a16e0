import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { EnablerLabels } from './labels.js';

export interface TrayEmbeddedDefaults {
  /** Used by every component below that is not given its own. */
  getWizardUrl?: (solutionInstanceId: string) => Promise<string> | string;
  labels?: Partial<EnablerLabels>;
}

const TrayEmbeddedContext = createContext<TrayEmbeddedDefaults>({});

export interface TrayEmbeddedProviderProps extends TrayEmbeddedDefaults {
  children?: ReactNode;
}

/** Optional: supplies defaults (getWizardUrl, labels) to every component below it. */
export function TrayEmbeddedProvider({ getWizardUrl, labels, children }: TrayEmbeddedProviderProps) {
  const value = useMemo(() => ({ getWizardUrl, labels }), [getWizardUrl, labels]);
  return <TrayEmbeddedContext.Provider value={value}>{children}</TrayEmbeddedContext.Provider>;
}

export function useTrayEmbeddedDefaults(): TrayEmbeddedDefaults {
  return useContext(TrayEmbeddedContext);
}
