import { Kind, visit, type DocumentNode, type ObjectFieldNode, type ValueNode } from 'graphql';

/**
 * Makes every `updateSolutionInstance` that may enable an instance carry
 * `errorOnEnablingWithMissingValues: true`, so Tray refuses to enable a half-configured one
 * whatever the browser sent. Literal inputs (and variable defaults) are rewritten in the
 * document; inputs that come from variables are patched per request (`applyEnablePatches`),
 * since only the values say whether they enable.
 */
export interface EnablePatches {
  /** Variables holding a whole `UpdateSolutionInstanceInput`. */
  inputVariables: string[];
  /** Boolean variables passed as `errorOnEnablingWithMissingValues`: forced to `true`. */
  flagVariables: string[];
}

const FLAG = 'errorOnEnablingWithMissingValues';
const TRUE: ObjectFieldNode = {
  kind: Kind.OBJECT_FIELD,
  name: { kind: Kind.NAME, value: FLAG },
  value: { kind: Kind.BOOLEAN, value: true },
};

export function requireMissingValuesCheck(document: DocumentNode): { document: DocumentNode; patches: EnablePatches } {
  const patches: EnablePatches = { inputVariables: [], flagVariables: [] };

  const checkedInput = (value: ValueNode): ValueNode => {
    if (value.kind === Kind.VARIABLE) {
      patches.inputVariables.push(value.name.value);
      return value;
    }
    if (value.kind !== Kind.OBJECT) return value; // not an input object: Tray refuses it anyway
    const enabled = value.fields.find((field) => field.name.value === 'enabled')?.value;
    if (!enabled || enabled.kind === Kind.NULL || (enabled.kind === Kind.BOOLEAN && !enabled.value)) return value;
    const flag = value.fields.find((field) => field.name.value === FLAG);
    if (flag?.value.kind === Kind.VARIABLE) {
      // Replacing it would leave the variable unused, which Tray's validation refuses.
      patches.flagVariables.push(flag.value.name.value);
      return value;
    }
    return { ...value, fields: [...value.fields.filter((field) => field !== flag), TRUE] };
  };

  const rewritten = visit(document, {
    Field(node) {
      if (node.name.value !== 'updateSolutionInstance' || !node.arguments) return undefined;
      return {
        ...node,
        arguments: node.arguments.map((argument) =>
          argument.name.value === 'input' ? { ...argument, value: checkedInput(argument.value) } : argument,
        ),
      };
    },
  });
  if (patches.inputVariables.length === 0) return { document: rewritten, patches };
  // `$input: UpdateSolutionInstanceInput = { …, enabled: true }` enables when no value is sent.
  const withDefaults = visit(rewritten, {
    VariableDefinition(node) {
      if (!node.defaultValue || !patches.inputVariables.includes(node.variable.name.value)) return undefined;
      return { ...node, defaultValue: checkedInput(node.defaultValue) as typeof node.defaultValue };
    },
  });
  return { document: withDefaults, patches };
}

/** The request's variables with the patches applied (a copy when anything changed). */
export function applyEnablePatches(
  variables: Record<string, unknown> | undefined,
  patches: EnablePatches,
): Record<string, unknown> | undefined {
  if (patches.inputVariables.length === 0 && patches.flagVariables.length === 0) return variables;
  let result = variables;
  const set = (name: string, value: unknown) => {
    result = { ...result, [name]: value };
  };
  for (const name of patches.inputVariables) {
    const input = result?.[name];
    if (typeof input !== 'object' || input === null || Array.isArray(input)) continue;
    const { enabled } = input as Record<string, unknown>;
    if (enabled === false || enabled === null || enabled === undefined) continue;
    set(name, { ...input, [FLAG]: true });
  }
  for (const name of patches.flagVariables) set(name, true);
  return result;
}
