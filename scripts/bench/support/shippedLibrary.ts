/**
 * The library as a partner installs it: `buildLibrary` (what `npm run build` runs) into a
 * temporary `node_modules/react-tray-embedded/dist`, beside our package.json, so the partner's
 * import resolves through the `exports` map and tree-shakes by our `sideEffects`, exactly as
 * in their app. The entry files of scripts/bench/entries are copied next to that node_modules
 * and bundled from there. Nothing is written into this checkout; the folder is removed after.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLibrary, PEERS } from '../../build.js';
import { bundleLikeAPartner, type PartnerBundle } from './partnerBundle.js';

const ENTRIES_DIR = fileURLToPath(new URL('../entries/', import.meta.url));

/** The entry names a ShippedLibrary can bundle: the files of scripts/bench/entries, without `.js`. */
export const ENTRY_NAMES = readdirSync(ENTRIES_DIR)
  .filter((file) => file.endsWith('.js'))
  .map((file) => file.slice(0, -'.js'.length));

export interface ShippedLibrary {
  /** Bundles scripts/bench/entries/<name>.js against the built package, our peers external. */
  bundleEntry(name: string): Promise<PartnerBundle>;
  /** A shipped CSS file (`styles.css`, …) as the partner's app serves it. */
  readCss(file: string): Buffer;
}

export async function withShippedLibrary<T>(use: (library: ShippedLibrary) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'rte-shipped-'));
  try {
    const packageDir = join(root, 'node_modules', 'react-tray-embedded');
    mkdirSync(packageDir, { recursive: true });
    copyFileSync('package.json', join(packageDir, 'package.json'));
    await buildLibrary({ outDir: join(packageDir, 'dist'), declarations: false });
    const appDir = join(root, 'app');
    mkdirSync(appDir);
    for (const name of ENTRY_NAMES) copyFileSync(join(ENTRIES_DIR, `${name}.js`), join(appDir, `${name}.js`));
    return await use({
      bundleEntry(name) {
        if (!ENTRY_NAMES.includes(name)) throw new Error(`shippedLibrary: no entry "${name}"; entries: ${ENTRY_NAMES.join(', ')}`);
        return bundleLikeAPartner(join(appDir, `${name}.js`), PEERS);
      },
      readCss: (file) => readFileSync(join(packageDir, 'dist', file)),
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
