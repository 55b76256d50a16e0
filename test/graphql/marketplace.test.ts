import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as marketplace from '../../src/graphql/marketplace';
import { traySchemaSDL } from '../../src/graphql/schema';
import { checkOperation } from '../../src/server/operationPolicy';

const schema = buildSchema(traySchemaSDL);
const documents = Object.entries(marketplace).filter(
  ([, doc]) => typeof doc === 'object' && (doc as DocumentNode).definitions?.some((d) => d.kind === 'OperationDefinition'),
) as Array<[string, DocumentNode]>;

describe('marketplace documents against the Tray schema subset', () => {
  it('finds the documents to check', () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      'CREATE_SOLUTION_INSTANCE',
      'MARKETPLACE_INSTANCES_QUERY',
      'MARKETPLACE_SOLUTIONS_QUERY',
      'MARKETPLACE_UPDATE_SOLUTION_INSTANCE',
      'REMOVE_SOLUTION_INSTANCE',
      'UPGRADE_SOLUTION_INSTANCE',
    ]);
  });

  it.each(documents)('%s validates', (_name, doc) => {
    expect(validate(schema, doc).map((error) => error.message)).toEqual([]);
  });

  it('names every operation uniquely, and the instances query as MARKETPLACE_INSTANCES_OPERATION says', () => {
    const names = documents.map(([, doc]) => (doc.definitions[0] as { name?: { value: string } }).name?.value);
    expect(new Set(names).size).toBe(documents.length);
    expect(names).toContain(marketplace.MARKETPLACE_INSTANCES_OPERATION);
    expect(names).not.toContain('UpdateSolutionInstance'); // the enabler's own operation name
  });

  it('every mutation answers with the fields the list shows, so the cache takes the server’s answer', () => {
    const listFields = /id name enabled created solution \{ id title authSlots \{ externalId title \} customFields \{ key value \} \}\s+authValues \{ externalId authId \}\s+solutionVersionFlags \{ hasNewerVersion requiresUserInputToUpdateVersion requiresSystemInputToUpdateVersion \}/;
    for (const doc of [marketplace.MARKETPLACE_INSTANCES_QUERY, marketplace.CREATE_SOLUTION_INSTANCE, marketplace.MARKETPLACE_UPDATE_SOLUTION_INSTANCE, marketplace.UPGRADE_SOLUTION_INSTANCE]) {
      expect(doc.loc!.source.body).toMatch(listFields);
    }
  });

  it('passes the server handler’s policy: user token, except the catalog which lists under the master token', () => {
    const verdicts = Object.fromEntries(documents.map(([name, doc]) => [name, checkOperation(parse(doc.loc!.source.body), { allowIntrospection: false })]));
    expect(verdicts).toEqual({
      CREATE_SOLUTION_INSTANCE: { allowed: true, token: 'user' },
      MARKETPLACE_INSTANCES_QUERY: { allowed: true, token: 'user' },
      MARKETPLACE_SOLUTIONS_QUERY: { allowed: true, token: 'master' },
      MARKETPLACE_UPDATE_SOLUTION_INSTANCE: { allowed: true, token: 'user' },
      REMOVE_SOLUTION_INSTANCE: { allowed: true, token: 'user' },
      UPGRADE_SOLUTION_INSTANCE: { allowed: true, token: 'user' },
    });
  });
});
