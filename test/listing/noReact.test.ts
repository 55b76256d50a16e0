// @vitest-environment node
// `react-tray-embedded/listing` promises a Node backend it can import the entry without React
// or Apollo installed (they are optional peers): nothing the entry reaches may import them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, importGraph, importsOf, resolveSource } from '../support/importGraph';

const FORBIDDEN = ['react', 'react-dom', '@apollo/client'];

describe('react-tray-embedded/listing has no React', () => {
  const graph = importGraph('src/listing/index.ts');

  it('walks the whole entry, not just its first file', () => {
    expect(graph.modules).toEqual(
      expect.arrayContaining(['src/listing/index.ts', 'src/listing/saveListing.ts', 'src/listing/createListingClient.ts', 'src/listing/types.ts']),
    );
  });

  it('reaches no module that imports react, react-dom or @apollo/client', () => {
    expect(importsOf(graph, FORBIDDEN)).toEqual([]);
  });

  it('reaches no React layer module (src/react, or any .tsx)', () => {
    expect(graph.modules.filter((module) => module.startsWith('src/react/') || module.endsWith('.tsx'))).toEqual([]);
  });

  it('would notice: the same walk from the editor entry finds React', () => {
    const editor = importGraph('src/react/listing/index.ts');
    expect(importsOf(editor, FORBIDDEN)).toEqual(expect.arrayContaining(['src/react/listing/SolutionListingEditor.tsx → react']));
    expect(editor.modules).toContain('src/listing/saveListing.ts');
  });

  it('fails loudly on an import it cannot resolve, rather than skipping it', () => {
    expect(() => resolveSource(join(ROOT, 'src/listing/index.ts'), './doesNotExist.js')).toThrow(/doesNotExist\.js/);
  });
});
