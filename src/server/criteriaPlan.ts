import {
  Kind,
  print,
  stripIgnoredCharacters,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * What the handler must know, per browser document, about its `viewer.solutionInstances(criteria: …)`
 * fields: their criteria (checked per request: `owner` is refused, `id` is looked up without
 * trusting Tray's filter), and the two documents a lookup sends instead of the browser's:
 * `checked` (the browser's, plus `__trayHandlerEdges: edges { node { id } }` so ids can be
 * compared, unless it selects `edges { node { id } }` itself) and `paged` (the same without any
 * criteria `id`: `$__trayHandlerCriteria`, `$__trayHandlerFirst`, `$__trayHandlerAfter` choose
 * the one instance by its place in the list).
 */
export interface CriteriaPlan {
  /** Each `criteria` argument of a `viewer.solutionInstances` field the operation runs. */
  criteria: ValueNode[];
  /** The variables' defaults, since a criteria may read a variable the request leaves out. */
  defaults: Record<string, ValueNode>;
  /** Set when exactly one such field exists: how to look one instance up through it. */
  lookup?: LookupPlan;
}

export interface LookupPlan {
  checked: string;
  /**
   * The response key of the edges whose `node.id` the `checked` answer carries: `edges` when the
   * browser's document selects `edges { node { id } }` itself (then `checked` is that document
   * as sent, and a verified answer goes back untouched), else `OWN_EDGES`, added for the check.
   */
  checkedIds: string;
  paged: string;
  /** `JSON.stringify` of each, worked out once (see DocumentPlan.queryJson). */
  checkedJson: string;
  pagedJson: string;
  /** Variables the paged document no longer uses (they fed the criteria): dropped from the request. */
  unusedInPaged: string[];
  /** Where the connection sits in the answer: `data[viewer][field]`, once per way the field is reached. */
  paths: Array<[string, string]>;
  /** Response keys of the connection's `edges`, `pageInfo` and `totalCount`, aliases included. */
  keys: { edges: string[]; pageInfo: string[]; totalCount: string[] };
}

export const OWN_EDGES = '__trayHandlerEdges';
const CRITERIA_VAR = '__trayHandlerCriteria';
const FIRST_VAR = '__trayHandlerFirst';
const AFTER_VAR = '__trayHandlerAfter';
export const PAGED_VARIABLES = { criteria: CRITERIA_VAR, first: FIRST_VAR, after: AFTER_VAR } as const;

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const variable = (value: string) => ({ kind: Kind.VARIABLE, name: name(value) }) as const;
const namedType = (value: string) => ({ kind: Kind.NAMED_TYPE, name: name(value) }) as const;
const field = (fieldName: string, selections: FieldNode[] = [], alias?: string): FieldNode => ({
  kind: Kind.FIELD,
  name: name(fieldName),
  ...(alias ? { alias: name(alias) } : {}),
  ...(selections.length > 0 ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});
const OWN_EDGES_FIELD = field('edges', [field('node', [field('id')])], OWN_EDGES);

/** Every field a selection set reaches, through inline fragments and spreads (each fragment once), with its response key. */
function fieldsReached(selectionSet: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): Array<[string, FieldNode]> {
  const found: Array<[string, FieldNode]> = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      found.push([selection.alias?.value ?? selection.name.value, selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...fieldsReached(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      found.push(...fieldsReached(fragments.get(selection.name.value)?.selectionSet, fragments, seen));
    }
  }
  return found;
}

/** The fields named `fieldName` a selection set reaches, through fragments, with their response keys. */
function fieldsNamed(selectionSet: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>, fieldName: string): Array<[string, FieldNode]> {
  return fieldsReached(selectionSet, fragments).filter(([, reached]) => reached.name.value === fieldName);
}

/**
 * Whether every answer to `connection` carries each edge's node id as `edges[].node.id`: the
 * three fields selected directly (not through a fragment, which a type condition or directive
 * could leave out), with no alias and no directive, and nothing else answering under those keys.
 */
function selectsEdgeIds(connection: FieldNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): boolean {
  let level = connection;
  for (const key of ['edges', 'node', 'id']) {
    const plain = level.selectionSet?.selections.find(
      (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === key && !selection.alias && !selection.directives?.length,
    );
    if (!plain || fieldsReached(level.selectionSet, fragments).some(([answersAs, other]) => answersAs === key && other.name.value !== key)) return false;
    level = plain;
  }
  return true;
}

/** The criteria plan of the forwarded document (its one operation and the fragments it uses), or `undefined` when no field has a criteria. */
export function planCriteria(document: DocumentNode): CriteriaPlan | undefined {
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.operation !== 'query') return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const reached: Array<{ path: [string, string]; field: FieldNode; criteria: ArgumentNode }> = [];
  for (const [viewerKey, viewer] of fieldsNamed(operation.selectionSet, fragments, 'viewer')) {
    for (const [fieldKey, instances] of fieldsNamed(viewer.selectionSet, fragments, 'solutionInstances')) {
      const criteria = instances.arguments?.find((argument) => argument.name.value === 'criteria');
      if (criteria && criteria.value.kind !== Kind.NULL) reached.push({ path: [viewerKey, fieldKey], field: instances, criteria });
    }
  }
  if (reached.length === 0) return undefined;
  const defaults: Record<string, ValueNode> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults[definition.variable.name.value] = definition.defaultValue;
  }
  const plan: CriteriaPlan = { criteria: [...new Set(reached.map((entry) => entry.criteria.value))], defaults };
  const targets = new Set(reached.map((entry) => entry.field));
  if (targets.size === 1) plan.lookup = planLookup(document, operation, fragments, reached[0]!.field, reached.map((entry) => entry.path));
  return plan;
}

function planLookup(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  target: FieldNode,
  paths: Array<[string, string]>,
): LookupPlan {
  const withOwnEdges = (node: FieldNode, args = node.arguments): FieldNode => ({
    ...node,
    arguments: args,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [...(node.selectionSet?.selections ?? []), OWN_EDGES_FIELD] },
  });
  // Ids the browser asks for itself are compared where they are: its document goes as sent.
  const hasIds = selectsEdgeIds(target, fragments);
  const checked = hasIds ? document : visit(document, { Field: (node) => (node === target ? withOwnEdges(node) : undefined) });

  const PAGING = new Set(['criteria', 'first', 'last', 'before', 'after']);
  const pagedArguments: ArgumentNode[] = [
    ...(target.arguments ?? []).filter((argument) => !PAGING.has(argument.name.value)),
    ...Object.entries(PAGED_VARIABLES).map(([argument, value]) => ({ kind: Kind.ARGUMENT, name: name(argument), value: variable(value) }) as ArgumentNode),
  ];
  const ownDefinitions: VariableDefinitionNode[] = [
    [CRITERIA_VAR, 'SolutionInstanceSearchCriteria'],
    [FIRST_VAR, 'Int'],
    [AFTER_VAR, 'String'],
  ].map(([variableName, type]) => ({ kind: Kind.VARIABLE_DEFINITION, variable: variable(variableName!), type: namedType(type!) }));
  let paged = visit(document, { Field: (node) => (node === target ? withOwnEdges(node, pagedArguments) : undefined) });
  // The criteria's variables (`$id`) may now be unused, which Tray's validation refuses.
  const used = new Set<string>();
  visit(paged, { VariableDefinition: () => false, Variable: (node) => void used.add(node.name.value) });
  const unusedInPaged = (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value).filter((variableName) => !used.has(variableName));
  paged = visit(paged, {
    OperationDefinition: (node) => ({
      ...node,
      variableDefinitions: [...(node.variableDefinitions ?? []).filter((definition) => used.has(definition.variable.name.value)), ...ownDefinitions],
    }),
  });

  const keysOf = (fieldName: string) => [...new Set(fieldsNamed(target.selectionSet, fragments, fieldName).map(([key]) => key))];
  const [checkedText, pagedText] = [printCompact(checked), printCompact(paged)];
  return {
    checked: checkedText,
    checkedIds: hasIds ? 'edges' : OWN_EDGES,
    paged: pagedText,
    checkedJson: JSON.stringify(checkedText),
    pagedJson: JSON.stringify(pagedText),
    unusedInPaged,
    paths,
    keys: { edges: keysOf('edges'), pageInfo: keysOf('pageInfo'), totalCount: keysOf('totalCount') },
  };
}

function printCompact(document: DocumentNode): string {
  return stripIgnoredCharacters(print(document));
}
