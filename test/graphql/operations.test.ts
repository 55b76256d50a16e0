import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from '../../src/graphql/operations';
import { traySchemaSDL } from '../../src/graphql/schema';
import { disableInput, enableInput } from '../../src/graphql/inputs';

const schema = buildSchema(traySchemaSDL);
const documents = Object.entries(operations).filter(
  ([, doc]) => (doc as DocumentNode).definitions.some((d) => d.kind === 'OperationDefinition'),
) as Array<[string, DocumentNode]>;

describe('operations against the Tray schema subset', () => {
  it('finds the operations to check', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(['SOLUTION_INSTANCE_QUERY', 'UPDATE_SOLUTION_INSTANCE']);
  });

  it.each(documents)('%s validates', (_name, doc) => {
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });

  it('rejects an id variable typed ID! for the String criteria, as Tray does', () => {
    const bad = (operations.SOLUTION_INSTANCE_QUERY.loc!.source.body).replace('$id: String!', '$id: ID!');
    expect(validate(schema, parse(bad)).length).toBeGreaterThan(0);
  });
});

describe('enable input', () => {
  it('always asks Tray to refuse a half-configured instance', () => {
    expect(enableInput('si-1', 'CRM')).toEqual({
      solutionInstanceId: 'si-1',
      instanceName: 'CRM',
      enabled: true,
      errorOnEnablingWithMissingValues: true,
    });
    expect(JSON.parse(JSON.stringify(enableInput('si-1')))).toEqual({ solutionInstanceId: 'si-1', enabled: true, errorOnEnablingWithMissingValues: true });
    expect(disableInput('si-1')).toEqual({ solutionInstanceId: 'si-1', enabled: false });
  });
});
