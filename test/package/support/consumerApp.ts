/**
 * A throwaway partner app in a temp folder: the packed tarball unpacked into its
 * node_modules, and the peers linked from this checkout's node_modules (CI is offline but
 * for the registry, and the peers are what the partner already has). Unpacking the tarball
 * is what `npm install <tarball>` does for a package with no required dependencies, as ours
 * is (its one optional dependency, graphql-http, serves only the sandbox's bin).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CONSUMER_TSX, IMPORTS_MJS, RENDER_MJS, REQUIRE_CJS, TSCONFIGS } from './consumerFiles.js';
import { ROOT, describeRun, pack, run } from './dist.js';

/** The partner's own dependencies: our peers, their types, and nothing of ours. */
const LINKED_PACKAGES = ['react', 'react-dom', '@apollo/client', 'graphql', 'rxjs', '@types/react', '@types/react-dom'];

export interface ConsumerApp {
  dir: string;
  tarball: string;
  remove(): void;
}

/** Packs the dist/ that `ensureBuilt` left (`--ignore-scripts`: no second build by `prepack`). */
export function packInto(folder: string): string {
  return join(folder, pack(['--ignore-scripts', '--pack-destination', folder]).filename);
}

/**
 * `dir`/node_modules as `npm install <tarball>` leaves it for a partner who already has
 * `linked` (symlinks to this checkout's copies): our package unpacked, nothing fetched.
 */
export function installTarball(tarball: string, dir: string, linked: readonly string[]): void {
  const installed = join(dir, 'node_modules/react-tray-embedded');
  mkdirSync(installed, { recursive: true });
  const untar = run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  if (untar.status !== 0) throw new Error(describeRun('tar -xzf', untar));
  for (const name of linked) {
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), link, 'dir');
  }
}

export function createConsumerApp(): ConsumerApp {
  const root = mkdtempSync(join(tmpdir(), 'rte-consumer-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    const tarball = packInto(root);
    const dir = join(root, 'app');
    installTarball(tarball, dir, LINKED_PACKAGES);

    const peerVersion = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    const dependencies = Object.fromEntries(LINKED_PACKAGES.map((name) => [name, peerVersion(name)]));
    const manifest = { name: 'partner-app', private: true, type: 'module', dependencies: { ...dependencies, 'react-tray-embedded': `file:${tarball}` } };
    const files: Record<string, string> = {
      'package.json': JSON.stringify(manifest, null, 2),
      'imports.mjs': IMPORTS_MJS,
      'require.cjs': REQUIRE_CJS,
      'render.mjs': RENDER_MJS,
      'consumer.tsx': CONSUMER_TSX,
      ...Object.fromEntries(Object.entries(TSCONFIGS).map(([name, config]) => [name, JSON.stringify(config, null, 2)])),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return { dir, tarball, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
