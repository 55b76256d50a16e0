import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// One graphql instance for every importer, or graphql throws "GraphQLSchema from another realm"
// (its ESM and CJS builds would otherwise both load).
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');
const alias = [{ find: /^graphql$/, replacement: graphqlEntry }];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'test/server/**', 'test/mock-tray/**', 'test/package/**'],
          setupFiles: ['test/setup.ts'],
          restoreMocks: true,
          // A test waits for several signals of up to 4 s each (asyncUtilTimeout in test/setup.ts).
          testTimeout: 15_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/server/**/*.test.ts', 'test/mock-tray/**/*.test.ts'],
          exclude: ['test/server/redis/sharedStore.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          // Eight handler processes and a redis-server: run by `npm test` after the others, on
          // its own, so its figures (one authorize, one catalog call) are not starved by the
          // rest of the suite into the in-process fallback the store takes when Redis is slow.
          name: 'processes',
          environment: 'node',
          include: ['test/server/redis/sharedStore.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          globalSetup: ['test/e2e/support/globalSetup.ts'],
          include: ['test/e2e/**/*.test.ts', 'test/package/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
