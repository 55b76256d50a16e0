import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, describeRun, ensureBuilt, pack, run, type PackedFile, type PackReport } from './support/dist.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
  sideEffects: unknown;
  peerDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
};

/** The sandbox's bin (src/mock-tray/cli, bundled): the one place the mock Tray ships. */
const CLI_DIR = 'dist/cli/';
const isCli = (path: string) => path.startsWith(CLI_DIR);

/** Every file an `exports` condition points at, e.g. `dist/core/index.d.ts`. */
const exportTargets = Object.values(pkg.exports)
  .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
  .map((target) => target.replace(/^\.\//, ''));

let files: string[] = [];
let packed: PackedFile[] = [];

beforeAll(() => {
  ensureBuilt();
  // dist/ is fresh; --ignore-scripts spares the second build `prepack` would run.
  packed = pack(['--dry-run', '--ignore-scripts']).files;
  files = packed.map((file) => file.path).sort();
});

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('npm pack', () => {
  it('ships dist/ and the package metadata only', () => {
    const outside = files.filter((path) => !/^dist\//.test(path) && !/^(package\.json|README\.md|LICENSE(\.md)?)$/.test(path));
    expect(outside).toEqual([]);
  });

  it('ships no tests, demo, mock Tray or scripts, but for the bundled bin in dist/cli/', () => {
    const forbidden = /(^|\/)(test|tests|__tests__|demo|mock-tray|mocks?|scripts)(\/|$)|\.(test|spec)\.|\.tsx?$(?<!\.d\.ts)/;
    expect(files.filter((path) => forbidden.test(path))).toEqual([]);
    expect(files.filter(isCli)).toEqual(['dist/cli/react-tray-embedded.js', 'dist/cli/sandbox.js']);
  });

  it('ships the bin: `react-tray-embedded`, a Node script, executable', () => {
    expect(pkg.bin).toEqual({ 'react-tray-embedded': './dist/cli/react-tray-embedded.js' });
    const bin = packed.find((file) => file.path === 'dist/cli/react-tray-embedded.js')!;
    expect(read(bin.path)).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(bin.mode & 0o111, `mode ${bin.mode.toString(8)}`).toBe(0o111);
  });

  it('ships every file the exports map points at', () => {
    expect(exportTargets).toContain('dist/listing.css');
    expect(exportTargets).toContain('dist/marketplace.css');
    expect(exportTargets.filter((target) => !files.includes(target))).toEqual([]);
  });

  it('has a declaration beside every JavaScript module of the library', () => {
    const js = files.filter((path) => path.endsWith('.js') && !isCli(path));
    expect(js.length).toBeGreaterThan(10);
    expect(js.filter((path) => !files.includes(path.replace(/\.js$/, '.d.ts')))).toEqual([]);
  });
});

describe('built modules', () => {
  it("marks the components entry 'use client' and no other entry", () => {
    expect(read('dist/index.js')).toMatch(/^(['"])use client\1;?\n/);
    for (const entry of ['dist/core/index.js', 'dist/server/index.js', 'dist/listing/index.js']) {
      expect(read(entry), entry).not.toMatch(/use client/);
    }
  });

  const bareImports = (paths: string[]) => [
    ...new Set(paths.flatMap((path) => [...read(path).matchAll(/(?:from|import)\s*\(?\s*["']([^"'.][^"']*)["']/g)].map((m) => m[1]!))),
  ];
  const outside = (ids: string[], allowed: string[]) => ids.filter((id) => !allowed.some((name) => id === name || id.startsWith(`${name}/`)));

  it('imports nothing but relative modules and the declared peers (the library)', () => {
    const library = files.filter((path) => (path.endsWith('.js') || path.endsWith('.d.ts')) && !isCli(path));
    expect(outside(bareImports(library), Object.keys(pkg.peerDependencies))).toEqual([]);
    expect(pkg.dependencies).toBeUndefined();
  });

  it('the bin imports only Node, the graphql peer and its optional dependency, pinned exactly', () => {
    expect(pkg.optionalDependencies).toEqual({ 'graphql-http': expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    const imports = bareImports(files.filter(isCli)).filter((id) => !id.startsWith('node:'));
    expect(imports.sort()).toEqual(['graphql', 'graphql-http/lib/use/fetch']);
    // The entry file itself loads no package: the flags are read, and a missing one explained, first.
    expect(bareImports(['dist/cli/react-tray-embedded.js']).filter((id) => !id.startsWith('node:'))).toEqual([]);
  });

  it('is a production build, whoever ran it: no jsx-dev-runtime, no path of the machine that built it', () => {
    // dist/ was built inside Vitest (NODE_ENV=test) when it was missing or stale: the case that once shipped jsxDEV.
    const shipped = files.filter((path) => path.endsWith('.js'));
    expect(shipped.filter((path) => /jsx-dev-runtime|jsxDEV|_jsxFileName/.test(read(path)))).toEqual([]);
    expect(shipped.filter((path) => read(path).includes(ROOT))).toEqual([]);
  });

  it('declares side effects for CSS only, and every shipped CSS file matches', () => {
    expect(pkg.sideEffects).toEqual(['*.css']);
    expect(files.filter((path) => path.endsWith('.css'))).toEqual(['dist/listing.css', 'dist/marketplace.css', 'dist/styles.css']);
  });

  it('keeps the peers of the design: React 18+, Apollo Client 4, graphql 16 or 17, rxjs 7', () => {
    expect(pkg.peerDependencies).toEqual({
      '@apollo/client': '^4.0.0',
      graphql: '^16.0.0 || ^17.0.0',
      react: '>=18',
      'react-dom': '>=18',
      rxjs: '^7.0.0',
    });
  });
});

/**
 * A fresh clone has no dist/: `npm pack` must build it (`prepack`), or the tarball ships no
 * code. The clone is this checkout's files as git sees them (tracked and new, never ignored
 * ones such as dist/), with node_modules linked.
 */
describe('npm pack on a fresh clone', () => {
  let report: PackReport;
  let clone: string;

  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'rte-clone-'));
    const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    if (listed.status !== 0) throw new Error(describeRun('git ls-files', listed));
    for (const path of listed.stdout.split('\0').filter(Boolean)) {
      if (!existsSync(join(ROOT, path))) continue; // deleted in the work tree, not yet committed
      mkdirSync(dirname(join(clone, path)), { recursive: true });
      copyFileSync(join(ROOT, path), join(clone, path));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    report = pack(['--dry-run'], clone);
  }, 180_000);
  afterAll(() => {
    if (clone) rmSync(clone, { recursive: true, force: true });
  });

  it('builds dist/ first, so the tarball has every entry, its types and the bin', () => {
    const paths = report.files.map((file) => file.path);
    expect(exportTargets.filter((target) => !paths.includes(target))).toEqual([]);
    expect(paths).toContain(pkg.bin['react-tray-embedded']!.replace(/^\.\//, ''));
    expect(paths.filter((path) => path.endsWith('.js')).length).toBeGreaterThan(10);
  });

  it('has the size and file count the docs give (README.md, docs/packaging.md)', () => {
    const kb = (bytes: number) => Math.round(bytes / 1024);
    const actual = `The tarball is ${kb(report.size)} KB (${kb(report.unpackedSize)} KB unpacked, ${report.entryCount} files)`;
    for (const doc of ['README.md', 'docs/packaging.md']) {
      const stated = [...read(doc).matchAll(/The tarball is \d+ KB \(\d+ KB unpacked, \d+ files\)/g)].map((m) => m[0]);
      expect(stated.length, `${doc} states the tarball's size as "${actual}"`).toBeGreaterThan(0);
      expect(stated, `${doc}: npm pack says "${actual}"`).toEqual(stated.map(() => actual));
    }
  });
});
