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
  /** When the instance could not be loaded. @default 'Status unknown' */
  unknownStatus: string;
  /** @default 'Enabling…' */
  enabling: string;
  /** @default 'Disabling…' */
  disabling: string;
  /** @default 'Waiting for the wizard…' */
  waitingForWizard: string;
  /** @default 'Setup was cancelled.' */
  cancelled: string;
  /** @default 'The setup window was closed before setup finished.' */
  closedUnfinished: string;
  /** @default 'Your browser blocked the setup window. Allow pop-ups, or use Enable.' */
  popupBlocked: string;
  /** @default 'This integration needs a few more settings before it can be enabled.' */
  missingValues: string;
  /** @default 'We could not reach the server. Check your connection.' */
  networkError: string;
  /** @default 'Your session has expired. Sign in again, then retry.' */
  unauthenticated: string;
  /** Followed by the wizard's own words. @default 'The setup page reported a problem.' */
  wizardError: string;
  /** @default 'The setup page could not be opened.' */
  wizardUnavailable: string;
  /** Followed by Tray's own words. @default 'Tray did not accept the change.' */
  refused: string;
  /** @default 'The integration could not be found.' */
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
  closedUnfinished: 'The setup window was closed before setup finished.',
  popupBlocked: 'Your browser blocked the setup window. Allow pop-ups, or use Enable.',
  missingValues: 'This integration needs a few more settings before it can be enabled.',
  networkError: 'We could not reach the server. Check your connection.',
  unauthenticated: 'Your session has expired. Sign in again, then retry.',
  wizardError: 'The setup page reported a problem.',
  wizardUnavailable: 'The setup page could not be opened.',
  refused: 'Tray did not accept the change.',
  notFound: 'The integration could not be found.',
  finishSetup: 'Finish setup',
  tryAgain: 'Try again',
};
