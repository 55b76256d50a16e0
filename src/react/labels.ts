/** Every visible string of the enabler. Replace any of them through `labels`. */
export interface EnablerLabels {
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
  /** @default 'The setup window was closed before finishing.' */
  closedUnfinished: string;
  /** @default 'The setup window was blocked. Allow pop-ups, or use Enable.' */
  popupBlocked: string;
  /** @default 'Some required settings are missing.' */
  missingValues: string;
  /** @default 'Could not reach the server.' */
  networkError: string;
  /** @default 'Your session expired. Sign in again.' */
  unauthenticated: string;
  /** Followed by the wizard's own words. @default 'The setup page reported an error.' */
  wizardError: string;
  /** @default 'The setup page could not be opened.' */
  wizardUnavailable: string;
  /** Followed by Tray's own words. @default 'Tray refused the change.' */
  refused: string;
  /** Status when the server has no such instance for this user. @default 'Integration not found' */
  notFound: string;
  /** @default 'Finish setup' */
  finishSetup: string;
  /** @default 'Try again' */
  tryAgain: string;
}

export const defaultLabels: EnablerLabels = {
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
  closedUnfinished: 'The setup window was closed before finishing.',
  popupBlocked: 'The setup window was blocked. Allow pop-ups, or use Enable.',
  missingValues: 'Some required settings are missing.',
  networkError: 'Could not reach the server.',
  unauthenticated: 'Your session expired. Sign in again.',
  wizardError: 'The setup page reported an error.',
  wizardUnavailable: 'The setup page could not be opened.',
  refused: 'Tray refused the change.',
  notFound: 'Integration not found',
  finishSetup: 'Finish setup',
  tryAgain: 'Try again',
};
