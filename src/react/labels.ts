import { DEFAULT_DIALOG_TEXTS, type DialogTexts, type WizardDialogLabels } from '../core/dialogLabels.js';
import { DEFAULT_NOT_RESPONDING } from '../core/notRespondingLabel.js';

/**
 * What every view says when something failed; `TrayAlert` picks one per error code. The
 * enabler's, the marketplace's and the console's labels all include these, so one
 * `labels={{ networkError: … }}` reads the same everywhere.
 */
export interface ErrorLabels {
  /** Followed by "Open here". @default 'The setup window was blocked. Allow pop-ups for this site, or open it here.' */
  popupBlocked: string;
  /** @default 'Some required settings are missing.' */
  missingValues: string;
  /** Follows `missingValues` for each setting the refusal names. @default (title) => `${title} is required.` */
  missingSetting: (title: string) => string;
  /** @default 'Could not reach the server.' */
  networkError: string;
  /** @default 'Your session expired. Sign in again.' */
  unauthenticated: string;
  /** @default 'You are not allowed to do this.' */
  forbidden: string;
  /** @default 'This integration no longer exists.' */
  gone: string;
  /** @default 'Too many requests right now. Wait a moment, then try again.' */
  rateLimited: string;
  /** Followed by the wizard's own words. @default 'The setup page reported an error.' */
  wizardError: string;
  /** @default 'The setup page could not be opened.' */
  wizardUnavailable: string;
  /** @default 'The setup window was closed before finishing.' */
  closedUnfinished: string;
  /** Followed by Tray's own words. @default 'Tray refused the change.' */
  refused: string;
  /** Followed by the partner's reason (its server's `beforeEnable`). @default 'Not activated.' */
  enableRefused: string;
  /** @default 'Finish setup' */
  finishSetup: string;
  /** @default 'Try again' */
  tryAgain: string;
  /** After a blocked popup: the same wizard in a dialog in the page. @default 'Open here' */
  openHere: string;
}

/**
 * What the wizard says in the page: the in-page dialog's texts (`presentation: 'dialog'`) and
 * the hint for a wizard that never answers (popup or dialog).
 */
export type WizardLabels = WizardDialogLabels;

/** Every visible string of the enabler. Replace any of them through `labels`. */
export interface EnablerLabels extends ErrorLabels, WizardLabels {
  /** @default 'Configure' */
  configure: string;
  /** @default 'Reconfigure' */
  reconfigure: string;
  /** @default 'Enable' */
  enable: string;
  /** @default 'Disable' */
  disable: string;
  /** @default 'Enabled' */
  enabled: string;
  /** @default 'Disabled' */
  disabled: string;
  /** @default 'Loading…' */
  loading: string;
  /** Status when the instance could not be loaded. @default 'Status unknown' */
  unknownStatus: string;
  /** @default 'Enabling…' */
  enabling: string;
  /** @default 'Disabling…' */
  disabling: string;
  /** @default 'Waiting for the wizard…' */
  waitingForWizard: string;
  /** @default 'Setup was cancelled.' */
  cancelled: string;
  /** Status when the server has no such instance for this user. @default 'Integration not found' */
  notFound: string;
  /** After the wizard of a `disableAutoEnable` solution: the partner enables it. @default 'Set up — waiting for activation' */
  awaitingActivation: string;
}

export const defaultErrorLabels: ErrorLabels = {
  popupBlocked: 'The setup window was blocked. Allow pop-ups for this site, or open it here.',
  missingValues: 'Some required settings are missing.',
  missingSetting: (title) => `${title} is required.`,
  networkError: 'Could not reach the server.',
  unauthenticated: 'Your session expired. Sign in again.',
  forbidden: 'You are not allowed to do this.',
  gone: 'This integration no longer exists.',
  rateLimited: 'Too many requests right now. Wait a moment, then try again.',
  wizardError: 'The setup page reported an error.',
  wizardUnavailable: 'The setup page could not be opened.',
  closedUnfinished: 'The setup window was closed before finishing.',
  refused: 'Tray refused the change.',
  enableRefused: 'Not activated.',
  finishSetup: 'Finish setup',
  tryAgain: 'Try again',
  openHere: 'Open here',
};

/** Marked pure (a spread is not, to a bundler): a view that never reads it does not keep the dialog's texts. */
export const defaultWizardLabels: WizardLabels = /* @__PURE__ */ Object.assign({}, DEFAULT_DIALOG_TEXTS, { notResponding: DEFAULT_NOT_RESPONDING });

/**
 * What the enabler starts from: every default but the dialog's own texts, which the dialog
 * fills in itself when it opens, so a page that only uses the popup never loads them. The
 * enabler passes the dialog only what a partner replaced.
 */
export const enablerDefaultLabels: Omit<EnablerLabels, DialogTexts> = {
  ...defaultErrorLabels,
  notResponding: DEFAULT_NOT_RESPONDING,
  configure: 'Configure',
  reconfigure: 'Reconfigure',
  enable: 'Enable',
  disable: 'Disable',
  enabled: 'Enabled',
  disabled: 'Disabled',
  loading: 'Loading…',
  unknownStatus: 'Status unknown',
  enabling: 'Enabling…',
  disabling: 'Disabling…',
  waitingForWizard: 'Waiting for the wizard…',
  cancelled: 'Setup was cancelled.',
  notFound: 'Integration not found',
  awaitingActivation: 'Set up — waiting for activation',
};

/** Every default of the enabler, the dialog's texts included (pure, as `defaultWizardLabels`). */
export const defaultLabels: EnablerLabels = /* @__PURE__ */ Object.assign({}, enablerDefaultLabels, defaultWizardLabels);
