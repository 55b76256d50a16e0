/**
 * The request the gateway benches send, and their fake Tray and what it answers.
 *
 * The request is the widget's own instance lookup (`SOLUTION_INSTANCE_QUERY`) exactly as a browser
 * sends it: taken from Apollo Client with an `HttpLink` and an `InMemoryCache`, as the demo builds
 * its client, so it carries the `__typename` fields the cache adds and Apollo's `extensions`.
 * A bench that wrote the document by hand measured a document the widget stopped sending.
 *
 * The answer is whatever document reaches the fake (the browser's, or the one the handler
 * forwards with its own `__trayHandlerEdges`) run against Tray's SDL over one instance and one
 * solution: every selected field is answered, and a field this data lacks stops the bench instead
 * of being measured as an error. Answers are worked out once per request body, so the fake costs
 * a map lookup per request, as a fixed answer would.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { buildSchema, executeSync, parse, validate } from 'graphql';
import { SOLUTION_INSTANCE_QUERY } from '../../../src/graphql/operations.js';
import { traySchemaSDL } from '../../../src/graphql/schema.js';

const schema = buildSchema(traySchemaSDL);
const page = (cursor: string) => ({ startCursor: cursor, endCursor: cursor, hasNextPage: false, hasPreviousPage: false });
const SOLUTION = {
  id: 'sol-1',
  title: 'Slack',
  description: 'Post alerts to a Slack channel.',
  tags: ['chat'],
  customFields: [{ key: 'category', value: 'Notifications' }],
  configSlots: [],
  authSlots: [],
};
const INSTANCE = {
  id: 'inst-1',
  name: 'Slack alerts for the support team',
  enabled: true,
  created: '2024-01-01T00:00:00Z',
  owner: 'user-1',
  solution: SOLUTION,
  authValues: [],
  configValues: [],
  workflows: { edges: [] },
  solutionVersionFlags: { hasNewerVersion: false, requiresUserInputToUpdateVersion: false, requiresSystemInputToUpdateVersion: false },
};
/** What Tray holds for the bench's users: each sees this one instance and this one solution. */
const TRAY_DATA = {
  viewer: {
    solutionInstances: { edges: [{ node: INSTANCE, cursor: 'i1' }], pageInfo: page('i1'), totalCount: 1 },
    solutions: { edges: [{ node: SOLUTION, cursor: 's1' }], pageInfo: page('s1') },
  },
};

/** Tray's answer (a JSON text) to one GraphQL request body; throws where the fake cannot answer it in full. */
function answer(body: string): string {
  const { query, variables, operationName } = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
  const document = parse(query);
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new Error(`bench fake Tray: the document does not validate against Tray's SDL: ${invalid[0]!.message}`);
  const result = executeSync({ schema, document, rootValue: TRAY_DATA, variableValues: variables, operationName });
  if (result.errors?.length) throw new Error(`bench fake Tray: cannot answer every selected field: ${result.errors[0]!.message}`);
  return JSON.stringify(result);
}

/** `answer`, remembered per request body: a bench's requests repeat a few bodies many times. */
function trayAnswers(): (body: string) => string {
  const answers = new Map<string, string>();
  return (body) => {
    let text = answers.get(body);
    if (text === undefined) {
      text = answer(body);
      answers.set(body, text);
    }
    return text;
  };
}

/** A fake Tray `fetch`: a fresh token per authorize (unless `failAuthorize` says no), `trayAnswers` for everything else. */
export function fakeTray(options: { failAuthorize?: (userId: string) => boolean } = {}) {
  const answerOf = trayAnswers();
  let issued = 0;
  return async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = String(init?.body);
    if (body.includes('authorize(')) {
      const userId = (JSON.parse(body) as { variables: { input: { userId: string } } }).variables.input.userId;
      if (options.failAuthorize?.(userId)) return Response.json({ data: null, errors: [{ message: 'User not found' }] });
      issued += 1;
      return Response.json({ data: { authorize: { accessToken: `bench-user-token-${issued}-${userId}` } } });
    }
    return new Response(answerOf(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** The variables of the bench's lookup: the instance Tray holds. */
export const INSTANCE_LOOKUP_VARIABLES = { id: INSTANCE.id };

/** The body a browser's Apollo Client posts for the widget's lookup of `INSTANCE_LOOKUP_VARIABLES`. */
async function sentByTheWidget(): Promise<string> {
  const answerOf = trayAnswers();
  let sent: string | undefined;
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: new HttpLink({
      uri: 'http://app.test/graphql',
      fetch: async (_url, init) => {
        sent = String(init?.body);
        return new Response(answerOf(sent), { headers: { 'content-type': 'application/json' } });
      },
    }),
  });
  // Apollo reads the answer into its cache too: a field missing from it would fail here.
  const { data } = await client.query({ query: SOLUTION_INSTANCE_QUERY, variables: INSTANCE_LOOKUP_VARIABLES });
  if (data?.viewer.solutionInstances.edges[0]?.node.id !== INSTANCE.id || sent === undefined) {
    throw new Error('bench: the widget’s instance query did not come back with the bench instance');
  }
  return sent;
}

/** The widget's instance lookup as a browser posts it (JSON text). */
export const INSTANCE_LOOKUP_BODY = await sentByTheWidget();
