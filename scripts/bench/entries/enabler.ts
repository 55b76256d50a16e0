// What a partner imports to ship the enabler: the bench bundles this through the React
// entry and lets tree-shaking keep only what it needs, as the partner's bundler would.
export { SolutionInstanceEnabler, TrayEmbeddedProvider, createWizardUrlFetcher } from '../../../src/index.js';
