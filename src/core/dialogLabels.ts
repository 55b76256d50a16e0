/**
 * What the in-page dialog says, and the hint for a wizard that never answers. Its own module so
 * that the enabler's labels and the dialog (loaded on demand) share one copy of the defaults.
 */
export interface WizardDialogLabels {
  /** The dialog's visible title, which names it and its frame. @default 'Set up integration' */
  dialogTitle: string;
  /** @default 'Close' */
  closeDialog: string;
  /** Shown until the page says it is ready, or has loaded. @default 'Loading the setup page…' */
  dialogLoading: string;
  /** @default 'The setup window is not responding.' */
  notResponding: string;
}

export const DEFAULT_DIALOG_LABELS: WizardDialogLabels = {
  dialogTitle: 'Set up integration',
  closeDialog: 'Close',
  dialogLoading: 'Loading the setup page…',
  notResponding: 'The setup window is not responding.',
};
