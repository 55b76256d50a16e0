/**
 * `npm run build`: the library as it ships on npm, into dist/.
 *
 * - JavaScript: Vite library mode, ESM only, one output file per source module
 *   (`preserveModules`), so a partner's bundler tree-shakes per module and the
 *   subpath entries share code instead of duplicating it. Not minified: partners minify.
 * - Types: `tsc -p tsconfig.build.json` (declarations only, library sources only).
 * - CSS: copied as is (`./styles.css`, `./listing.css`, `./marketplace.css` in the exports map).
 * - The sandbox's command line (the package's `bin`): src/mock-tray/cli bundled for Node into
 *   dist/cli/, an entry that reads the flags and a chunk with the mock Tray that it loads
 *   afterwards, so a missing optional dependency (graphql-http) gets a clear message.
 *
 * Uses no plugin or alias from vite.config.ts (that one builds the demo page).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/** Source entry → dist path (without .js); these match the `exports` map in package.json. */
const ENTRIES = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  'server/index': 'src/server/index.ts',
  'listing/index': 'src/listing/index.ts',
} as const;

/** Peers stay imports: the partner's app has exactly one copy of each. */
export const PEERS = /^(react|react-dom|@apollo\/client|graphql|rxjs)(\/.*)?$/;

/** Source → file name in the output folder (the `exports` map names them under dist/). */
export const CSS_FILES = [
  { from: 'src/react/styles.css', to: 'styles.css' },
  { from: 'src/react/listing/listing.css', to: 'listing.css' },
  { from: 'src/react/marketplace/marketplace.css', to: 'marketplace.css' },
];

/** The `bin` in package.json: `npx react-tray-embedded mock-tray`. */
export const CLI_FILE = 'cli/react-tray-embedded.js';
/** What the sandbox imports at run time besides Node's own modules: a peer and an optional dependency. */
const CLI_EXTERNAL = /^(node:|graphql$|graphql\/|graphql-http(\/|$))/;

/** The components entry must stay a client boundary for React Server Components. */
const USE_CLIENT = "'use client';";

async function buildJavaScript(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false, // public/ holds the demo page's assets
    // The production JSX runtime whatever NODE_ENV says: under Vitest (NODE_ENV=test) Vite would
    // emit jsxDEV calls from react/jsx-dev-runtime, each carrying this machine's absolute path.
    oxc: { jsx: { runtime: 'automatic', development: false } },
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      target: 'es2022',
      lib: { entry: ENTRIES, formats: ['es'] },
      rolldownOptions: {
        external: (id: string) => PEERS.test(id),
        // Rolldown warns that it may drop 'use client'; ensureUseClient checks and restores it.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use client')) return;
          handler(level, log);
        },
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: '[name].js',
        },
      },
    },
  });
}

/** The sandbox's bin: one entry file and the mock Tray in a chunk of its own, for Node ≥ 20. */
async function buildCli(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: join(outDir, dirname(CLI_FILE)),
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      target: 'node20',
      ssr: 'src/mock-tray/cli/index.ts',
      rolldownOptions: {
        external: (id: string) => CLI_EXTERNAL.test(id),
        output: {
          format: 'es',
          banner: '#!/usr/bin/env node',
          entryFileNames: basename(CLI_FILE),
          chunkFileNames: '[name].js',
        },
      },
    },
  });
}

/** Bundlers may drop module-level directives; put it back if this one did. */
function ensureUseClient(file: string): void {
  const code = readFileSync(file, 'utf8');
  if (/^\s*(['"])use client\1;?/.test(code)) return;
  writeFileSync(file, `${USE_CLIENT}\n${code}`);
}

function buildTypes(outDir: string): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', outDir], { stdio: 'inherit' });
}

export interface BuildLibraryOptions {
  /** Emptied first, then filled as dist/ ships. @default 'dist' */
  outDir?: string;
  /** Build the sandbox's bin into dist/cli/. The size bench turns this off. @default true */
  cli?: boolean;
  /**
   * Emit .d.ts files. The size bench turns this off: declarations never reach a partner's
   * bundle, and tsc is most of the build's time. @default true
   */
  declarations?: boolean;
}

/** Everything `npm run build` does, into any folder (the size bench builds into a temporary one). */
export async function buildLibrary({ outDir = 'dist', declarations = true, cli = true }: BuildLibraryOptions = {}): Promise<void> {
  const out = resolve(outDir);
  rmSync(out, { recursive: true, force: true });
  await buildJavaScript(out);
  ensureUseClient(join(out, 'index.js'));
  if (declarations) buildTypes(out);
  for (const { from, to } of CSS_FILES) copyFileSync(from, join(out, to));
  if (cli) {
    await buildCli(out);
    chmodSync(join(out, CLI_FILE), 0o755);
  }
}

// Run as `npm run build`; imported (by the size bench), it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildLibrary();
  console.log(`build: dist/ ready (ESM + .d.ts + CSS, and the sandbox's bin ${CLI_FILE})`);
}
