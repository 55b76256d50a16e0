'use client';
// react-tray-embedded: the React components and hooks, and the browser-side helpers they use.
// Every export is named here (values first, then types), so this file is the public surface.

// The enabler and its hooks
export { SolutionInstanceEnabler } from './react/SolutionInstanceEnabler.js';
export { TrayEmbeddedProvider, useTrayEmbeddedDefaults } from './react/TrayEmbeddedProvider.js';
export { useConfigWizard } from './react/useConfigWizard.js';
export { useAuthDialog } from './react/useAuthDialog.js';
export { useSolutionInstance } from './react/useSolutionInstance.js';
export { useEnableFlow } from './react/useEnableFlow.js';
export { TrayAlert, TrayAlert as EnablerAlert } from './react/TrayAlert.js';
export { NEXT_STEP } from './react/nextStep.js';
export { defaultLabels, defaultErrorLabels, defaultWizardLabels } from './react/labels.js';
export { mergeLabels } from './react/mergeLabels.js';
// The marketplace
export { SolutionCatalog } from './react/marketplace/SolutionCatalog.js';
export { MyIntegrations } from './react/marketplace/MyIntegrations.js';
export { InstanceConsole } from './react/marketplace/InstanceConsole.js';
export { useSolutions } from './react/marketplace/useSolutions.js';
export { useAddSolution } from './react/marketplace/useAddSolution.js';
export { useMyIntegrations } from './react/marketplace/useMyIntegrations.js';
export { useInstanceActions } from './react/marketplace/useInstanceActions.js';
export { useInstanceConsole } from './react/marketplace/useInstanceConsole.js';
export { useTrayClient } from './react/useTrayClient.js';
export { defaultCatalogLabels } from './react/marketplace/catalogLabels.js';
export { defaultMyIntegrationsLabels } from './react/marketplace/integrationsLabels.js';
export { defaultInstanceConsoleLabels } from './react/marketplace/consoleLabels.js';
// The solution listing editor (its plain helpers are in react-tray-embedded/listing)
export { SolutionListingEditor, defaultListingEditorLabels } from './react/listing/index.js';
// Browser-side helpers without React
export { TrayEmbeddedError, TrayEmbeddedError as AdminRequestError } from './core/errors.js';
export { EnableFlow } from './core/enableFlow.js';
export { AddFlow } from './core/addFlow.js';
export { AuthDialogSession } from './core/authDialogSession.js';
export { createWizardUrlFetcher } from './core/fetchWizardUrl.js';
export { createAuthUrlFetcher } from './core/fetchAuthUrl.js';
export { createAdminClient } from './core/adminClient.js';
export { searchSolutions } from './core/searchSolutions.js';
export { readSolutionFields, autoEnables } from './core/solutionFields.js';
export { SolutionLogo } from './react/marketplace/SolutionLogo.js';
export { toTrayError } from './graphql/apolloErrors.js';
export { trayTypePolicies } from './graphql/typePolicies.js';
export { enableInput, disableInput } from './graphql/inputs.js';
export { SOLUTION_INSTANCE_QUERY, UPDATE_SOLUTION_INSTANCE } from './graphql/operations.js';
export {
  MARKETPLACE_SOLUTIONS_QUERY,
  MARKETPLACE_INSTANCES_QUERY,
  CREATE_SOLUTION_INSTANCE,
  MARKETPLACE_UPDATE_SOLUTION_INSTANCE,
  UPGRADE_SOLUTION_INSTANCE,
  REMOVE_SOLUTION_INSTANCE,
} from './graphql/marketplace.js';

export type { SolutionInstanceEnablerProps } from './react/SolutionInstanceEnabler.js';
export type { SolutionFields } from './core/solutionFields.js';
export type { SolutionLogoProps } from './react/marketplace/SolutionLogo.js';
export type { CustomField } from './graphql/types.js';
export type { TrayEmbeddedProviderProps, TrayEmbeddedDefaults } from './react/TrayEmbeddedProvider.js';
export type { UseConfigWizardOptions, UseConfigWizardResult } from './react/useConfigWizard.js';
export type { UseAuthDialogOptions, UseAuthDialogResult } from './react/useAuthDialog.js';
export type { UseSolutionInstanceOptions, UseSolutionInstanceResult, SolutionInstanceState } from './react/useSolutionInstance.js';
export type { TrayAlertProps, TrayAlertProps as EnablerAlertProps } from './react/TrayAlert.js';
export type { EnablerLabels, ErrorLabels, ErrorLabels as MarketplaceErrorLabels, WizardLabels } from './react/labels.js';
export type { LabelsInput } from './react/mergeLabels.js';
export type { SolutionCatalogProps } from './react/marketplace/SolutionCatalog.js';
export type { MyIntegrationsProps, MyIntegrationsLabelsInput } from './react/marketplace/MyIntegrations.js';
export type { InstanceConsoleProps } from './react/marketplace/InstanceConsole.js';
export type { UseSolutionsOptions, UseSolutionsResult } from './react/marketplace/useSolutions.js';
export type { UseAddSolutionOptions, UseAddSolutionResult, AddSolutionState, AddStep } from './react/marketplace/useAddSolution.js';
export type { UseMyIntegrationsOptions, UseMyIntegrationsResult } from './react/marketplace/useMyIntegrations.js';
export type { UseInstanceActionsOptions, UseInstanceActionsResult, InstanceAction } from './react/marketplace/useInstanceActions.js';
export type { UseInstanceConsoleOptions, UseInstanceConsoleResult } from './react/marketplace/useInstanceConsole.js';
export type { LoadMoreState } from './react/marketplace/useLoadMore.js';
export type { CatalogLabels } from './react/marketplace/catalogLabels.js';
export type { MyIntegrationsLabels } from './react/marketplace/integrationsLabels.js';
export type { InstanceConsoleLabels } from './react/marketplace/consoleLabels.js';
export type { SolutionListingEditorProps, ListingEditorLabels } from './react/listing/index.js';
export type { TrayEmbeddedErrorCode } from './core/errors.js';
export type { EnableFlowOptions } from './core/enableFlow.js';
export type { EnableFlowState, FlowAction, FlowOutcome, FlowStep } from './core/enableFlowState.js';
export type { GetWizardUrl, InstancePort, InstanceStatus } from './core/instancePort.js';
export type { WizardState, WizardStatus } from './core/wizardSession.js';
export type { OpenWith, Presentation } from './core/surface.js';
export type { AuthDialogSessionOptions } from './core/authDialogSession.js';
export type { AuthResult } from './core/authMessages.js';
export type { AuthUrlRequest, GetAuthUrl } from './core/fetchAuthUrl.js';
export type { ValidateRequest, ValidationErrors } from './core/messages.js';
export type { AdminClient, AdminClientOptions, AdminInstance, AdminInstanceFilters, AdminInstancesPage } from './core/adminClient.js';
export type { MarketplaceSolution } from './graphql/marketplace.js';
export type { AuthSlot, AuthValue, SolutionInstance, SolutionInstanceStatus, SolutionVersionFlags, UpdateSolutionInstanceInput } from './graphql/types.js';
