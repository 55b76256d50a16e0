import type { TrayEmbeddedErrorCode } from '../core/errors.js';
import type { ErrorLabels } from './labels.js';

/**
 * For each error code: the label that explains it, whether "Finish setup" (the wizard) helps,
 * whether "Try again" does. Repeating does not fix missing values, a blocked popup (its alert
 * offers "Open here" instead), or missing rights; a wizard problem is retried by opening the
 * wizard again (the flow's retry does that).
 */
/** The labels that explain an error (the others are buttons or parts of a sentence). */
export type ErrorText = Exclude<keyof ErrorLabels, 'missingSetting' | 'finishSetup' | 'tryAgain' | 'openHere'>;

export const NEXT_STEP: Readonly<Record<TrayEmbeddedErrorCode, readonly [ErrorText, boolean, boolean]>> = {
  popup_blocked: ['popupBlocked', false, false],
  missing_values: ['missingValues', true, false],
  // The partner said no: the wizard helps only when the partner says so (`offerSetupWhenRefused`).
  refused: ['enableRefused', false, false],
  graphql: ['refused', true, true],
  network: ['networkError', false, true],
  unauthenticated: ['unauthenticated', false, true],
  forbidden: ['forbidden', false, false],
  not_found: ['gone', false, false],
  rate_limited: ['rateLimited', false, true],
  wizard_error: ['wizardError', false, true],
  invalid_wizard_url: ['wizardUnavailable', false, true],
  wizard_closed: ['closedUnfinished', false, true],
};
