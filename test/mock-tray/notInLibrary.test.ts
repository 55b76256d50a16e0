// The sandbox ships in the package (its bin), but a partner who never runs it must not need
// its runtime dependency: no library entry may reach the mock Tray or graphql-http.
import { describe, expect, it } from 'vitest';
import { importGraph, importsOf } from '../support/importGraph';

const LIBRARY_ENTRIES = ['src/index.ts', 'src/core/index.ts', 'src/server/index.ts', 'src/listing/index.ts'];
const SANDBOX_ONLY = ['graphql-http'];

describe('the library entries reach nothing of the sandbox', () => {
  it.each(LIBRARY_ENTRIES)('%s imports no module of src/mock-tray and no graphql-http', (entry) => {
    const graph = importGraph(entry);
    expect(graph.modules.length).toBeGreaterThan(3);
    expect(graph.modules.filter((module) => module.startsWith('src/mock-tray/'))).toEqual([]);
    expect(importsOf(graph, SANDBOX_ONLY)).toEqual([]);
  });

  it('would notice: the bin reaches the mock and graphql-http, through its one dynamic import', () => {
    const graph = importGraph('src/mock-tray/cli/index.ts');
    expect(graph.modules).toEqual(expect.arrayContaining(['src/mock-tray/cli/sandbox.ts', 'src/mock-tray/server.ts', 'src/mock-tray/graphqlApi.ts']));
    expect(importsOf(graph, SANDBOX_ONLY)).toEqual(['src/mock-tray/graphqlApi.ts → graphql-http/lib/use/fetch']);
  });

  it('the bin reads its flags before it loads anything: args.ts and output.ts import nothing', () => {
    for (const file of ['src/mock-tray/cli/args.ts', 'src/mock-tray/cli/output.ts']) {
      const graph = importGraph(file);
      expect(graph.modules, file).toEqual([file]);
      expect(graph.packageImports, file).toEqual([]);
    }
  });
});
