/**
 * The package as a partner gets it: packed, installed into a throwaway app, imported with
 * plain Node, type-checked against, and server-rendered. Nothing here reads src/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerApp, type ConsumerApp } from './support/consumerApp.js';
import { ROOT, describeRun, ensureBuilt, run } from './support/dist.js';

let app: ConsumerApp;

beforeAll(() => {
  ensureBuilt();
  app = createConsumerApp();
});

afterAll(() => {
  app?.remove();
});

/** Runs a file of the app with Node and parses the one JSON line it prints. */
function runInApp<T>(file: string): T {
  const result = run(process.execPath, [file], app.dir);
  expect(result.status, describeRun(`node ${file}`, result)).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
}

describe('a partner app using the packed tarball', () => {
  it('imports every entry with plain Node ESM, touching no browser global at import', () => {
    const { exports, touched, css } = runInApp<{ exports: Record<string, string[]>; touched: string[]; css: string[] }>('imports.mjs');
    expect(exports['react-tray-embedded']).toEqual(expect.arrayContaining(['SolutionInstanceEnabler', 'TrayEmbeddedProvider', 'useConfigWizard']));
    expect(exports['react-tray-embedded/core']).toEqual(expect.arrayContaining(['WizardSession', 'TrayEmbeddedError']));
    expect(exports['react-tray-embedded/server']).toEqual(expect.arrayContaining(['createTrayHandler', 'toNodeListener']));
    expect(exports['react-tray-embedded/listing']).toEqual(expect.arrayContaining(['buildSolutionPatch', 'saveListing']));
    expect(touched).toEqual([]);
    expect(css.map((url) => url.replace(/^.*\/node_modules\//, ''))).toEqual([
      'react-tray-embedded/dist/styles.css',
      'react-tray-embedded/dist/listing.css',
    ]);
  });

  // Node ≥ 20.19 loads ES modules from require(); CommonJS servers can use the handler.
  it.runIf(process.features.require_module)('lets a CommonJS server require /server, /core and /listing', () => {
    expect(runInApp<string[]>('require.cjs')).toEqual(['function', 'function', 'function']);
  });

  it.each(['tsconfig.bundler.json', 'tsconfig.node16.json'])('type-checks a partner file with %s', (tsconfig) => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = run(process.execPath, [tsc, '-p', tsconfig], app.dir);
    expect(result.status, describeRun(`tsc -p ${tsconfig}`, result)).toBe(0);
  });

  it('server-renders the enabler inside an ApolloProvider without throwing', () => {
    const { html } = runInApp<{ html: string }>('render.mjs');
    expect(html).toContain('role="status"');
    expect(html).toMatch(/<button[^>]*>Configure<\/button>/);
  });
});
