import { serviceOfSlot } from '../consents.js';
import type { MockTrayStore } from '../store.js';
import type { MockService, MockSolution, MockSolutionInstance } from '../types.js';

/** One auth step of the wizard: the slot, and the account it will use. */
export interface WizardAuthSlotView {
  externalId: string;
  title: string;
  service: MockService;
  /** The instance's authentication for the slot, else the owner's newest for its service, else `null`. */
  authId: string | null;
  authName: string | null;
}

/** The account each auth slot will use, as the wizard shows it preselected (and saves it when left alone). */
export function authSlotViews(store: MockTrayStore, solution: MockSolution, instance: MockSolutionInstance): WizardAuthSlotView[] {
  return solution.authSlots.map((slot) => {
    const service = serviceOfSlot(slot);
    const current = instance.authValues.find((value) => value.externalId === slot.externalId);
    const auth = (current && store.authentications.get(current.authId)) || store.listAuthentications(instance.owner, service.id)[0];
    return { externalId: slot.externalId, title: slot.title, service, authId: auth?.id ?? null, authName: auth?.name ?? null };
  });
}

export type AuthValuesResult = { ok: true; authValues: Array<{ externalId: string; authId: string }> } | { ok: false; fieldErrors: Record<string, string> };

/**
 * The instance's auth values after the wizard: `chosen` (externalId → authId) over what the
 * page showed preselected. Every slot needs an account of the owner for its service, as Tray's
 * wizard will not finish without one.
 */
export function applyAuthValues(store: MockTrayStore, solution: MockSolution, instance: MockSolutionInstance, chosen: Record<string, unknown>): AuthValuesResult {
  const fieldErrors: Record<string, string> = {};
  // As Tray's API does: an auth value for a slot the solution does not have is refused, not dropped.
  for (const externalId of Object.keys(chosen)) {
    if (!solution.authSlots.some((slot) => slot.externalId === externalId)) fieldErrors[externalId] = `"${externalId}" is not an auth slot of "${solution.title}".`;
  }
  const authValues = authSlotViews(store, solution, instance).flatMap((view) => {
    const authId = Object.hasOwn(chosen, view.externalId) ? chosen[view.externalId] : view.authId;
    const auth = typeof authId === 'string' ? store.authentications.get(authId) : undefined;
    if (!auth || auth.owner !== instance.owner || auth.service.id !== view.service.id) {
      fieldErrors[view.externalId] = `Connect your ${view.title}.`;
      return [];
    }
    return [{ externalId: view.externalId, authId: auth.id }];
  });
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, authValues };
}
