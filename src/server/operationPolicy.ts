import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Which GraphQL documents the browser may send through the handler. The check walks the
 * parsed document (never the text), following fragment spreads and inline fragments to
 * where they land, and counts a field whatever its alias or directives (`@include(if: false)`
 * on a forbidden field is still refused). Every operation and every fragment definition in
 * the document is checked, used or not. The token is chosen for the operation that will run
 * (`operationName`, or the only one): the master token only when it reads nothing but
 * `viewer.solutions`.
 */
export type OperationVerdict =
  | { allowed: true; token: 'user' | 'master' }
  | { allowed: false; reason: string };

/** End-user mutations: run with the user's own token. */
export const ALLOWED_MUTATIONS: ReadonlySet<string> = new Set([
  'updateSolutionInstance',
  'createSolutionInstance',
  'removeSolutionInstance',
  'upgradeSolutionInstance',
]);

// Root fields that need the master token; refused at any depth, since no end-user type has them.
const MASTER_ONLY_FIELDS = new Set([
  'authorize',
  'generateAuthorizationCode',
  'createExternalUser',
  'removeExternalUser',
  'createUserAuthentication',
  'removeAuthentication',
  'callConnector',
  'users',
]);
/**
 * What `viewer { … }` may read: the user's instances, the catalog, and (read-only, so a partner
 * can show "your connected accounts") the user's authentications and details. Viewer has no
 * other fields; the mutations on authentications stay master-only above.
 */
const VIEWER_FIELDS = new Set(['solutionInstances', 'solutions', 'authentications', 'details']);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);
const ROOT_LIKE_TYPES = new Set(['Query', 'Mutation', 'Subscription', 'Viewer']);

/** Where a selection set sits: the two roots, `viewer { … }`, or inside an allowed field. */
type Scope = 'query' | 'mutation' | 'viewer' | 'nested';

class Refusal {
  constructor(readonly reason: string) {}
}

export function checkOperation(
  document: DocumentNode,
  options: { allowIntrospection: boolean; operationName?: string | undefined },
): OperationVerdict {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  // What the selected operation reads; the other definitions are checked, not counted.
  let counting = true;
  let needsUserToken = false;
  let listsSolutions = false;
  const visited = new Set<string>();

  const refuse = (reason: string): never => {
    throw new Refusal(reason);
  };

  function walk(selectionSet: SelectionSetNode, scope: Scope): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        visitField(selection.name.value, selection.selectionSet, scope);
        continue;
      }
      const typeName =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.typeCondition?.name.value
          : fragments.get(selection.name.value)?.typeCondition.name.value;
      if (scope === 'nested' && typeName !== undefined && ROOT_LIKE_TYPES.has(typeName)) {
        refuse(`a fragment on ${typeName} inside another field`);
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, scope);
        continue;
      }
      const fragment = fragments.get(selection.name.value) ?? refuse(`the unknown fragment "${selection.name.value}"`);
      // A fragment is judged by where it is spread: the same fragment in the same scope once.
      const key = `${scope}:${fragment.name.value}`;
      if (visited.has(key)) continue;
      visited.add(key);
      walk(fragment.selectionSet, scope);
    }
  }

  function visitField(name: string, selectionSet: SelectionSetNode | undefined, scope: Scope): void {
    if (name === '__typename') return;
    if (INTROSPECTION_FIELDS.has(name)) {
      if (!options.allowIntrospection) refuse(`introspection ("${name}")`);
      if (counting) needsUserToken = true;
      return;
    }
    if (MASTER_ONLY_FIELDS.has(name)) refuse(`the field "${name}"`);
    if (scope === 'nested') {
      if (selectionSet) walk(selectionSet, 'nested');
      return;
    }
    const next = allowedChild(name, scope) ?? refuse(`the field "${name}"${scope === 'viewer' ? ' of viewer' : ''}`);
    if (counting && name === 'solutions') listsSolutions = true;
    else if (counting && name !== 'viewer') needsUserToken = true;
    if (selectionSet) walk(selectionSet, next);
  }

  const walkOperation = (operation: OperationDefinitionNode) => {
    if (operation.operation === OperationTypeNode.SUBSCRIPTION) refuse('subscriptions');
    walk(operation.selectionSet, operation.operation === OperationTypeNode.MUTATION ? 'mutation' : 'query');
  };
  // Unnamed and ambiguous: count every operation, so the master token needs all of them to qualify.
  const selected =
    options.operationName !== undefined
      ? operations.filter((operation) => operation.name?.value === options.operationName)
      : operations.length === 1
        ? operations
        : [];

  try {
    for (const operation of selected) walkOperation(operation);
    counting = selected.length === 0;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!selected.includes(definition)) walkOperation(definition);
      } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        walk(definition.selectionSet, scopeOfType(definition.typeCondition.name.value));
      } else {
        refuse('schema definitions (send operations only)');
      }
    }
  } catch (error) {
    if (error instanceof Refusal) return { allowed: false, reason: error.reason };
    throw error;
  }
  // viewer.solutions is listed under the master token, but only when the operation asks for
  // nothing else; any user-level field (or an operation of only __typename) uses the user token.
  return { allowed: true, token: listsSolutions && !needsUserToken ? 'master' : 'user' };
}

function allowedChild(name: string, scope: Exclude<Scope, 'nested'>): Scope | undefined {
  if (scope === 'query') return name === 'viewer' ? 'viewer' : undefined;
  if (scope === 'mutation') return ALLOWED_MUTATIONS.has(name) ? 'nested' : undefined;
  return VIEWER_FIELDS.has(name) ? 'nested' : undefined;
}

function scopeOfType(typeName: string): Scope {
  if (typeName === 'Query') return 'query';
  if (typeName === 'Mutation') return 'mutation';
  if (typeName === 'Viewer') return 'viewer';
  if (typeName === 'Subscription') throw new Refusal('a fragment on Subscription');
  return 'nested';
}
