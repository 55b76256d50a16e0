/**
 * The source import graph of an entry file, for tests that prove a layer does not reach
 * another (no React in `/listing`, no Apollo in `/server`). Lexical, so type-only imports
 * count too: a `.d.ts` that names a package needs it installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface ImportGraph {
  /** Every source module reached, as a path relative to the repository root, sorted. */
  modules: string[];
  /** Every import of a package, by the module that wrote it. */
  packageImports: Array<{ module: string; specifier: string; packageName: string }>;
}

/** `@scope/name/sub` → `@scope/name`, `react/jsx-runtime` → `react`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** A relative specifier as our sources write it (`./x.js`, `./dir/index.js`) → its .ts/.tsx file. */
export function resolveSource(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.js$/, '');
  const found = [`${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((file) => existsSync(file));
  if (!found) throw new Error(`${relative(ROOT, from)} imports '${specifier}', which is no TypeScript source file`);
  return found;
}

/** Follows every relative import from `entry` (relative to the repository root). */
export function importGraph(entry: string): ImportGraph {
  const seen = new Set<string>();
  const packageImports: ImportGraph['packageImports'] = [];
  const pending = [resolve(ROOT, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const module = relative(ROOT, file);
    // Static, dynamic and type-only imports and re-exports, plus `/// <reference types>`.
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const specifiers = [...info.importedFiles, ...info.typeReferenceDirectives].map((ref) => ref.fileName);
    // With `jsx: react-jsx` every .tsx file imports react/jsx-runtime without saying so.
    if (file.endsWith('.tsx')) specifiers.push('react/jsx-runtime');
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) pending.push(resolveSource(file, specifier));
      else packageImports.push({ module, specifier, packageName: packageNameOf(specifier) });
    }
  }
  return { modules: [...seen].map((file) => relative(ROOT, file)).sort(), packageImports };
}

/** `module → specifier` for each import of one of `packages`: `[]` when the layer is clean. */
export function importsOf(graph: ImportGraph, packages: readonly string[]): string[] {
  return graph.packageImports.filter((i) => packages.includes(i.packageName)).map((i) => `${i.module} → ${i.specifier}`);
}
