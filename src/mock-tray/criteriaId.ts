/**
 * What the mock does with `solutionInstances(criteria: { id })`, which real Tray has not confirmed
 * (shared/reference/tray-fidelity.md): `honour` filters by it, `ignore` answers with all of the
 * user's instances as if it were absent, `reject` fails validation as a schema without the field
 * would (`Field "id" is not defined by type "SolutionInstanceSearchCriteria".`).
 * `MOCK_TRAY_CRITERIA_ID` picks one for `startMockTray` and everything built on it.
 */
export type MockCriteriaIdMode = 'honour' | 'ignore' | 'reject';

export const CRITERIA_ID_MODES: readonly MockCriteriaIdMode[] = ['honour', 'ignore', 'reject'];

/** The mode `MOCK_TRAY_CRITERIA_ID` names; `undefined` when unset, an error naming the choices when wrong. */
export function criteriaIdModeFrom(value: string | undefined, source = 'MOCK_TRAY_CRITERIA_ID'): MockCriteriaIdMode | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const mode = value.trim().toLowerCase();
  if (!(CRITERIA_ID_MODES as readonly string[]).includes(mode)) {
    throw new Error(`${source} must be honour, ignore or reject (received ${JSON.stringify(value)}).`);
  }
  return mode as MockCriteriaIdMode;
}

/** Tray's SDL as a Tray that has no `SolutionInstanceSearchCriteria.id` would have it. */
export function withoutCriteriaId(sdl: string): string {
  const without = sdl.replace(/(input SolutionInstanceSearchCriteria \{[^}]*?)\n\s*id: String/, '$1');
  if (without === sdl) throw new Error('The SDL has no SolutionInstanceSearchCriteria.id to leave out.');
  return without;
}
