import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { SOLUTION_INSTANCE_QUERY, UPDATE_SOLUTION_INSTANCE } from '../../src/graphql/operations';
import { enableInput } from '../../src/graphql/inputs';
import { createHarness, expectNoTokenLeaks, MASTER_TOKEN } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const forbidden: Array<[string, string, string?]> = [
  ['authorize', 'mutation { authorize(input: {userId: "u"}) { accessToken } }'],
  ['generateAuthorizationCode', 'mutation { generateAuthorizationCode(input: {userId: "u"}) { authorizationCode } }'],
  ['createExternalUser', 'mutation { createExternalUser(input: {name: "x", externalUserId: "y"}) { userId } }'],
  ['removeExternalUser', 'mutation { removeExternalUser(input: {userId: "u"}) { clientMutationId } }'],
  ['createUserAuthentication', 'mutation { createUserAuthentication(input: {userId: "u", serviceEnvironmentId: "s", data: "{}"}) { authenticationId } }'],
  ['removeAuthentication', 'mutation { removeAuthentication(input: {authenticationId: "a"}) { clientMutationId } }'],
  ['callConnector', 'mutation { callConnector(input: {connector: "c", version: "1", action: "a", input: "{}"}) { output } }'],
  ['users', '{ users { edges { node { id externalUserId } } } }'],
  ['__schema', '{ __schema { types { name } } }'],
  ['__type', '{ __type(name: "Mutation") { fields { name } } }'],
  ['alias a: authorize', 'mutation { a: authorize(input: {userId: "u"}) { accessToken } }'],
  ['alias named like an allowed field', 'mutation { updateSolutionInstance: authorize(input: {userId: "u"}) { accessToken } }'],
  ['fragment on Mutation', 'mutation { ...M } fragment M on Mutation { authorize(input: {userId: "u"}) { accessToken } }'],
  ['inline fragment on Mutation', 'mutation { ... on Mutation { generateAuthorizationCode(input: {userId: "u"}) { authorizationCode } } }'],
  ['inline fragment without type', 'mutation { ... { createExternalUser(input: {name: "x", externalUserId: "y"}) { userId } } }'],
  ['fragment on Query', 'query { ...Q } fragment Q on Query { users { edges { node { id } } } }'],
  ['fragment on Viewer', '{ viewer { ...V } } fragment V on Viewer { users { edges { node { id } } } }'],
  ['fragment chain', '{ viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { users { edges { node { id } } } }'],
  ['fragment cycle hiding a field', '{ viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A users { edges { node { id } } } }'],
  ['a field Viewer does not have', '{ viewer { secrets { id } } }'],
  ['removeAuthentication beside the connected accounts', 'mutation { removeAuthentication(input: {authenticationId: "a"}) { clientMutationId } }'],
  ['@include(if: false)', 'mutation { updateSolutionInstance(input: {solutionInstanceId: "i"}) { clientMutationId } authorize(input: {userId: "u"}) @include(if: false) { accessToken } }'],
  ['@skip(if: true)', '{ users @skip(if: true) { edges { node { id } } } viewer { solutionInstances { totalCount } } }'],
  ['subscription', 'subscription { viewer { solutionInstances { totalCount } } }'],
  ['second operation forbidden', 'query Ok { viewer { solutionInstances { totalCount } } } mutation Bad { authorize(input: {userId: "u"}) { accessToken } }', 'Ok'],
  ['unused fragment', '{ viewer { solutionInstances { totalCount } } } fragment Unused on Mutation { authorize(input: {userId: "u"}) { accessToken } }'],
  ['Query fragment spread deep inside', '{ viewer { solutionInstances { edges { node { ...Q } } } } } fragment Q on Query { users { edges { node { id } } } }'],
  ['fragment on another type spread into viewer', '{ viewer { ...F } } fragment F on SolutionInstance { owner }'],
  ['inline fragment on Viewer deep inside', '{ viewer { solutionInstances { edges { node { ... on Viewer { details { email } } } } } } }'],
  ['Mutation inline fragment deep inside', 'mutation { updateSolutionInstance(input: {solutionInstanceId: "i"}) { ... on Mutation { authorize(input: {userId: "u"}) { accessToken } } } }'],
  ['mutation field on the query root', 'query { authorize(input: {userId: "u"}) { accessToken } }'],
  ['viewer on the mutation root', 'mutation { viewer { solutionInstances { totalCount } } }'],
  ['introspection in a fragment', '{ ...I } fragment I on Query { __schema { queryType { name } } }'],
  ['introspection deep inside', '{ viewer { solutionInstances { edges { node { __type(name: "User") { name } } } } } }'],
  // Master-only fields are refused at any depth, not just at the root: Tray would never run
  // them there, but an allow-list must not rest on that (the solutions one goes out under the master token).
  ['users nested inside an instance', '{ viewer { solutionInstances { edges { node { users { edges { node { id } } } } } } } }'],
  ['authorize nested in a mutation payload', 'mutation { updateSolutionInstance(input: {solutionInstanceId: "i"}) { solutionInstance { authorize(input: {userId: "u"}) { accessToken } } } }'],
  ['generateAuthorizationCode nested in the catalog', '{ viewer { solutions { edges { node { generateAuthorizationCode(input: {userId: "u"}) { authorizationCode } } } } } }'],
  ['createExternalUser nested in a fragment on Solution', '{ viewer { solutions { edges { node { ...S } } } } } fragment S on Solution { createExternalUser(input: {name: "x", externalUserId: "y"}) { userId } }'],
  ['schema definition', 'type Query { secret: String }'],
  ['unknown fragment', '{ viewer { ...Missing } }'],
];

