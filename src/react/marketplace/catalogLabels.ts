import { defaultErrorLabels, defaultWizardLabels, type ErrorLabels, type WizardLabels } from '../labels.js';

/** Every visible string of `SolutionCatalog`. Replace any of them through `labels`. */
export interface CatalogLabels extends ErrorLabels, WizardLabels {
  /** @default 'Solutions' */
  listName: string;
  /** @default 'Search' */
  search: string;
  /** @default 'Filter by tag' */
  tagFilter: string;
  /** @default 'All' */
  allTags: string;
  /** Visible text of each card's button. @default 'Add' */
  add: string;
  /** Accessible name of each card's button; starts with `add`. @default (title) => `Add ${title}` */
  addSolution: (title: string) => string;
  /** Label of the instance name field; the value defaults to the solution's title. @default (title) => `Name for ${title}` */
  instanceName: (title: string) => string;
  /** Visible label of each card's instance name field (its accessible name is `instanceName`). @default 'Name' */
  nameField: string;
  /** Beside an instance whose setup was kept for later. @default 'Setup incomplete' */
  setupIncomplete: string;
  /** @default 'Tags' */
  tags: string;
  /** @default 'Load more' */
  loadMore: string;
  /** @default 'Loading solutions…' */
  loading: string;
  /** @default 'The solutions could not be loaded.' */
  loadFailed: string;
  /** @default 'No solutions are available yet.' */
  empty: string;
  /** @default (query) => `No loaded solution matches “${query}”.` */
  noMatch: (query: string) => string;
  /** Announced as the search narrows the list. @default (shown, loaded) => `${shown} of ${loaded} solutions` */
  resultCount: (shown: number, loaded: number) => string;
  /** @default (name) => `Adding “${name}”…` */
  creating: (name: string) => string;
  /** @default 'Waiting for the wizard…' */
  waitingForWizard: string;
  /** @default (name) => `Enabling “${name}”…` */
  enabling: (name: string) => string;
  /** @default (name) => `“${name}” is added and enabled.` */
  added: (name: string) => string;
  /** A `disableAutoEnable` solution's wizard finished. @default (name) => `“${name}”: Set up — waiting for activation` */
  awaitingActivation: (name: string) => string;
  /** Shown instead of "Add" on a `forceUnique` solution the user has already added. @default 'Added' */
  alreadyAdded: string;
  /** @default 'Setup was cancelled; nothing was added.' */
  cancelled: string;
  /** The question after an unfinished setup. @default (name) => `Setup of “${name}” was not finished. Remove the unfinished integration?` */
  unfinished: (name: string) => string;
  /** @default 'Remove it' */
  removeUnfinished: string;
  /** @default 'Keep it for later' */
  keepUnfinished: string;
  /** @default 'Continue setup' */
  continueSetup: string;
  /** @default (name) => `Removing “${name}”…` */
  removing: (name: string) => string;
  /** @default (name) => `“${name}” was removed.` */
  removed: (name: string) => string;
  /** Prefix of errors while adding. @default (title) => `Could not add “${title}”.` */
  addFailed: (title: string) => string;
  /** Prefix of errors once the instance exists but is not enabled. @default (name) => `“${name}” was added but is not set up yet.` */
  notSetUp: (name: string) => string;
}

export const defaultCatalogLabels: CatalogLabels = {
  ...defaultErrorLabels,
  ...defaultWizardLabels,
  listName: 'Solutions',
  search: 'Search',
  tagFilter: 'Filter by tag',
  allTags: 'All',
  add: 'Add',
  addSolution: (title) => `Add ${title}`,
  instanceName: (title) => `Name for ${title}`,
  nameField: 'Name',
  setupIncomplete: 'Setup incomplete',
  tags: 'Tags',
  loadMore: 'Load more',
  loading: 'Loading solutions…',
  loadFailed: 'The solutions could not be loaded.',
  empty: 'No solutions are available yet.',
  noMatch: (query) => `No loaded solution matches “${query}”.`,
  resultCount: (shown, loaded) => `${shown} of ${loaded} solutions`,
  creating: (name) => `Adding “${name}”…`,
  waitingForWizard: 'Waiting for the wizard…',
  enabling: (name) => `Enabling “${name}”…`,
  added: (name) => `“${name}” is added and enabled.`,
  awaitingActivation: (name) => `“${name}”: Set up — waiting for activation`,
  alreadyAdded: 'Added',
  cancelled: 'Setup was cancelled; nothing was added.',
  unfinished: (name) => `Setup of “${name}” was not finished. Remove the unfinished integration?`,
  removeUnfinished: 'Remove it',
  keepUnfinished: 'Keep it for later',
  continueSetup: 'Continue setup',
  removing: (name) => `Removing “${name}”…`,
  removed: (name) => `“${name}” was removed.`,
  addFailed: (title) => `Could not add “${title}”.`,
  notSetUp: (name) => `“${name}” was added but is not set up yet.`,
};
