import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, describeRun, ensureBuilt, run } from './support/dist.js';

interface PackedFile {
  path: string;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  sideEffects: unknown;
  peerDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
};

/** Every file an `exports` condition points at, e.g. `dist/core/index.d.ts`. */
const exportTargets = Object.values(pkg.exports)
  .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
  .map((target) => target.replace(/^\.\//, ''));

let files: string[] = [];

beforeAll(() => {
  ensureBuilt();
  const result = run('npm', ['pack', '--dry-run', '--json']);
  if (result.status !== 0) throw new Error(describeRun('npm pack --dry-run --json', result));
  const [tarball] = JSON.parse(result.stdout) as Array<{ files: PackedFile[] }>;
  files = tarball!.files.map((file) => file.path).sort();
});

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('npm pack', () => {
  it('ships dist/ and the package metadata only', () => {
    const outside = files.filter((path) => !/^dist\//.test(path) && !/^(package\.json|README\.md|LICENSE(\.md)?)$/.test(path));
    expect(outside).toEqual([]);
  });

  it('ships no tests, demo, mock Tray or scripts', () => {
    const forbidden = /(^|\/)(test|tests|__tests__|demo|mock-tray|mocks?|scripts)(\/|$)|\.(test|spec)\.|\.tsx?$(?<!\.d\.ts)/;
    expect(files.filter((path) => forbidden.test(path))).toEqual([]);
  });

  it('ships every file the exports map points at', () => {
    expect(exportTargets).toContain('dist/listing.css');
    expect(exportTargets).toContain('dist/marketplace.css');
    expect(exportTargets.filter((target) => !files.includes(target))).toEqual([]);
  });

  it('has a declaration beside every JavaScript module', () => {
    const js = files.filter((path) => path.endsWith('.js'));
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

  it('imports nothing but relative modules and the declared peers', () => {
    const peers = Object.keys(pkg.peerDependencies);
    const bare = files
      .filter((path) => path.endsWith('.js') || path.endsWith('.d.ts'))
      .flatMap((path) => [...read(path).matchAll(/(?:from|import)\s*\(?\s*["']([^"'.][^"']*)["']/g)].map((m) => m[1]!));
    const undeclared = [...new Set(bare)].filter((id) => !peers.some((peer) => id === peer || id.startsWith(`${peer}/`)));
    expect(undeclared).toEqual([]);
    expect(pkg.dependencies).toBeUndefined();
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
