import { Kind, valueFromASTUntyped, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/**
 * The instance changes a browser mutation asks for, read from the document once (when it is
 * planned) and resolved against each request's variables: what `beforeEnable` checks and what
 * `onInstanceEvent` reports. Only the root fields of a mutation count; the operation policy has
 * already refused anything else that could change an instance.
 */
export type InstanceMutation = 'createSolutionInstance' | 'updateSolutionInstance' | 'upgradeSolutionInstance' | 'removeSolutionInstance';

/** One root mutation field as written in the document. */
export interface PlannedChange {
  mutation: InstanceMutation;
  /** Where its answer sits in `data`: the alias, or the field name. */
  responseKey: string;
  input: ValueNode | undefined;
}

export interface PlannedChanges {
  changes: PlannedChange[];
  /** The operation's variable defaults, used when a request leaves a variable out. */
  defaults: ReadonlyMap<string, ValueNode>;
}

/** One change with its input as this request sends it. */
export interface InstanceChange {
  mutation: InstanceMutation;
  responseKey: string;
  input: Record<string, unknown>;
}

const MUTATIONS: ReadonlySet<string> = new Set<InstanceMutation>([
  'createSolutionInstance',
  'updateSolutionInstance',
  'upgradeSolutionInstance',
  'removeSolutionInstance',
]);

export const NO_CHANGES: PlannedChanges = { changes: [], defaults: new Map() };

export function planChanges(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): PlannedChanges {
  if (operation.operation !== 'mutation') return NO_CHANGES;
  const changes: PlannedChange[] = [];
  const spread = new Set<string>();
  // Root fields may hide in fragments on Mutation (inline or named): an enable there is an enable too.
  const collect = ({ selections }: SelectionSetNode) => {
    for (const selection of selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      if (selection.kind === Kind.FRAGMENT_SPREAD && !spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
      if (selection.kind !== Kind.FIELD || !MUTATIONS.has(selection.name.value)) continue;
      const input = selection.arguments?.find((argument) => argument.name.value === 'input')?.value;
      changes.push({ mutation: selection.name.value as InstanceMutation, responseKey: selection.alias?.value ?? selection.name.value, input });
    }
  };
  collect(operation.selectionSet);
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  return changes.length === 0 ? NO_CHANGES : { changes, defaults };
}

/** The planned changes with this request's values; an input that is not an object becomes `{}` (Tray refuses it). */
export function resolveChanges(planned: PlannedChanges, variables: Record<string, unknown> | undefined): InstanceChange[] {
  if (planned.changes.length === 0) return [];
  const values: Record<string, unknown> = {};
  for (const [name, value] of planned.defaults) values[name] = valueFromASTUntyped(value);
  Object.assign(values, variables);
  return planned.changes.map(({ mutation, responseKey, input }) => {
    const value: unknown = input ? valueFromASTUntyped(input, values) : undefined;
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    return { mutation, responseKey, input: isObject ? (value as Record<string, unknown>) : {} };
  });
}

/** Whether the change may enable an instance: as `enableCheck`, anything but an absent, null or false `enabled`. */
export function enables(change: InstanceChange): boolean {
  const { enabled } = change.input;
  return change.mutation === 'updateSolutionInstance' && enabled !== undefined && enabled !== null && enabled !== false;
}
