// The marketplace's public surface, re-exported from the root entry (src/index.ts).
export { SolutionCatalog } from './SolutionCatalog.js';
export { MyIntegrations } from './MyIntegrations.js';
export { InstanceConsole } from './InstanceConsole.js';
export { useSolutions } from './useSolutions.js';
export { useAddSolution } from './useAddSolution.js';
export { useMyIntegrations } from './useMyIntegrations.js';
export { useInstanceActions } from './useInstanceActions.js';
export { useInstanceConsole } from './useInstanceConsole.js';
export { createAdminClient, AdminRequestError } from './adminClient.js';
export { searchSolutions } from './searchSolutions.js';
export { trayTypePolicies, useTrayClient } from '../useTrayClient.js';
export { defaultCatalogLabels } from './catalogLabels.js';
export { defaultMyIntegrationsLabels } from './integrationsLabels.js';
export { defaultInstanceConsoleLabels } from './consoleLabels.js';
export {
  MARKETPLACE_SOLUTIONS_QUERY,
  MARKETPLACE_INSTANCES_QUERY,
  CREATE_SOLUTION_INSTANCE,
  MARKETPLACE_UPDATE_SOLUTION_INSTANCE,
  UPGRADE_SOLUTION_INSTANCE,
  REMOVE_SOLUTION_INSTANCE,
} from '../../graphql/marketplace.js';

export type { SolutionCatalogProps } from './SolutionCatalog.js';
export type { MyIntegrationsProps, MyIntegrationsLabelsInput } from './MyIntegrations.js';
export type { InstanceConsoleProps } from './InstanceConsole.js';
export type { UseSolutionsOptions, UseSolutionsResult } from './useSolutions.js';
export type { UseAddSolutionOptions, UseAddSolutionResult, AddSolutionState, AddStep } from './useAddSolution.js';
export type { UseMyIntegrationsOptions, UseMyIntegrationsResult } from './useMyIntegrations.js';
export type { UseInstanceActionsOptions, UseInstanceActionsResult, InstanceAction } from './useInstanceActions.js';
export type { UseInstanceConsoleOptions, UseInstanceConsoleResult } from './useInstanceConsole.js';
export type { AdminClient, AdminClientOptions, AdminInstance, AdminInstanceFilters, AdminInstancesPage } from './adminClient.js';
export type { CatalogLabels } from './catalogLabels.js';
export type { MyIntegrationsLabels } from './integrationsLabels.js';
export type { InstanceConsoleLabels } from './consoleLabels.js';
export type { MarketplaceErrorLabels } from './errorLabels.js';
export type { LoadMoreState } from './useLoadMore.js';
export type { GetWizardUrl } from './useWizardUrlGetter.js';
export type { MarketplaceSolution } from '../../graphql/marketplace.js';