const instanceQuery = print(SOLUTION_INSTANCE_QUERY);
const allowed: Array<[string, { query: string; variables?: object; operationName?: string }, 'user' | 'master']> = [
  ['enable mutation', { query: print(UPDATE_SOLUTION_INSTANCE), variables: { input: enableInput('inst-a1') } }, 'user'],
  ['instance query with fragments on SolutionInstance', { query: instanceQuery, variables: { id: 'inst-a1' } }, 'user'],
  ['solutions list', { query: '{ viewer { solutions(criteria: {tags: ["crm"]}) { edges { node { id title configSlots { externalId } } } } } }' }, 'master'],
  ['solutions via a Viewer fragment', { query: '{ viewer { ...S } } fragment S on Viewer { solutions { edges { node { id } } } }' }, 'master'],
  ['createSolutionInstance', { query: 'mutation { createSolutionInstance(input: {solutionId: "sol-1", instanceName: "Mine"}) { solutionInstance { id } } }' }, 'user'],
  ['removeSolutionInstance', { query: 'mutation { removeSolutionInstance(input: {solutionInstanceId: "inst-a1"}) { clientMutationId } }' }, 'user'],
  ['upgradeSolutionInstance', { query: 'mutation { upgradeSolutionInstance(input: {solutionInstanceId: "inst-a1"}) { solutionInstance { id } } }' }, 'user'],
  ['__typename anywhere', { query: '{ __typename viewer { __typename solutionInstances { __typename totalCount } } }' }, 'user'],
  ['solutions together with instances', { query: '{ viewer { solutions { edges { node { id } } } solutionInstances { totalCount } } }' }, 'user'],
  ['aliases and @include on allowed fields', { query: '{ me: viewer { mine: solutionInstances @include(if: true) { totalCount } } }' }, 'user'],
  // "Your connected accounts": read-only, with the user's own token (never the master token's viewer).
  ['viewer.authentications', { query: '{ viewer { authentications { edges { node { id name service { id name title icon } } } } } }' }, 'user'],
  ['viewer.details', { query: '{ viewer { details { username email name } } }' }, 'user'],
  ['connected accounts via a Viewer fragment, with the catalog', { query: '{ viewer { ...A solutions { edges { node { id } } } } } fragment A on Viewer { authentications { edges { node { id } } } details { name } }' }, 'user'],
  ['two allowed operations', { query: 'query A { viewer { solutionInstances { totalCount } } } mutation B { removeSolutionInstance(input: {solutionInstanceId: "x"}) { clientMutationId } }', operationName: 'A' }, 'user'],
];

describe('POST /graphql allow-list', () => {
  it.each(forbidden)('refuses %s with 403 and never calls Tray', async (_name, query, operationName) => {
    const { post, tray } = createHarness();
    const reply = await post('/graphql', { query, ...(operationName ? { operationName } : {}) });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden_operation');
    expect(reply.body.error.message).toMatch(/not allowed/);
    expect(tray.calls).toEqual([]);
  });

  it.each(allowed)('forwards %s with the %s token', async (_name, payload, token) => {
    const { post, tray } = createHarness();
    tray.addInstance({ id: 'inst-a1', owner: 'user-a' });
    const reply = await post('/graphql', payload);
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveProperty('data');
    const forwarded = tray.calls.filter((call) => call.field !== 'authorize');
    expect(forwarded).toHaveLength(1);
    const authorization = forwarded[0]!.authorization;
    if (token === 'master') {
      expect(authorization).toBe(`Bearer ${MASTER_TOKEN}`);
      expect(tray.authorizeCalls()).toHaveLength(0);
    } else {
      expect(authorization).toBe(`Bearer ${tray.issuedTokens[0]}`);
      expect(tray.authorizeCalls('user-a')).toHaveLength(1);
    }
    expect(forwarded[0]!.body.variables).toEqual(payload.variables);
    // The operation that runs is named in the forwarded body whenever it has a name.
    const selected = parse(payload.query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!payload.operationName || d.name?.value === payload.operationName));
    expect(forwarded[0]!.body.operationName).toEqual(payload.operationName ?? (selected as OperationDefinitionNode).name?.value);
  });

  it('allows introspection only when allowIntrospection is true', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await createHarness().post('/graphql', { query })).status).toBe(403);
    const open = createHarness({ allowIntrospection: true });
    expect((await open.post('/graphql', { query })).status).toBe(200);
    expect(open.tray.calls.at(-1)!.authorization).not.toBe(`Bearer ${MASTER_TOKEN}`);
  });

  it('forwards the checked document, re-printed, not the raw text', async () => {
    const { post, tray } = createHarness();
    await post('/graphql', { query: '# a comment\n{ viewer { solutionInstances { totalCount } } }' });
    const forwarded = tray.calls.at(-1)!.body.query;
    expect(forwarded).not.toContain('# a comment');
    expect(forwarded).toContain('solutionInstances');
  });

  it('refuses a batched array, even of allowed operations, with 400', async () => {
    const { post, tray } = createHarness();
    const ok = { query: '{ viewer { solutionInstances { totalCount } } }' };
    for (const batch of [[ok, ok], [ok, { query: forbidden[0]![1] }]]) {
      const reply = await post('/graphql', batch);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('batch_not_supported');
    }
    expect(tray.calls).toEqual([]);
  });

  it('logs refused operations without the document text or any token', async () => {
    const { post, logs } = createHarness();
    await post('/graphql', { query: forbidden[0]![1] });
    expect(logs).toEqual([
      { level: 'warn', message: expect.stringMatching(/Refused/), details: { userId: 'user-a', reason: 'the field "authorize"' } },
    ]);
  });
});
