/**
 * The sizes `npm run bench` prints and `npm run check:size` holds to a budget: one
 * measurement, so both always report the same bytes. Each entry is what a partner bundles
 * from the built package (support/shippedLibrary.ts), min + gzip level 9 / brotli 11.
 */
import { brotliBytes, gzipBytes } from './partnerBundle.js';
import { withShippedLibrary } from './shippedLibrary.js';

/**
 * Budgets, min+gzip bytes, from issue 7: a partner's enabler costs at most 4 KB, `/core` at
 * most 2 KB. The only place they are written; lower them here.
 */
export const ENABLER_BUDGET_BYTES = 4096;
export const CORE_BUDGET_BYTES = 2048;

interface ShippedEntry {
  label: string;
  /** A file of scripts/bench/entries, without `.js`. */
  entry: string;
  budgetBytes?: number;
}

export const SHIPPED_ENTRIES: readonly ShippedEntry[] = [
  { label: 'enabler as a partner imports it (SolutionInstanceEnabler, TrayEmbeddedProvider, createWizardUrlFetcher)', entry: 'enabler', budgetBytes: ENABLER_BUDGET_BYTES },
  { label: 'react-tray-embedded (whole root entry)', entry: 'root' },
  { label: 'react-tray-embedded/core (whole entry)', entry: 'core', budgetBytes: CORE_BUDGET_BYTES },
  { label: 'core: WizardSession + createWizardUrlFetcher', entry: 'core-session' },
  { label: 'react-tray-embedded/server', entry: 'server' },
  { label: 'react-tray-embedded/listing', entry: 'listing' },
];

/** The CSS files of the exports map, served as shipped (we do not minify them). */
export const SHIPPED_CSS = ['styles.css', 'listing.css', 'marketplace.css'] as const;

export interface EntrySize extends ShippedEntry {
  gzip: number;
  brotli: number;
}

export interface ShippedSizes {
  entries: EntrySize[];
  css: Array<{ file: string; gzip: number }>;
}

export function measureShippedSizes(): Promise<ShippedSizes> {
  return withShippedLibrary(async (library) => {
    const entries: EntrySize[] = [];
    for (const entry of SHIPPED_ENTRIES) {
      const { code } = await library.bundleEntry(entry.entry);
      entries.push({ ...entry, gzip: gzipBytes(code), brotli: brotliBytes(code) });
    }
    const css = SHIPPED_CSS.map((file) => ({ file, gzip: gzipBytes(library.readCss(file)) }));
    return { entries, css };
  });
}
