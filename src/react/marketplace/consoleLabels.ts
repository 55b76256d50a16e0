import { defaultErrorLabels, type ErrorLabels } from '../labels.js';

/** Every visible string of `InstanceConsole`. Replace any of them through `labels`. */
export interface InstanceConsoleLabels extends ErrorLabels {
  /** The table's caption. @default 'Integrations of all users' */
  caption: string;
  /** @default 'Filter integrations' */
  filters: string;
  /** @default 'Owner (Tray user id)' */
  owner: string;
  /** @default 'Solution' */
  solution: string;
  /** @default 'All solutions' */
  allSolutions: string;
  /** @default 'Apply filters' */
  applyFilters: string;
  /** @default 'Clear filters' */
  clearFilters: string;
  /** Column headings. */
  columns: { owner: string; solution: string; name: string; created: string; enabled: string; actions: string };
  /** @default 'Yes' */
  yes: string;
  /** @default 'No' */
  no: string;
  /** @default 'Enable' */
  enable: string;
  /** @default 'Disable' */
  disable: string;
  /** @default 'Enabling…' */
  enabling: string;
  /** @default 'Disabling…' */
  disabling: string;
  /** @default (name, enabled) => `“${name}” is ${enabled ? 'enabled' : 'disabled'}.` */
  changed: (name: string, enabled: boolean) => string;
  /** @default 'Loading integrations…' */
  loading: string;
  /** @default 'No integrations match these filters.' */
  empty: string;
  /** @default (shown, total) => `Showing ${shown} of ${total}` */
  count: (shown: number, total: number) => string;
  /** @default 'Load more' */
  loadMore: string;
  /** The 403 answer. @default 'You need admin rights to see every user’s integrations. Ask an administrator of your organisation for access.' */
  forbidden: string;
  /** @default 'Some required settings are missing, so it cannot be enabled. The owner must finish its setup.' */
  missingValues: string;
  /** Followed by the server's own words. @default 'The request failed.' */
  refused: string;
  /** @default (iso) => the date and time in the user's locale */
  created: (iso: string) => string;
}

export const defaultInstanceConsoleLabels: InstanceConsoleLabels = {
  ...defaultErrorLabels,
  caption: 'Integrations of all users',
  filters: 'Filter integrations',
  owner: 'Owner (Tray user id)',
  solution: 'Solution',
  allSolutions: 'All solutions',
  applyFilters: 'Apply filters',
  clearFilters: 'Clear filters',
  columns: { owner: 'Owner', solution: 'Solution', name: 'Name', created: 'Created', enabled: 'Enabled', actions: 'Actions' },
  yes: 'Yes',
  no: 'No',
  enable: 'Enable',
  disable: 'Disable',
  enabling: 'Enabling…',
  disabling: 'Disabling…',
  changed: (name, enabled) => `“${name}” is ${enabled ? 'enabled' : 'disabled'}.`,
  loading: 'Loading integrations…',
  empty: 'No integrations match these filters.',
  count: (shown, total) => `Showing ${shown} of ${total}`,
  loadMore: 'Load more',
  forbidden: 'You need admin rights to see every user’s integrations. Ask an administrator of your organisation for access.',
  missingValues: 'Some required settings are missing, so it cannot be enabled. The owner must finish its setup.',
  refused: 'The request failed.',
  created: (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  },
};
