import { Kind, parse, type ObjectValueNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, expectNoTokenLeaks } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const SELECTION = '{ solutionInstance { id enabled } }';

/** Sends `query` (and `variables`) and returns what reached Tray for the update. */
async function forwardedUpdate(query: string, variables?: Record<string, unknown>, options: Parameters<typeof createHarness>[0] = {}) {
  const { post, tray } = createHarness(options);
  tray.addInstance({ id: 'inst-a', owner: 'user-a' });
  const reply = await post('/graphql', { query, ...(variables ? { variables } : {}) });
  expect(reply.status).toBe(200);
  const [update] = tray.callsTo('updateSolutionInstance');
  expect(update).toBeDefined();
  return update!.body;
}

/** The literal `input` object of the (only) updateSolutionInstance in the forwarded document, as plain values. */
function literalInput(query: string): Record<string, unknown> | string {
  const document = parse(query);
  const fields: FieldNode[] = [];
  const collect = (node: { selectionSet?: { selections: readonly unknown[] } }) =>
    node.selectionSet?.selections.forEach((selection: any) => {
      if (selection.kind === Kind.FIELD && selection.name.value === 'updateSolutionInstance') fields.push(selection);
      if (selection.selectionSet) collect(selection);
    });
  document.definitions.forEach((definition: any) => collect(definition));
  expect(fields).toHaveLength(1);
  const input = fields[0]!.arguments!.find((argument) => argument.name.value === 'input')!.value;
  if (input.kind === Kind.VARIABLE) return `$${input.name.value}`;
  return Object.fromEntries(
    (input as ObjectValueNode).fields.map((field) => [
      field.name.value,
      field.value.kind === Kind.VARIABLE ? `$${field.value.name.value}` : 'value' in field.value ? field.value.value : null,
    ]),
  );
}

describe('enabling always carries errorOnEnablingWithMissingValues: true', () => {
  it('adds it to a literal input that enables', async () => {
    const body = await forwardedUpdate(`mutation { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: true}) ${SELECTION} }`);
    expect(literalInput(body.query)).toEqual({ solutionInstanceId: 'inst-a', enabled: true, errorOnEnablingWithMissingValues: true });
  });

  it('overrides a literal false', async () => {
    const body = await forwardedUpdate(
      `mutation { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: true, errorOnEnablingWithMissingValues: false}) ${SELECTION} }`,
    );
    expect(literalInput(body.query)).toEqual({ solutionInstanceId: 'inst-a', enabled: true, errorOnEnablingWithMissingValues: true });
  });

  it('adds it when enabled comes from a variable inside a literal input', async () => {
    const body = await forwardedUpdate(
      `mutation ($on: Boolean) { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: $on}) ${SELECTION} }`,
      { on: true },
    );
    expect(literalInput(body.query)).toEqual({ solutionInstanceId: 'inst-a', enabled: '$on', errorOnEnablingWithMissingValues: true });
  });

  it('forces a flag variable to true rather than dropping it (an unused variable fails validation)', async () => {
    const body = await forwardedUpdate(
      `mutation ($check: Boolean) { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: true, errorOnEnablingWithMissingValues: $check}) ${SELECTION} }`,
      { check: false },
    );
    expect(literalInput(body.query)).toMatchObject({ errorOnEnablingWithMissingValues: '$check' });
    expect(body.variables).toEqual({ check: true });
  });

  it('patches an input passed as a variable (what the widget sends), and leaves the caller’s object alone', async () => {
    const query = `mutation Enable($input: UpdateSolutionInstanceInput!) { updateSolutionInstance(input: $input) ${SELECTION} }`;
    const sent = { input: { solutionInstanceId: 'inst-a', enabled: true, errorOnEnablingWithMissingValues: false, configValues: [] } };
    const body = await forwardedUpdate(query, sent);
    expect(body.variables).toEqual({ input: { solutionInstanceId: 'inst-a', enabled: true, errorOnEnablingWithMissingValues: true, configValues: [] } });
    const missing = await forwardedUpdate(query, { input: { solutionInstanceId: 'inst-a', enabled: true } });
    expect(missing.variables!.input.errorOnEnablingWithMissingValues).toBe(true);
  });

  it('rewrites a variable’s default value that enables', async () => {
    const body = await forwardedUpdate(
      `mutation ($input: UpdateSolutionInstanceInput = {solutionInstanceId: "inst-a", enabled: true}) { updateSolutionInstance(input: $input) ${SELECTION} }`,
    );
    const operation = parse(body.query).definitions[0] as OperationDefinitionNode;
    const defaults = operation.variableDefinitions![0]!.defaultValue as ObjectValueNode;
    expect(defaults.fields.map((field) => field.name.value)).toEqual(['solutionInstanceId', 'enabled', 'errorOnEnablingWithMissingValues']);
  });

  it('reaches updates hidden behind an alias or in a fragment on Mutation', async () => {
    for (const query of [
      `mutation { on: updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: true}) ${SELECTION} }`,
      `mutation { ...M } fragment M on Mutation { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: true}) ${SELECTION} }`,
      `mutation { ... on Mutation { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: true}) ${SELECTION} } }`,
    ]) {
      const body = await forwardedUpdate(query);
      expect(literalInput(body.query)).toMatchObject({ errorOnEnablingWithMissingValues: true });
    }
  });

  it('leaves updates that do not enable as they are', async () => {
    const literal = await forwardedUpdate(`mutation { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: false}) ${SELECTION} }`);
    expect(literalInput(literal.query)).toEqual({ solutionInstanceId: 'inst-a', enabled: false });
    const rename = await forwardedUpdate(`mutation { updateSolutionInstance(input: {solutionInstanceId: "inst-a", instanceName: "New"}) ${SELECTION} }`);
    expect(literalInput(rename.query)).toEqual({ solutionInstanceId: 'inst-a', instanceName: 'New' });
    const query = `mutation ($input: UpdateSolutionInstanceInput!) { updateSolutionInstance(input: $input) ${SELECTION} }`;
    const disable = await forwardedUpdate(query, { input: { solutionInstanceId: 'inst-a', enabled: false } });
    expect(disable.variables).toEqual({ input: { solutionInstanceId: 'inst-a', enabled: false } });
  });

  it('requireMissingValuesCheck: false forwards the update untouched', async () => {
    const options = { requireMissingValuesCheck: false };
    const literal = await forwardedUpdate(`mutation { updateSolutionInstance(input: {solutionInstanceId: "inst-a", enabled: true}) ${SELECTION} }`, undefined, options);
    expect(literalInput(literal.query)).toEqual({ solutionInstanceId: 'inst-a', enabled: true });
    const query = `mutation ($input: UpdateSolutionInstanceInput!) { updateSolutionInstance(input: $input) ${SELECTION} }`;
    const variable = await forwardedUpdate(query, { input: { solutionInstanceId: 'inst-a', enabled: true } }, options);
    expect(variable.variables).toEqual({ input: { solutionInstanceId: 'inst-a', enabled: true } });
  });
});
