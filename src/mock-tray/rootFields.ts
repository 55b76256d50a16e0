import { getLocation, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The top-level field names an operation selects, through fragments, for the request log:
 * a client may name its operation anything, so tests count `authorize` calls by field.
 */
export function rootFieldsOf(document: DocumentNode, operationName?: string | null): string[] {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName
    ? operations.find((definition) => definition.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const names = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return [...names];
}

/** The operation's first root field as a GraphQL error locates it: `path` (its response key) and `locations`. */
export function firstRootField(document: DocumentNode, operationName?: string | null): { path: string[]; locations: Array<{ line: number; column: number }> } {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((definition) => definition.name?.value === operationName) : operations[0];
  const field = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  if (!field || field.kind !== Kind.FIELD) return { path: [], locations: [] };
  const location = field.loc && document.loc ? getLocation(document.loc.source, field.loc.start) : undefined;
  return { path: [field.alias?.value ?? field.name.value], locations: location ? [{ line: location.line, column: location.column }] : [] };
}
