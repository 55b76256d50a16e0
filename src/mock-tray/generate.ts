import { SEED_IDS } from './seed.js';
import type { MockTrayStore } from './store.js';
import type { MockSolutionInstance } from './types.js';

export interface GeneratedInstancesOptions {
  /** @default 'user-demo' */
  owner?: string;
  /** Instance names are `${namePrefix} 001`, … @default 'Generated instance' */
  namePrefix?: string;
}

/** A value a required slot accepts, chosen by the slot's kind, so generated instances are complete. */
function sampleValue(kind: string, options: readonly string[] | undefined, index: number): unknown {
  if (kind === 'number') return index;
  if (kind === 'boolean') return index % 2 === 0;
  if (kind === 'select') return options?.[index % options.length] ?? null;
  return `value-${index}`;
}

/**
 * Adds `count` instances for `owner`, cycling through the store's solutions, every required slot
 * filled and every other one enabled. Benchmarks use it to list hundreds of instances.
 */
export function addGeneratedInstances(
  store: MockTrayStore,
  count: number,
  options: GeneratedInstancesOptions = {},
): MockSolutionInstance[] {
  const owner = options.owner ?? SEED_IDS.demoUser;
  const namePrefix = options.namePrefix ?? 'Generated instance';
  const solutions = [...store.solutions.values()];
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0 (got ${count}).`);
  if (count > 0 && solutions.length === 0) throw new Error('The store has no solutions to generate instances of; seed it first.');
  if (!store.users.has(owner)) throw new Error(`No user with id "${owner}"; create it with store.createUser first.`);

  const width = String(count).length;
  const created: MockSolutionInstance[] = [];
  for (let index = 0; index < count; index += 1) {
    const solution = solutions[index % solutions.length]!;
    const configValues = new Map<string, string>();
    for (const slot of solution.configSlots) {
      if (slot.required && slot.defaultValue === undefined) {
        configValues.set(slot.externalId, JSON.stringify(sampleValue(slot.kind, slot.options, index)));
      }
    }
    created.push(
      store.createInstance({
        solutionId: solution.id,
        name: `${namePrefix} ${String(index + 1).padStart(Math.max(3, width), '0')}`,
        owner,
        enabled: index % 2 === 0,
        configValues,
      }),
    );
  }
  return created;
}
