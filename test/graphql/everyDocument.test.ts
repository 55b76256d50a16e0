import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSchema, Kind, parse, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as marketplace from '../../src/graphql/marketplace';
import * as operations from '../../src/graphql/operations';
import { traySchemaSDL } from '../../src/graphql/schema';
import * as serverOperations from '../../src/graphql/serverOperations';

/**
 * Every GraphQL document anything of ours sends (the widget, the handler, the admin client, the
 * demo, the benches, the example app, the mock's test clients) validates against the SDL, which
 * has Tray's type names and nullability: a document that passes here is written for real Tray.
 * Documents are found by reading the sources, so a new one is checked the day it is written.
 */
const root = process.cwd(); // Vitest runs from the repository root
const schema = buildSchema(traySchemaSDL);
const SCANNED = ['src', 'scripts', 'examples/partner-app/src', 'examples/partner-app/server', 'test/mock-tray/helpers.ts'];

function sourceFiles(path: string): string[] {
  const full = join(root, path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return [path];
  return readdirSync(full).flatMap((name) => (name === 'node_modules' || name === 'dist' ? [] : sourceFiles(join(path, name))));
}

/** Template literals and strings that hold a whole operation: `query …`, `mutation …`, `{ viewer … }`. */
function documentsIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/`([^`]*)`|'((?:query|mutation)[ ({][^'\n]*)'/g)) {
    const body = match[1] ?? match[2] ?? '';
    if (!/^\s*(query|mutation)\b[^]*\{/.test(body) && !/^\s*\{\s*(viewer|users)\b/.test(body)) continue;
    // `${…}` pieces are filled from constants; those modules are imported and checked whole below.
    if (body.includes('${')) continue;
    found.push(body);
  }
  return found;
}

const scanned = SCANNED.flatMap(sourceFiles)
  .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file) && !file.endsWith('.d.ts') && !file.startsWith('src/graphql/schema'))
  .flatMap((file) => documentsIn(readFileSync(join(root, file), 'utf8')).map((text, index) => [`${relative('.', file)} #${index + 1}`, text] as const));

const imported = Object.entries({ ...operations, ...marketplace, ...serverOperations })
  .map(([name, value]) => [name, typeof value === 'string' ? value : (value as DocumentNode)?.loc?.source.body] as const)
  .filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string' && /^\s*(query|mutation)\b/m.test(entry[1]));

describe('every document we send, against Tray’s SDL', () => {
  it('finds the documents of the library, the admin client, the demo, the benches and the mock’s clients', () => {
    const where = scanned.map(([name]) => name.split(' ')[0]);
    for (const file of ['src/core/adminClient.ts', 'src/demo/stories/LiveEnablers.tsx', 'scripts/bench/gateway.ts', 'test/mock-tray/helpers.ts', 'src/graphql/serverOperations.ts']) {
      expect(where).toContain(file);
    }
    expect(imported.map(([name]) => name)).toEqual(expect.arrayContaining(['SOLUTION_INSTANCE_QUERY', 'MARKETPLACE_INSTANCES_QUERY', 'OWNED_INSTANCE_QUERY']));
  });

  it.each([...scanned, ...imported])('%s validates', (_name, text) => {
    const document = parse(text);
    expect(document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION)).toBe(true);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });

  it('refuses our old type names, so a fragment or __typename check written against them fails here first', () => {
    for (const old of ['SolutionInstanceEdge', 'AuthValueOutput', 'Workflow', 'SolutionVersionFlags', 'ViewerDetails']) {
      expect(schema.getType(old)).toBeUndefined();
    }
    const fragment = parse('query Q { viewer { solutionInstances { edges { ...E } } } } fragment E on SolutionInstanceEdge { cursor }');
    expect(validate(schema, fragment).length).toBeGreaterThan(0);
    const tray = parse('query Q { viewer { solutionInstances { edges { ...E } } } } fragment E on SolutionInstanceConnectionEdge { cursor }');
    expect(validate(schema, tray)).toEqual([]);
  });
});
