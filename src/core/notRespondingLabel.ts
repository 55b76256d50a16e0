/**
 * The hint for a wizard that never answers (`noResponseMs`): shown beside a popup (the
 * enabler's status) and in the dialog alike. Apart from the dialog's own texts (dialogLabels.ts),
 * which load with the dialog, so a page that only uses the popup has this one without them.
 */
export const DEFAULT_NOT_RESPONDING = 'The setup window is not responding.';
