import { defaultErrorLabels, defaultWizardLabels, type ErrorLabels, type WizardLabels } from '../labels.js';

/** Every visible string of `MyIntegrations`. Replace any of them through `labels`. */
export interface MyIntegrationsLabels extends ErrorLabels, WizardLabels {
  /** @default 'My integrations' */
  listName: string;
  /** @default 'Loading integrations…' */
  loading: string;
  /** @default 'Your integrations could not be loaded.' */
  loadFailed: string;
  /** @default 'No integrations yet — browse the catalog' */
  empty: string;
  /** @default (shown, total) => `Showing ${shown} of ${total}` */
  count: (shown: number, total: number) => string;
  /** @default 'Load more' */
  loadMore: string;
  /** @default (iso) => `Added ${date}`, the date in the user's locale */
  created: (iso: string) => string;
  /** @default 'Enabled' */
  enabled: string;
  /** @default 'Disabled' */
  disabled: string;
  /** @default 'Update available' */
  updateAvailable: string;
  /** Badge after the wizard of a `disableAutoEnable` solution: the partner enables it. @default 'Set up — waiting for activation' */
  awaitingActivation: string;
  /** Badge while an action runs. @default { enable: 'Enabling…', disable: 'Disabling…', … } */
  pending: Record<'enable' | 'disable' | 'rename' | 'remove' | 'upgrade' | 'reconnect' | 'reconfigure', string>;
  /** @default 'Enable' */
  enable: string;
  /** @default 'Disable' */
  disable: string;
  /** @default 'Reconfigure' */
  reconfigure: string;
  /** @default 'Rename' */
  rename: string;
  /** @default 'Remove' */
  remove: string;
  /** The action beside "Update available". @default 'Update' */
  update: string;
  /** Visible text of each auth slot's button (Tray's auth-only dialog). @default 'Reconnect' */
  reconnect: string;
  /** That button's accessible name, and the dialog's title; starts with `reconnect`. @default (slot) => `Reconnect ${slot}` */
  reconnectSlot: (slotTitle: string) => string;
  /** @default 'The account was not reconnected; nothing changed.' */
  reconnectCancelled: string;
  /** The rename field. @default 'New name' */
  newName: string;
  /** @default 'Save' */
  save: string;
  /** @default 'Cancel' */
  cancel: string;
  /** @default (name) => `Remove “${name}”? Its settings are deleted and it stops running.` */
  removeQuestion: (name: string) => string;
  /** The confirming button. @default 'Yes, remove' */
  confirmRemove: string;
  /** Announced in the status region after each action. */
  done: Record<'enable' | 'disable' | 'rename' | 'remove' | 'upgrade' | 'reconnect', (name: string) => string>;
  /** @default 'Setup was cancelled; nothing changed.' */
  wizardCancelled: string;
}

const dateFormat = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
};

export const defaultMyIntegrationsLabels: MyIntegrationsLabels = {
  ...defaultErrorLabels,
  ...defaultWizardLabels,
  listName: 'My integrations',
  loading: 'Loading integrations…',
  loadFailed: 'Your integrations could not be loaded.',
  empty: 'No integrations yet — browse the catalog',
  count: (shown, total) => `Showing ${shown} of ${total}`,
  loadMore: 'Load more',
  created: (iso) => `Added ${dateFormat(iso)}`,
  awaitingActivation: 'Set up — waiting for activation',
  enabled: 'Enabled',
  disabled: 'Disabled',
  updateAvailable: 'Update available',
  pending: {
    enable: 'Enabling…',
    disable: 'Disabling…',
    rename: 'Renaming…',
    remove: 'Removing…',
    upgrade: 'Updating…',
    reconnect: 'Reconnecting…',
    reconfigure: 'Waiting for the wizard…',
  },
  enable: 'Enable',
  disable: 'Disable',
  reconfigure: 'Reconfigure',
  rename: 'Rename',
  remove: 'Remove',
  update: 'Update',
  reconnect: 'Reconnect',
  reconnectSlot: (slotTitle) => `Reconnect ${slotTitle}`,
  reconnectCancelled: 'The account was not reconnected; nothing changed.',
  newName: 'New name',
  save: 'Save',
  cancel: 'Cancel',
  removeQuestion: (name) => `Remove “${name}”? Its settings are deleted and it stops running.`,
  confirmRemove: 'Yes, remove',
  done: {
    enable: (name) => `“${name}” is enabled.`,
    disable: (name) => `“${name}” is disabled.`,
    rename: (name) => `Renamed to “${name}”.`,
    remove: (name) => `“${name}” was removed.`,
    upgrade: (name) => `“${name}” is up to date.`,
    reconnect: (name) => `“${name}” is reconnected.`,
  },
  wizardCancelled: 'Setup was cancelled; nothing changed.',
};
