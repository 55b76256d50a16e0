import { defaultLabels, type EnablerLabels } from '../labels.js';

/** The error strings every marketplace view shares (the enabler's, documented there); each view's labels include them. */
export type MarketplaceErrorLabels = Pick<
  EnablerLabels,
  | 'missingValues'
  | 'networkError'
  | 'unauthenticated'
  | 'wizardError'
  | 'wizardUnavailable'
  | 'refused'
  | 'popupBlocked'
  | 'closedUnfinished'
  | 'finishSetup'
  | 'tryAgain'
>;

export const defaultErrorLabels: MarketplaceErrorLabels = {
  missingValues: defaultLabels.missingValues,
  networkError: defaultLabels.networkError,
  unauthenticated: defaultLabels.unauthenticated,
  wizardError: defaultLabels.wizardError,
  wizardUnavailable: defaultLabels.wizardUnavailable,
  refused: defaultLabels.refused,
  // The marketplace has no Enable fallback at that moment, so it does not point to one.
  popupBlocked: 'The setup window was blocked. Allow pop-ups for this site, then try again.',
  closedUnfinished: defaultLabels.closedUnfinished,
  finishSetup: defaultLabels.finishSetup,
  tryAgain: defaultLabels.tryAgain,
};
