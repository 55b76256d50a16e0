import type { MockTrayStore } from '../store.js';
import type { MockAuthentication, MockSolution, MockSolutionInstance } from '../types.js';

/** A solution as Tray's `Solution` type shows it: the mock-only slot fields (`required`, `kind`) stay out. */
export function presentSolution(solution: MockSolution) {
  return {
    id: solution.id,
    title: solution.title,
    description: solution.description,
    tags: [...solution.tags],
    // Tray's CustomField.value is String! and ConfigSlot.defaultValue Json!: never null there.
    customFields: solution.customFields.map((field) => ({ key: field.key, value: field.value ?? '' })),
    configSlots: solution.configSlots.map((slot) => ({
      externalId: slot.externalId,
      title: slot.title,
      defaultValue: slot.defaultValue ?? 'null',
    })),
    authSlots: solution.authSlots.map((slot) => ({ externalId: slot.externalId, title: slot.title })),
  };
}

/** An instance as Tray's `SolutionInstance` type shows it; config values stay JSON encoded. */
export function presentInstance(store: MockTrayStore, instance: MockSolutionInstance) {
  const solution = store.solutions.get(instance.solutionId);
  if (!solution) throw new Error(`Instance ${instance.id} points at missing solution ${instance.solutionId}.`);
  return {
    id: instance.id,
    name: instance.name,
    enabled: instance.enabled,
    created: instance.created,
    owner: instance.owner,
    solution: presentSolution(solution),
    authValues: instance.authValues.map((value) => ({ ...value })),
    configValues: [...instance.configValues].map(([externalId, value]) => ({ externalId, value })),
    workflows: { edges: instance.workflows.map((node) => ({ node: { ...node } })) },
    solutionVersionFlags: { ...instance.solutionVersionFlags },
  };
}

/** An authentication as Tray's `Authentication` type shows it (a service's version, title and icon are all `String!` there). */
export function presentAuthentication(auth: MockAuthentication) {
  return {
    id: auth.id,
    name: auth.name,
    customFields: null,
    service: { id: auth.service.id, name: auth.service.name, version: '1', title: auth.service.name, icon: '' },
    serviceEnvironment: { id: `${auth.service.id}-env`, name: 'production', title: 'Production' },
  };
}
