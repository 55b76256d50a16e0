import {
  GraphQLError,
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { planCriteria, type CriteriaPlan } from './criteriaPlan.js';
import { assertAffordable } from './documentCost.js';
import { requireMissingValuesCheck, type EnablePatches } from './enableCheck.js';
import { planChanges, type PlannedChanges } from './instanceChanges.js';
import { LruMap } from './lru.js';
import { checkOperation } from './operationPolicy.js';
import type { ResolvedConfig } from './options.js';
import { TrayHandlerError } from './responses.js';

// Enough for any real operation (ours are ~60 tokens); stops pathological documents early.
const MAX_TOKENS = 5_000;
// A browser sends the same few documents over and over; these bound the cache of their plans.
const CACHE_ENTRIES = 1_000;
const CACHE_CHARS = 4 * 1024 * 1024;

/** What to send Tray for one browser document, worked out once per document text. */
export interface DocumentPlan {
  token: 'user' | 'master';
  /** The selected operation and its fragments alone, checked and printed. */
  query: string;
  /** `JSON.stringify(query)`, so the hot path does not escape it again per request. */
  queryJson: string;
  operationName: string | undefined;
  patches: EnablePatches;
  /** Set when a `viewer.solutionInstances` field has a criteria: checked per request (`instanceLookup.ts`). */
  criteria?: CriteriaPlan | undefined;
  /** The instance changes it asks for (a mutation's root fields), for the partner's hooks. */
  changes: PlannedChanges;
}

export interface DocumentPlanner {
  /** The plan, or the `TrayHandlerError` that refuses the document (refusals are cached too). */
  plan(query: string, operationName: string | undefined): DocumentPlan;
}

type Cached = DocumentPlan | TrayHandlerError;

/** The 403 for a document off the allow-list; `reason` goes to the log. */
export class ForbiddenOperation extends TrayHandlerError {
  constructor(readonly reason: string) {
    super(
      403,
      'forbidden_operation',
      `This operation is not allowed through the Tray handler: it uses ${reason}. Only end-user operations ` +
        '(viewer.solutionInstances, viewer.solutions, viewer.authentications, viewer.details, createSolutionInstance, updateSolutionInstance, ' +
        'upgradeSolutionInstance, removeSolutionInstance) may be sent from the browser.',
    );
  }
}

export function createDocumentPlanner(config: ResolvedConfig): DocumentPlanner {
  // Keyed by document text, then by operation name: no key string is built per request.
  const cache = new LruMap<string, Map<string, Cached>>({
    maxEntries: CACHE_ENTRIES,
    maxWeight: CACHE_CHARS,
    weigh: (plans, query) => {
      let weight = query.length;
      for (const plan of plans.values()) weight += plan instanceof TrayHandlerError ? plan.message.length : plan.query.length;
      return weight;
    },
  });
  return {
    plan(query, operationName) {
      const name = operationName ?? '';
      let plans = cache.get(query);
      let cached = plans?.get(name);
      if (cached === undefined) {
        try {
          cached = planDocument(query, operationName, config);
        } catch (error) {
          if (!(error instanceof TrayHandlerError)) throw error;
          cached = error;
        }
        plans = new Map(plans).set(name, cached);
        cache.set(query, plans);
      }
      if (cached instanceof TrayHandlerError) throw cached;
      return cached;
    },
  };
}

function planDocument(query: string, operationName: string | undefined, config: ResolvedConfig): DocumentPlan {
  const document = parseDocument(query);
  const verdict = checkOperation(document, { allowIntrospection: config.allowIntrospection, operationName });
  if (!verdict.allowed) {
    throw new ForbiddenOperation(verdict.reason);
  }
  const operation = selectOperation(document, operationName);
  const fragments = fragmentsOf(document);
  assertAffordable(operation, fragments, config.limits);
  let forwarded: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments(operation, fragments)] };
  let patches: EnablePatches = { inputVariables: [], flagVariables: [] };
  if (config.requireMissingValuesCheck) ({ document: forwarded, patches } = requireMissingValuesCheck(forwarded));
  // Printed compactly: indentation grows with depth, and must not make a small document big.
  const printed = stripIgnoredCharacters(print(forwarded));
  if (utf8Length(printed, config.maxBodyBytes) > config.maxBodyBytes) {
    throw new TrayHandlerError(
      400,
      'limit_exceeded',
      `The document is larger than ${config.maxBodyBytes} bytes once printed (maxBodyBytes). Nothing was sent to Tray.`,
    );
  }
  const criteria = planCriteria(forwarded);
  const changes = planChanges(operation, fragments);
  return {
    token: verdict.token,
    query: printed,
    queryJson: JSON.stringify(printed),
    operationName: operation.name?.value,
    patches,
    changes,
    ...(criteria ? { criteria } : {}),
  };
}

function parseDocument(query: string): DocumentNode {
  try {
    return parse(query, { noLocation: true, maxTokens: MAX_TOKENS });
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The document could not be parsed.';
    throw new TrayHandlerError(400, 'graphql_syntax_error', `The GraphQL query does not parse: ${message}`);
  }
}

/** The operation that will run, chosen as GraphQL servers do. */
function selectOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter(isOperation);
  if (operationName !== undefined) {
    const named = operations.find((operation) => operation.name?.value === operationName);
    if (!named) throw new TrayHandlerError(400, 'invalid_request', `The document has no operation named "${operationName}".`);
    return named;
  }
  if (operations.length === 1) return operations[0]!;
  throw new TrayHandlerError(
    400,
    'invalid_request',
    operations.length === 0
      ? 'The document has no operation to run.'
      : 'The document has several operations: say which one to run with "operationName".',
  );
}

function isOperation(definition: DefinitionNode): definition is OperationDefinitionNode {
  return definition.kind === Kind.OPERATION_DEFINITION;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** The fragments `operation` reaches, directly or through other fragments. */
function usedFragments(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  while (pending.length > 0) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(fragment.selectionSet);
        }
      } else if (selection.selectionSet) {
        pending.push(selection.selectionSet);
      }
    }
  }
  return [...used.values()];
}

/** UTF-8 length of `text`, counted exactly only when it could exceed `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  return new TextEncoder().encode(text).byteLength;
}
