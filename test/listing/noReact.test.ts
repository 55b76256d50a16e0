// @vitest-environment node
// `react-tray-embedded/listing` promises a Node backend it can import the entry without React
// or Apollo installed (they are optional peers). This walks the entry's source import graph,
// type-only imports included (a `.d.ts` naming React would need @types/react), and fails on
// any module that reaches one of them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const FORBIDDEN = new Set(['react', 'react-dom', '@apollo/client']);

interface ImportGraph {
  /** Every source module reached, as a path relative to the repository root. */
  modules: string[];
  /** Each package imported, as `module → specifier`. */
  packageImports: Array<{ module: string; specifier: string; packageName: string }>;
}

/** `@scope/name/sub` → `@scope/name`, `react/jsx-runtime` → `react`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** A relative specifier as our sources write it (`./x.js`, `./dir/index.js`) → its .ts/.tsx file. */
function resolveSource(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.js$/, '');
  const found = [`${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((file) => existsSync(file));
  if (!found) throw new Error(`${relative(ROOT, from)} imports '${specifier}', which is no TypeScript source file`);
  return found;
}

function importGraph(entry: string): ImportGraph {
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

const forbiddenImports = (graph: ImportGraph) =>
  graph.packageImports.filter((i) => FORBIDDEN.has(i.packageName)).map((i) => `${i.module} → ${i.specifier}`);

describe('react-tray-embedded/listing has no React', () => {
  const graph = importGraph('src/listing/index.ts');

  it('walks the whole entry, not just its first file', () => {
    expect(graph.modules).toEqual(
      expect.arrayContaining(['src/listing/index.ts', 'src/listing/saveListing.ts', 'src/listing/createListingClient.ts', 'src/listing/types.ts']),
    );
  });

  it('reaches no module that imports react, react-dom or @apollo/client', () => {
    expect(forbiddenImports(graph)).toEqual([]);
  });

  it('reaches no React layer module (src/react, or any .tsx)', () => {
    expect(graph.modules.filter((module) => module.startsWith('src/react/') || module.endsWith('.tsx'))).toEqual([]);
  });

  it('would notice: the same walk from the editor entry finds React', () => {
    const editor = importGraph('src/react/listing/index.ts');
    expect(forbiddenImports(editor)).toEqual(expect.arrayContaining(['src/react/listing/SolutionListingEditor.tsx → react']));
    expect(editor.modules).toContain('src/listing/saveListing.ts');
  });

  it('fails loudly on an import it cannot resolve, rather than skipping it', () => {
    expect(() => resolveSource(join(ROOT, 'src/listing/index.ts'), './doesNotExist.js')).toThrow(/doesNotExist\.js/);
  });
});
