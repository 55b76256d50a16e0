import { startMockTray, type RunningMockTray, type StartMockTrayOptions } from '../../src/mock-tray/server';
import { createMockTrayStore, type MockTrayStoreOptions } from '../../src/mock-tray/store';

export const HOST_ORIGIN = 'http://127.0.0.1:5173';

/** A clock the test moves by hand: codes and tokens expire without anyone waiting. */
export function fakeClock(start = Date.parse('2025-02-01T12:00:00.000Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface GraphqlResult {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

export interface TestTray extends RunningMockTray {
  gql(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphqlResult>;
  /** A fresh user token from `authorize`, as the server handler gets one. */
  userToken(userId: string): Promise<string>;
  /** A fresh authorization code from `generateAuthorizationCode`. */
  authorizationCode(userId: string): Promise<string>;
  wizardPost(path: string, body: unknown): Promise<{ status: number; body: any }>;
}

/** A mock Tray on 127.0.0.1 free ports with its own fresh store. */
export async function startTestTray(
  storeOptions: MockTrayStoreOptions = {},
  options: Partial<StartMockTrayOptions> = {},
): Promise<TestTray> {
  const tray = await startMockTray({ hostOrigins: [HOST_ORIGIN], store: createMockTrayStore(storeOptions), ...options });
  const gql: TestTray['gql'] = async (token, query, variables) => {
    const response = await fetch(tray.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphqlResult['body'] };
  };
  const mutationData = async (field: string, userId: string, selection: string): Promise<string> => {
    const result = await gql(tray.masterToken, `mutation ($userId: ID!) { ${field}(input: { userId: $userId }) { ${selection} } }`, { userId });
    const value = result.body.data?.[field]?.[selection];
    if (typeof value !== 'string') throw new Error(`${field} failed: ${JSON.stringify(result.body)}`);
    return value;
  };
  return {
    ...tray,
    gql,
    userToken: (userId) => mutationData('authorize', userId, 'accessToken'),
    authorizationCode: (userId) => mutationData('generateAuthorizationCode', userId, 'authorizationCode'),
    wizardPost: async (path, body) => {
      const response = await fetch(`${tray.wizardOrigin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}

export const INSTANCE_QUERY = /* GraphQL */ `
  query Instance($id: String!) {
    viewer { solutionInstances(criteria: { id: $id }, first: 1) { edges { node { id enabled owner configValues { externalId value } } } } }
  }
`;

export const UPDATE_MUTATION = /* GraphQL */ `
  mutation Update($input: UpdateSolutionInstanceInput!) {
    updateSolutionInstance(input: $input) { solutionInstance { id name enabled configValues { externalId value } } }
  }
`;
