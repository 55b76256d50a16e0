import { decodeConfigValue, isEmptyValue } from '../configValues.js';
import type { MockConfigSlot, MockSolution, MockSolutionInstance } from '../types.js';

/** One field of the wizard form, with its value decoded for the input. */
export interface WizardSlotView {
  externalId: string;
  title: string;
  kind: MockConfigSlot['kind'];
  required: boolean;
  options: string[] | null;
  description: string | null;
  /** The instance's value, else the slot's default, else `null`. */
  value: unknown;
}

export function slotViews(solution: MockSolution, instance: MockSolutionInstance): WizardSlotView[] {
  return solution.configSlots.map((slot) => ({
    externalId: slot.externalId,
    title: slot.title,
    kind: slot.kind,
    required: slot.required,
    options: slot.options ? [...slot.options] : null,
    description: slot.description ?? null,
    value: decodeConfigValue(instance.configValues.get(slot.externalId) ?? slot.defaultValue),
  }));
}

function typeProblem(slot: MockConfigSlot, value: unknown): string | null {
  if (slot.kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? null : 'Enter a number.';
  if (slot.kind === 'boolean') return typeof value === 'boolean' ? null : 'Choose yes or no.';
  if (typeof value !== 'string') return 'Enter text.';
  if (slot.kind === 'select' && !(slot.options ?? []).includes(value)) return `Choose one of: ${(slot.options ?? []).join(', ')}.`;
  return null;
}

export type WizardValuesResult =
  | { ok: true; configValues: Map<string, string> }
  | { ok: false; unknown: string[]; fieldErrors: Record<string, string> };

/**
 * Checks the wizard's decoded `values` (externalId → value; a slot left out keeps its current
 * value, `null` or `''` clears it) and returns the instance's new JSON-encoded values.
 * Every required slot must end up with a value, as Tray's wizard will not finish without one.
 */
export function applyWizardValues(
  solution: MockSolution,
  instance: MockSolutionInstance,
  values: Record<string, unknown>,
): WizardValuesResult {
  const slots = new Map(solution.configSlots.map((slot) => [slot.externalId, slot]));
  const unknown = Object.keys(values).filter((key) => !slots.has(key));
  const fieldErrors: Record<string, string> = {};
  const configValues = new Map(instance.configValues);
  for (const slot of solution.configSlots) {
    if (Object.hasOwn(values, slot.externalId)) {
      const value = values[slot.externalId];
      if (isEmptyValue(value)) {
        configValues.delete(slot.externalId);
      } else {
        const problem = typeProblem(slot, value);
        if (problem) fieldErrors[slot.externalId] = problem;
        else configValues.set(slot.externalId, JSON.stringify(value));
      }
    }
    if (slot.required && !fieldErrors[slot.externalId] && isEmptyValue(decodeConfigValue(configValues.get(slot.externalId)))) {
      fieldErrors[slot.externalId] = 'This field is required.';
    }
  }
  if (unknown.length > 0 || Object.keys(fieldErrors).length > 0) return { ok: false, unknown, fieldErrors };
  return { ok: true, configValues };
}
