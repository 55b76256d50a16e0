import {
  buildSchema,
  execute,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { createHandler, parseRequestParams } from 'graphql-http/lib/use/fetch';
import { traySchemaSDL } from '../graphql/schema.js';
import { withoutCriteriaId, type MockCriteriaIdMode } from './criteriaId.js';
import { rateLimitExceededBody } from './rateLimiter.js';
import { MockTrayUnreachableError } from './mockTrayFaults.js';
import { createRootValue, type MockTrayContext } from './resolvers/index.js';
import { firstRootField, rootFieldsOf } from './rootFields.js';
import type { MockTrayStore } from './store.js';
import type { MockTrayRequestLogEntry } from './types.js';

type RequestParams = Exclude<Awaited<ReturnType<typeof parseRequestParams>>, Response>;

interface Prepared {
  params: RequestParams;
  /** `null` when the query did not parse; `parseError` says why. */
  document: DocumentNode | null;
  parseError: string;
  context: MockTrayContext;
}

const schemas = new Map<'full' | 'withoutCriteriaId', GraphQLSchema>();
/**
 * Built on first use; every store shares them (resolvers read the store from the context). A
 * store that rejects `criteria: { id }` validates against the SDL without that field, so the
 * refusal is the one a GraphQL server without it gives.
 */
function traySchema(criteriaId: MockCriteriaIdMode): GraphQLSchema {
  const key = criteriaId === 'reject' ? 'withoutCriteriaId' : 'full';
  let schema = schemas.get(key);
  if (!schema) {
    schema = buildSchema(key === 'full' ? traySchemaSDL : withoutCriteriaId(traySchemaSDL));
    schemas.set(key, schema);
  }
  return schema;
}

function json(body: unknown, status: number): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

/**
 * The GraphQL endpoint as a fetch-style handler (`Request` → `Response`), in this order:
 * parse and log, the knobs of `store.faults` (hold, then answer or fail instead), 401 for a
 * missing, unknown or expired token, then Tray's rate limit, then graphql-http runs the
 * operation. A failed connection is a rejected promise (`MockTrayUnreachableError`). Parsing, validation and execution all use this module's
 * `graphql` import: graphql-http may load another copy of graphql (its ESM build under
 * Vitest's CJS alias), and a schema must not cross between copies.
 */
export function createGraphqlApi(store: MockTrayStore): (request: Request) => Promise<Response> {
  const prepared = new WeakMap<Request, Prepared>();
  const rootValue = createRootValue();
  const graphqlHttp = createHandler<MockTrayContext>({
    execute,
    getOperationAST,
    parseRequestParams: (request) => prepared.get(request.raw)?.params,
    onSubscribe: (request) => {
      const { params, document, parseError, context } = prepared.get(request.raw)!;
      const schema = traySchema(store.criteriaId);
      const errors = document ? validate(schema, document) : [];
      if (!document || errors.length > 0) {
        // A graphql-http response tuple: its own error path would not recognise our GraphQLErrors.
        const strict = (request.headers as Headers).get('accept')?.includes('application/graphql-response+json') ?? false;
        const body = JSON.stringify({ errors: document ? errors : [{ message: parseError }] });
        return [body, { status: strict ? 400 : 200, statusText: strict ? 'Bad Request' : 'OK', headers: { 'content-type': 'application/json; charset=utf-8' } }];
      }
      return {
        schema,
        document,
        operationName: params.operationName ?? null,
        variableValues: params.variables ?? null,
        contextValue: context,
        rootValue,
      };
    },
  });

  return async (request) => {
    let params: RequestParams;
    try {
      const paramsOrResponse = await parseRequestParams(request);
      if (paramsOrResponse instanceof Response) return paramsOrResponse;
      params = paramsOrResponse;
    } catch (error) {
      return json({ errors: [{ message: (error as Error).message }] }, 400);
    }
    let document: DocumentNode | null = null;
    let parseError = '';
    try {
      document = parse(params.query);
    } catch (error) {
      parseError = (error as Error).message;
    }
    const entry: MockTrayRequestLogEntry = {
      operationName: params.operationName ?? (document ? getOperationAST(document)?.name?.value ?? null : null),
      variables: params.variables ?? null,
      rootFields: document ? rootFieldsOf(document, params.operationName) : [],
      auth: { kind: 'missing' },
      outcome: 'unauthorized',
    };
    store.requestLog.push(entry);

    const fault = await store.faults.arrive(entry);
    if (fault && fault.kind !== 'lose_answer') {
      entry.outcome = 'faulted';
      if (fault.kind === 'unreachable') throw new MockTrayUnreachableError('store.faults.unreachable: the mock Tray dropped the connection.');
      return new Response(fault.body, { status: fault.status, headers: fault.headers });
    }

    const token = bearerToken(request);
    const auth = token === null ? null : store.authForToken(token);
    if (token === null || auth === null) {
      entry.auth = { kind: token === null ? 'missing' : 'invalid' };
      const message =
        token === null
          ? 'Missing "Authorization: Bearer <token>" header.'
          : 'The token is unknown or has expired. Get a fresh user token with authorize (master token) and retry.';
      return json({ errors: [{ message }] }, 401);
    }
    entry.auth = auth;
    if (!store.rateLimiter.tryTake(token)) {
      entry.outcome = 'rate_limited';
      return json(rateLimitExceededBody(new Date(store.now()), document ? firstRootField(document, params.operationName) : undefined), 200);
    }
    entry.outcome = 'executed';
    prepared.set(request, { params, document, parseError, context: { store, auth } });
    const response = await graphqlHttp(request);
    if (fault?.kind === 'lose_answer') {
      throw new MockTrayUnreachableError('store.faults.loseAnswer: the operation ran, then the mock Tray dropped the connection.');
    }
    return response;
  };
}
