type Nested<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? Partial<T[K]> : T[K] };

/** Labels as a partner passes them: any entry, and single entries of a nested group. */
export type LabelsInput<T> = Nested<T>;

/**
 * The one way views merge labels: defaults, then each layer given (the provider's, the
 * component's), later ones winning. Nested groups (`pending`, `done`, `columns`) merge entry by
 * entry, so replacing one entry keeps the others.
 */
export function mergeLabels<T extends object>(defaults: T, ...layers: Array<LabelsInput<T> | undefined>): T {
  const merged = { ...defaults } as Record<string, unknown>;
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value === undefined) continue;
      const base = merged[key];
      merged[key] = typeof value === 'object' && typeof base === 'object' ? { ...base, ...value } : value;
    }
  }
  return merged as T;
}
