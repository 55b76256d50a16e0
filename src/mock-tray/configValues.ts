import type { MockConfigSlot, MockSolution, MockSolutionInstance } from './types.js';

/**
 * Config values travel JSON encoded in a string (`"\"text\""`, `"true"`, `"7"`). The mock is
 * strict about it so a client that sends a raw value finds out here, not against real Tray.
 */
export function isJsonEncoded(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

/** The decoded value, or `null` when there is none (or it is not valid JSON). */
export function decodeConfigValue(encoded: string | undefined): unknown {
  if (encoded === undefined) return null;
  try {
    return JSON.parse(encoded) as unknown;
  } catch {
    return null;
  }
}

/** `null`, an empty or blank string: what a required slot may not hold when enabling. */
export function isEmptyValue(decoded: unknown): boolean {
  return decoded === null || decoded === undefined || (typeof decoded === 'string' && decoded.trim() === '');
}

/** The required slots of `solution` that have no value in `configValues`. */
export function findMissingRequiredSlots(
  solution: MockSolution,
  configValues: ReadonlyMap<string, string>,
): MockConfigSlot[] {
  return solution.configSlots.filter(
    (slot) => slot.required && isEmptyValue(decodeConfigValue(configValues.get(slot.externalId))),
  );
}

/** Each slot's default, for a new instance: Tray fills defaults in when the instance is created. */
export function defaultConfigValues(solution: MockSolution): Map<string, string> {
  const values = new Map<string, string>();
  for (const slot of solution.configSlots) {
    if (slot.defaultValue !== undefined) values.set(slot.externalId, slot.defaultValue);
  }
  return values;
}

export interface ConfigValueInput {
  externalId: string;
  value?: unknown;
}

/**
 * Checks `inputs` against the solution's slots and returns the values they would produce,
 * without touching the instance (so a refused mutation changes nothing). `null` unsets a slot.
 * Throws an `Error` whose message says which entry is wrong and how to fix it.
 */
export function mergeConfigValues(
  instance: MockSolutionInstance,
  solution: MockSolution,
  inputs: readonly ConfigValueInput[] | null | undefined,
): Map<string, string> {
  const merged = new Map(instance.configValues);
  for (const [index, input] of (inputs ?? []).entries()) {
    if (!solution.configSlots.some((slot) => slot.externalId === input.externalId)) {
      const known = solution.configSlots.map((slot) => slot.externalId).join(', ');
      throw new Error(
        `configValues[${index}]: "${input.externalId}" is not a config slot of solution "${solution.title}". Known slots: ${known}.`,
      );
    }
    if (input.value === null || input.value === undefined) {
      merged.delete(input.externalId);
    } else if (isJsonEncoded(input.value)) {
      merged.set(input.externalId, input.value);
    } else {
      throw new Error(
        `configValues[${index}].value must be a JSON-encoded string such as "\\"text\\"", "true" or "7" (received ${JSON.stringify(input.value)}).`,
      );
    }
  }
  return merged;
}

/** Human wording of the missing slots: `"Slack channel" (slack_channel), …`. */
export function describeSlots(slots: readonly MockConfigSlot[]): string {
  return slots.map((slot) => `"${slot.title}" (${slot.externalId})`).join(', ');
}
