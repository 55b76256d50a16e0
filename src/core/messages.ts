/** Message types the config wizard posts to its opener (shared/reference/tray-embedded.md). */
export const WIZARD_MESSAGE = {
  finish: 'tray.configPopup.finish',
  cancel: 'tray.configPopup.cancel',
  error: 'tray.configPopup.error',
  validate: 'tray.configPopup.validate',
  ready: 'tray.configPopup.ready',
} as const;

/** The one message type we send back, for the custom validation handshake. */
export const CLIENT_VALIDATION = 'tray.configPopup.client.validation';

export interface ValidateRequest {
  /** externalIds of the config slots the wizard shows on the current step. */
  visibleValues: string[];
  /** Current values by externalId. */
  configValues: Record<string, unknown>;
}

/** Field errors by externalId; an empty object lets the wizard go on. */
export type ValidationErrors = Record<string, string>;

/** What real wizards say about themselves with finish, cancel and error (`data.solutionInstanceId`). */
export interface WizardReport {
  solutionInstanceId?: string;
}

export type WizardMessage =
  | ({ type: typeof WIZARD_MESSAGE.finish } & WizardReport)
  | ({ type: typeof WIZARD_MESSAGE.cancel } & WizardReport)
  | { type: typeof WIZARD_MESSAGE.ready }
  | ({ type: typeof WIZARD_MESSAGE.error; err: unknown } & WizardReport)
  | { type: typeof WIZARD_MESSAGE.validate; request: ValidateRequest };

export type ClientValidationMessage = {
  type: typeof CLIENT_VALIDATION;
  data: { inProgress: true } | { inProgress: false; errors: ValidationErrors };
};
