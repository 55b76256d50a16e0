/**
 * `react-tray-embedded/server` as a partner's Node process runs it: built by `buildLibrary`
 * (what `npm run build` runs) and imported from the built files, not from our TypeScript
 * sources through tsx, whose transform wraps every function in a `__name` call and made the
 * handler ~15% slower than what ships. The build goes into node_modules/.cache (so its imports
 * of graphql resolve as in an install) and is removed after.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildLibrary } from '../../build.js';

export type ShippedServer = typeof import('../../../src/server/index.js');

export async function withShippedServer<T>(use: (server: ShippedServer) => Promise<T>): Promise<T> {
  const cache = resolve('node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'rte-bench-server-'));
  try {
    await buildLibrary({ outDir, declarations: false, cli: false });
    const server = (await import(pathToFileURL(join(outDir, 'server', 'index.js')).href)) as ShippedServer;
    return await use(server);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
