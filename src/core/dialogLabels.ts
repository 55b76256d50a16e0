/**
 * What the in-page dialog says, and the hint for a wizard that never answers. The dialog's own
 * texts are imported only by its chunk (wizardDialog.ts, loaded on first use), which fills them
 * in itself: a host passes only what it replaces, and a page that only uses the popup never
 * downloads them. The hint is shown beside popups too; its default is the driver's
 * (notRespondingLabel.ts), which hands it to the dialog.
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

/** The labels only the in-page dialog shows. */
export type DialogTexts = Exclude<keyof WizardDialogLabels, 'notResponding'>;

export const DEFAULT_DIALOG_TEXTS: Pick<WizardDialogLabels, DialogTexts> = {
  dialogTitle: 'Set up integration',
  closeDialog: 'Close',
  dialogLoading: 'Loading the setup page…',
};
