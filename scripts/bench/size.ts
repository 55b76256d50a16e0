import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build, type Rolldown } from 'vite';
import type { BenchRow } from '../bench.js';

/** Peers are the partner's already; the budget counts only what we add. */
const PEERS = /^(react|react-dom|@apollo\/client|graphql|rxjs)(\/.*)?$/;

const ENTRIES: Array<{ label: string; file: string; target?: string }> = [
  { label: 'enabler as a partner imports it (React entry)', file: 'scripts/bench/entries/enabler.ts', target: '≤ 4 KB gzip' },
  { label: 'react-tray-embedded (whole React entry)', file: 'src/index.ts' },
  { label: 'react-tray-embedded/core (whole entry)', file: 'src/core/index.ts', target: '≤ 2 KB gzip' },
  { label: 'core: WizardSession + createWizardUrlFetcher', file: 'scripts/bench/entries/core-session.ts' },
  { label: 'react-tray-embedded/server', file: 'src/server/index.ts' },
  { label: 'react-tray-embedded/listing', file: 'src/listing/index.ts' },
];

async function bundle(file: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: file, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external: (id: string) => PEERS.test(id), output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  // A library build keeps /* @__PURE__ */ for the partner's tree-shaking; the partner's own
  // production minify then drops them, so the bytes a partner ships are counted without them.
  return outputs
    .flatMap((o) => o.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('')
    .replace(/\/\* [@#]__PURE__ \*\/ ?/g, '');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const gzip = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;
const brotli = (code: string | Buffer) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export { bundle };

export default async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const entry of ENTRIES) {
    let code: string;
    try {
      code = await bundle(entry.file);
    } catch {
      continue; // an entry not written yet
    }
    rows.push({ name: `${entry.label}: min+gzip`, value: kb(gzip(code)), target: entry.target });
    rows.push({ name: `${entry.label}: min+brotli`, value: kb(brotli(code)) });
  }
  const css = readFileSync('src/react/styles.css');
  rows.push({ name: 'styles.css: gzip', value: kb(gzip(css)) });
  return rows;
}
