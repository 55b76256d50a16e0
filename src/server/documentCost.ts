import { Kind, OperationTypeNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { TrayHandlerLimits } from './options.js';
import { TrayHandlerError } from './responses.js';

// Fields visited with fragments expanded. Depth and alias limits alone still let fragments
// spread into one another multiply the work (two spreads a level, twelve levels: 4,096×).
const MAX_FIELD_VISITS = 10_000;

type CostLimits = Pick<Required<TrayHandlerLimits>, 'maxDepth' | 'maxAliases' | 'maxRootFields'>;

function tooCostly(message: string): TrayHandlerError {
  return new TrayHandlerError(400, 'limit_exceeded', `${message} Nothing was sent to Tray.`);
}

/**
 * Refuses an operation that costs more than an end user's request should, before anything
 * reaches Tray: more than one mutation field (an end user does one thing at a time; Tray's
 * rate limit counts a request, however many aliased mutations it carries), more root fields,
 * nesting or aliases than `limits` allow, or fragments that spread into themselves.
 */
export function assertAffordable(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  limits: CostLimits,
): void {
  let visits = 0;
  let aliases = 0;
  const path: string[] = [];

  function walk(selectionSet: SelectionSetNode, depth: number, onField?: (name: string) => void): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        visits += 1;
        if (visits > MAX_FIELD_VISITS) {
          throw tooCostly(`The document expands to more than ${MAX_FIELD_VISITS} fields once its fragments are spread.`);
        }
        if (depth > limits.maxDepth) {
          throw tooCostly(`The document nests fields more than ${limits.maxDepth} deep (limits.maxDepth).`);
        }
        if (selection.alias) {
          aliases += 1;
          if (aliases > limits.maxAliases) throw tooCostly(`The document uses more than ${limits.maxAliases} aliases (limits.maxAliases).`);
        }
        onField?.(selection.name.value);
        if (selection.selectionSet) walk(selection.selectionSet, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, onField);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new TrayHandlerError(400, 'invalid_request', `The fragment "${name}" is used but not defined.`);
        if (path.includes(name)) throw tooCostly(`The fragment "${name}" spreads into itself.`);
        path.push(name);
        walk(fragment.selectionSet, depth, onField);
        path.pop();
      }
    }
  }

  let rootFields = 0;
  walk(operation.selectionSet, 1, (name) => {
    if (name === '__typename') return;
    rootFields += 1;
    if (operation.operation === OperationTypeNode.MUTATION && rootFields > 1) {
      throw tooCostly('The document asks for more than one mutation; send one mutation field per request.');
    }
    if (rootFields > limits.maxRootFields) {
      throw tooCostly(`The operation has more than ${limits.maxRootFields} root fields (limits.maxRootFields).`);
    }
  });
}
