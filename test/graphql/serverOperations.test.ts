import { buildSchema, parse, validate, Kind, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as serverOperations from '../../src/graphql/serverOperations';
import { traySchemaSDL } from '../../src/graphql/schema';
import { checkOperation } from '../../src/server/operationPolicy';

const schema = buildSchema(traySchemaSDL);
// Every export, whatever it is: a new document is validated the moment it is added, and an
// export that is no document fails below instead of being skipped.
const documents = Object.entries(serverOperations as Record<string, unknown>);
const operationOf = (text: string) => parse(text).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

describe('server documents against the Tray schema subset', () => {
  it('finds the documents to check', () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      'ADMIN_INSTANCES_QUERY',
      'AUTHORIZATION_CODE_MUTATION',
      'AUTHORIZE_MUTATION',
      'CREATE_EXTERNAL_USER_MUTATION',
      'FIND_EXTERNAL_USER_QUERY',
      'HOOK_INSTANCES_PAGE_QUERY',
      'HOOK_INSTANCE_QUERY',
      'INSTANCES_AUTH_VALUES_PAGE_QUERY',
      'INSTANCES_PAGE_QUERY',
      'OWNED_INSTANCE_AUTH_VALUES_QUERY',
      'OWNED_INSTANCE_QUERY',
      'SET_ENABLED_MUTATION',
    ]);
  });

  it.each(documents)('%s is a plain string holding one named operation', (_name, text) => {
    expect(typeof text).toBe('string');
    const operations = operationOf(text as string);
    expect(operations).toHaveLength(1);
    expect(operations[0]!.name?.value).toMatch(/^TrayHandler[A-Z]/);
  });

  it.each(documents)('%s validates', (_name, text) => {
    expect(validate(schema, parse(text as string)).map((error) => error.message)).toEqual([]);
  });

  it('names every operation uniquely', () => {
    const names = documents.map(([, text]) => operationOf(text as string)[0]?.name?.value);
    expect(new Set(names).size).toBe(documents.length);
  });

  it.each(['OWNED_INSTANCE_QUERY', 'OWNED_INSTANCE_AUTH_VALUES_QUERY'] as const)('rejects %s with its id typed ID!, as Tray does', (name) => {
    const bad = serverOperations[name].replace('$id: String!', '$id: ID!');
    expect(bad).not.toBe(serverOperations[name]);
    expect(validate(schema, parse(bad)).length).toBeGreaterThan(0);
  });

  it('keeps the master-token mutations out of the browser’s reach through …/graphql', () => {
    for (const text of [serverOperations.AUTHORIZE_MUTATION, serverOperations.AUTHORIZATION_CODE_MUTATION]) {
      expect(checkOperation(parse(text), { allowIntrospection: false })).toMatchObject({ allowed: false });
    }
  });
});
