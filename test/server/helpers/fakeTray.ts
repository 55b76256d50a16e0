import { traySchemaSDL } from '../../../src/graphql/schema';
import { buildSchema, execute, Kind, parse, validate, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';

/** One request the handler made to "Tray", as the fake saw it. */
export interface RecordedCall {
  method: string;
  url: string;
  authorization: string | null;
  body: { query: string; variables?: Record<string, any>; operationName?: string };
  /** `authorize`, `generateAuthorizationCode`, `updateSolutionInstance`, `viewer.solutionInstances`, … */
  field: string;
  /** The signal the handler gave fetch: aborted when the handler gave up on the call. */
  signal: AbortSignal | null;
}

export interface FakeInstance {
  id: string;
  name: string;
  enabled: boolean;
  owner: string;
  solutionId: string;
}

type Override = (call: RecordedCall) => Response | undefined | Promise<Response | undefined>;

/** What the fake does with `solutionInstances(criteria: { id })`: each is something Tray might do. */
export type CriteriaIdMode = 'honour' | 'ignore' | 'reject';

// Instances are listed by running the document for real against Tray's SDL, so aliases,
// fragments and pagination behave as on Tray; `reject` validates against the SDL without `id`.
const schemas = new Map<CriteriaIdMode, ReturnType<typeof buildSchema>>();
function schemaFor(mode: CriteriaIdMode) {
  let schema = schemas.get(mode);
  if (!schema) {
    const sdl = mode === 'reject' ? traySchemaSDL.replace(/(input SolutionInstanceSearchCriteria \{[^}]*?)\n\s*id: String/, '$1') : traySchemaSDL;
    schema = buildSchema(sdl);
    schemas.set(mode, schema);
  }
  return schema;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const unauthenticatedResponse = () =>
  json({ data: null, errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);

export const rateLimitResponse = () =>
  json({ data: null, errors: [{ message: 'Rate limit exceeded', extensions: { name: 'PreconditionError', code: 'access_not_allowed' } }] });

/**
 * A stand-in for Tray's GraphQL endpoint, as a `fetch` function. It enforces master vs user
 * tokens the way Tray does (unknown or revoked token → 401), keeps instances per owner, and
 * records every call. `override` lets a test answer the next calls itself. With `rateLimit`,
 * it limits each token as Tray does (30 requests/s, bursts to 50) and counts the refusals.
 */
export function createFakeTray(
  masterToken: string,
  options: { rateLimit?: { perSecond: number; burst: number }; criteriaId?: CriteriaIdMode } = {},
) {
  let criteriaIdMode: CriteriaIdMode = options.criteriaId ?? 'honour';
  const calls: RecordedCall[] = [];
  const buckets = new Map<string, { tokens: number; at: number }>();
  let rateLimited = 0;
  const overLimit = (token: string) => {
    const limit = options.rateLimit;
    if (!limit) return false;
    const now = performance.now();
    const bucket = buckets.get(token) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) * limit.perSecond) / 1000);
    bucket.at = now;
    buckets.set(token, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  };
  const userOfToken = new Map<string, string>();
  const issuedTokens: string[] = [];
  const overrides: Override[] = [];
  const instances = new Map<string, FakeInstance>();
  let codes = 0;

  /** The first field a selection set reaches, through fragments and inline fragments. */
  function firstField(selections: readonly SelectionNode[], fragments: Map<string, FragmentDefinitionNode>): FieldNode | undefined {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') return selection;
        continue;
      }
      const inner =
        selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)?.selectionSet;
      const found = inner && firstField(inner.selections, fragments);
      if (found) return found;
    }
    return undefined;
  }

  function rootField(query: string, operationName?: string): string {
    const document = parse(query);
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
    );
    const first = operation && firstField(operation.selectionSet.selections, fragments);
    if (!first) return '';
    if (first.name.value !== 'viewer') return first.name.value;
    const child = first.selectionSet && firstField(first.selectionSet.selections, fragments);
    return `viewer.${child?.name.value ?? ''}`;
  }

  function answer(call: RecordedCall): Response {
    const token = call.authorization?.replace(/^Bearer /, '') ?? '';
    const isMaster = token === masterToken;
    const user = userOfToken.get(token);
    if (!isMaster && !user) return unauthenticatedResponse();
    const vars = call.body.variables ?? {};
    const masterOnly = ['authorize', 'generateAuthorizationCode', 'viewer.solutions'];
    if (masterOnly.includes(call.field) && !isMaster) {
      return json({ data: null, errors: [{ message: 'Master token required', extensions: { code: 'FORBIDDEN' } }] });
    }
    switch (call.field) {
      case 'authorize': {
        const userId = String(vars.input?.userId);
        const accessToken = `USER-TOKEN-${userId}-${issuedTokens.length + 1}-x9`;
        issuedTokens.push(accessToken);
        userOfToken.set(accessToken, userId);
        return json({ data: { authorize: { accessToken } } });
      }
      case 'generateAuthorizationCode':
        codes += 1;
        return json({ data: { generateAuthorizationCode: { authorizationCode: `code-${codes}` } } });
      case 'viewer.solutions':
        return json({ data: { viewer: { solutions: { edges: [{ node: { id: 'sol-1', title: 'Slack' }, cursor: 'c1' }] } } } });
      case 'viewer.solutionInstances':
        return listInstances(call, isMaster, user);
      case 'updateSolutionInstance': {
        const instance = instances.get(String(vars.input?.solutionInstanceId));
        if (isMaster || !instance || instance.owner !== user) {
          return json({ data: { updateSolutionInstance: null }, errors: [{ message: 'Solution instance not found' }] });
        }
        if (typeof vars.input.enabled === 'boolean') instance.enabled = vars.input.enabled;
        return json({ data: { updateSolutionInstance: { solutionInstance: { ...instance } } } });
      }
      default:
        return json({ data: { [call.field]: null } });
    }
  }

  const checkedDocuments = new Map<string, { document: ReturnType<typeof parse>; errors: ReturnType<typeof validate> }>();
  function listInstances(call: RecordedCall, isMaster: boolean, user: string | undefined): Response {
    const schema = schemaFor(criteriaIdMode);
    // Parsed and validated once per text and mode: some tests send a thousand of the same.
    const key = `${criteriaIdMode}\n${call.body.query}`;
    let checked = checkedDocuments.get(key);
    if (!checked) {
      const document = parse(call.body.query);
      checked = { document, errors: validate(schema, document) };
      checkedDocuments.set(key, checked);
    }
    const { document, errors } = checked;
    if (errors.length > 0) return json({ errors: errors.map((error) => error.toJSON()) });
    type Criteria = { id?: string | null; owner?: string | null; solutionId?: string | null; name?: string | null };
    const solutionInstances = (args: { criteria?: Criteria | null; first?: number | null; after?: string | null }) => {
      const criteria = args.criteria ?? {};
      const visible = [...instances.values()].filter(
        (instance) =>
          (isMaster || instance.owner === user) &&
          (criteriaIdMode === 'ignore' || !criteria.id || instance.id === criteria.id) &&
          (!criteria.owner || instance.owner === criteria.owner) &&
          (!criteria.solutionId || instance.solutionId === criteria.solutionId) &&
          (!criteria.name || instance.name === criteria.name),
      );
      const start = args.after ? visible.findIndex((instance) => instance.id === args.after) + 1 : 0;
      const page = visible.slice(start, args.first == null ? undefined : start + args.first);
      const edges = page.map((instance) => ({ node: { created: '2026-01-01T00:00:00.000Z', authValues: [], ...instance, solution: { id: instance.solutionId, title: instance.name, customFields: [] } }, cursor: instance.id }));
      return {
        edges,
        pageInfo: { endCursor: page.at(-1)?.id ?? null, hasNextPage: start + page.length < visible.length, startCursor: page[0]?.id ?? null, hasPreviousPage: start > 0 },
        totalCount: visible.length,
      };
    };
    const result = execute({ schema, document, rootValue: { viewer: { solutionInstances } }, variableValues: call.body.variables ?? {}, operationName: call.body.operationName ?? null });
    return json(JSON.parse(JSON.stringify(result)));
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const body = JSON.parse(String(init?.body ?? '{}'));
    const call: RecordedCall = {
      method: init?.method ?? 'GET',
      url: String(input),
      authorization: headers.get('authorization'),
      body,
      field: rootField(body.query ?? '', body.operationName),
      signal: init?.signal ?? null,
    };
    calls.push(call);
    if (overLimit(call.authorization ?? '')) {
      rateLimited += 1;
      return rateLimitResponse();
    }
    for (const override of overrides) {
      const response = await override(call);
      if (response) return response;
    }
    return answer(call);
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    /** How many calls the Tray-like rate limit refused. */
    get rateLimited() {
      return rateLimited;
    },
    issuedTokens,
    instances,
    addInstance(instance: Partial<FakeInstance> & { id: string; owner: string }) {
      instances.set(instance.id, { name: 'Slack', enabled: false, solutionId: 'sol-1', ...instance });
    },
    /** Switches what the fake does with `criteria: { id }` from now on. */
    setCriteriaId(mode: CriteriaIdMode) {
      criteriaIdMode = mode;
    },
    /** Answers calls itself while `override` returns a Response; `undefined` falls through. */
    override(override: Override) {
      overrides.push(override);
    },
    /** Tray forgets a token (it expired or was revoked on Tray's side). */
    revoke(token: string) {
      userOfToken.delete(token);
    },
    callsTo(field: string) {
      return calls.filter((call) => call.field === field);
    },
    authorizeCalls(userId?: string) {
      return calls.filter((call) => call.field === 'authorize' && (userId === undefined || call.body.variables?.input?.userId === userId));
    },
  };
}

export type FakeTray = ReturnType<typeof createFakeTray>;
