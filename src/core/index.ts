// react-tray-embedded/core: the framework-agnostic wizard and enable flow. No React, and no
// global is touched at import (window is read when a wizard opens).
export { TrayEmbeddedError } from './errors.js';
export { errorFrom, confirmEnabled } from './errorRules.js';
export { assertWizardUrl } from './assertWizardUrl.js';
export { WIZARD_MESSAGE, CLIENT_VALIDATION } from './messages.js';
export { readWizardMessage, describeWizardError } from './messageGuard.js';
export { AUTH_MESSAGE, readAuthMessage } from './authMessages.js';
export { WizardSession } from './wizardSession.js';
export { AuthDialogSession } from './authDialogSession.js';
export { EnableFlow } from './enableFlow.js';
export { AddFlow } from './addFlow.js';
export { reduceFlow, flowError } from './enableFlowState.js';
export { renameInstance, upgradeInstance, removeInstance, reconnectInstance } from './instanceActions.js';
export { createWizardUrlFetcher } from './fetchWizardUrl.js';
export { createAuthUrlFetcher } from './fetchAuthUrl.js';

export type { TrayEmbeddedErrorCode } from './errors.js';
export type { WizardMessage, ValidateRequest, ValidationErrors, ClientValidationMessage } from './messages.js';
export type { ExpectedSender, MessageLike } from './messageGuard.js';
export type { AuthDialogMessage, AuthResult } from './authMessages.js';
export type { PopupSize } from './popup.js';
export type { OpenWith, Presentation } from './surface.js';
export type { WizardDialogLabels } from './dialogLabels.js';
export type { WizardSessionOptions } from './wizardSession.js';
export type { AuthDialogSessionOptions } from './authDialogSession.js';
export type { WizardPopupOptions, WizardState, WizardStatus } from './wizardPopup.js';
export type { EnableFlowOptions } from './enableFlow.js';
export type { EnableFlowState, FlowAction, FlowEvent, FlowOutcome, FlowStep } from './enableFlowState.js';
export type { GetWizardUrl, InstancePort, InstanceStatus } from './instancePort.js';
export type { WizardUrlFetcherOptions } from './fetchWizardUrl.js';
export type { AuthUrlRequest, GetAuthUrl } from './fetchAuthUrl.js';
