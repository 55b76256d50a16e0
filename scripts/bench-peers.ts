/**
 * `npm run bench:peers`: what a partner ships for each comparable embed SDK against what they
 * ship for our enabler, in one run and through the same bundler with the same settings
 * (support/partnerBundle.ts: Vite/Rolldown, minified, ES module, annotations dropped, gzip 9,
 * brotli 11). Each peer's import is an entry file under scripts/bench/peers/, type-checked
 * against the package's own types; react and react-dom, their peers, stay external as ours do.
 * Ours is built from this checkout exactly as it ships (support/shippedLibrary.ts).
 *
 * Most of these SDKs load more code from their vendor at run time (Plaid's link-initialize.js,
 * Stripe's connect.js): the table counts the npm package alone, the bytes in the partner's bundle.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { brotliBytes, bundleLikeAPartner, gzipBytes, type PartnerBundle } from './bench/support/partnerBundle.js';
import { withShippedLibrary } from './bench/support/shippedLibrary.js';

/** The peers' own peers: every partner app has them already. */
const REACT = /^(react|react-dom)(\/.*)?$/;

interface Peer {
  /** The packages the entry pulls in (versions are read from node_modules). */
  packages: string[];
  /** What the partner writes. */
  imports: string;
  /** A file of scripts/bench/peers. */
  entry: string;
}

const PEERS: Peer[] = [
  { packages: ['react-plaid-link'], imports: '{ usePlaidLink } (resolves through `browser`: the UMD build)', entry: 'react-plaid-link.ts' },
  { packages: ['react-plaid-link'], imports: '{ usePlaidLink } from its CommonJS build (`main`)', entry: 'react-plaid-link.cjs.ts' },
  { packages: ['react-plaid-link'], imports: '{ usePlaidLink } from its ES module build (`module`)', entry: 'react-plaid-link.esm.ts' },
  {
    packages: ['@stripe/react-connect-js', '@stripe/connect-js'],
    imports: '{ ConnectComponentsProvider, ConnectAccountOnboarding } + { loadConnectAndInitialize }',
    entry: 'stripe-react-connect-js.ts',
  },
  { packages: ['@nangohq/frontend'], imports: 'Nango (default export)', entry: 'nangohq-frontend.ts' },
  { packages: ['@prismatic-io/embedded'], imports: 'prismatic (default export)', entry: 'prismatic-io-embedded.ts' },
  { packages: ['@mergeapi/react-merge-link'], imports: '{ useMergeLink }', entry: 'mergeapi-react-merge-link.ts' },
  { packages: ['@tryfinch/react-connect'], imports: '{ useFinchConnect }', entry: 'tryfinch-react-connect.ts' },
];

/** From the installed package.json (not every exports map lets require.resolve reach it). */
const versionOf = (packageDir: string) =>
  (JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8')) as { version: string }).version;

/** The bundled files, relative to node_modules: shows which build of a package a bundler picked. */
function resolvedFiles(bundle: PartnerBundle): string {
  return bundle.moduleIds
    .filter((id) => id.includes('/node_modules/'))
    .map((id) => id.slice(id.lastIndexOf('/node_modules/') + '/node_modules/'.length))
    .join(', ');
}

/** A peer that inlined React would be measured with React in it: refuse rather than print it. */
function assertReactExternal(entry: string, bundle: PartnerBundle): void {
  const inlined = bundle.moduleIds.find((id) => /\/node_modules\/(react|react-dom)\//.test(id));
  if (inlined) throw new Error(`bench:peers: ${entry} bundled ${relative('.', inlined)}; react must stay external`);
}

interface Row {
  what: string;
  imports: string;
  gzip: number;
  brotli: number;
  files: string;
}

const ours = await withShippedLibrary((library) => library.bundleEntry('enabler'));
const rows: Row[] = [
  {
    what: `react-tray-embedded ${versionOf('.')}`,
    imports: '{ SolutionInstanceEnabler, TrayEmbeddedProvider, createWizardUrlFetcher }',
    gzip: gzipBytes(ours.code),
    brotli: brotliBytes(ours.code),
    files: 'this checkout, built as `npm run build` (Apollo, graphql, rxjs external: its peers)',
  },
];
for (const peer of PEERS) {
  const bundle = await bundleLikeAPartner(`scripts/bench/peers/${peer.entry}`, REACT);
  assertReactExternal(peer.entry, bundle);
  rows.push({
    what: peer.packages.map((name) => `${name} ${versionOf(`node_modules/${name}`)}`).join(' + '),
    imports: peer.imports,
    gzip: gzipBytes(bundle.code),
    brotli: brotliBytes(bundle.code),
    files: resolvedFiles(bundle),
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB (${bytes} B)`;
const ratio = (bytes: number, base: number) => `${(bytes / base).toFixed(2)}×`;
const [base] = rows;
const table = [
  ['package', 'import', 'min+gzip', 'min+brotli', 'gzip / brotli vs our enabler', 'bundled files'],
  ...rows.map((r) => [r.what, r.imports, kb(r.gzip), kb(r.brotli), `${ratio(r.gzip, base!.gzip)} / ${ratio(r.brotli, base!.brotli)}`, r.files]),
];
const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
const right = new Set([2, 3, 4]);
const line = (cells: string[]) => `| ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
console.log(line(table[0]!));
console.log(`|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
console.log('\nKB = 1024 bytes. Each figure is the package alone as bundled; SDKs that fetch a vendor script at run time ship more than this.');
