// `react-tray-embedded/server` runs in the partner's backend, where @apollo/client and React
// are optional peers: the handler and the documents it sends (src/graphql/serverOperations.ts)
// must reach neither. graphql itself is a required peer of this entry.
import { describe, expect, it } from 'vitest';
import { importGraph, importsOf } from '../support/importGraph';

describe('react-tray-embedded/server has no Apollo and no React', () => {
  const graph = importGraph('src/server/index.ts');

  it('reaches the routes and the documents they send', () => {
    expect(graph.modules).toEqual(
      expect.arrayContaining(['src/server/createTrayHandler.ts', 'src/server/wizardUrlRoute.ts', 'src/server/adminRoutes.ts', 'src/graphql/serverOperations.ts']),
    );
  });

  it('imports no package but graphql', () => {
    expect(importsOf(graph, ['@apollo/client', 'react', 'react-dom', 'rxjs'])).toEqual([]);
    expect(new Set(graph.packageImports.map((i) => i.packageName))).toEqual(new Set(['graphql']));
  });

  it('would notice: the client documents in src/graphql/operations.ts import @apollo/client', () => {
    expect(importsOf(importGraph('src/graphql/operations.ts'), ['@apollo/client'])).toEqual(['src/graphql/operations.ts → @apollo/client']);
  });
});
