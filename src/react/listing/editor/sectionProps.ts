import type { SolutionListing } from '../../../listing/types.js';
import type { FieldWiring } from './fields.js';
import type { ListingEditorLabels } from './labels.js';

/** What every section of the editor receives. */
export interface SectionProps {
  listing: SolutionListing;
  /** Replaces the given attributes of the draft; `undefined` removes one. */
  update: (changes: Partial<SolutionListing>) => void;
  /** The wiring of the field at a path such as `solnUrls[1].url`: its id, its shown error, its blur. */
  field: (path: string) => FieldWiring;
  labels: ListingEditorLabels;
}

/**
 * Sets one member of an optional nested object (`api`, `visibility`), dropping it when
 * `value` is undefined and dropping the whole object once it has no members left.
 */
export function withMember<T extends object, K extends keyof T>(object: T | undefined, key: K, value: T[K] | undefined): T | undefined {
  const next = { ...object } as T;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.values(next).some((member) => member !== undefined) ? next : undefined;
}
