// What a partner imports to ship the enabler, written as they write it. Bundled against the
// built package, whose exports map and sideEffects decide what stays (see support/shippedLibrary.ts).
// JavaScript, not TypeScript: 'react-tray-embedded' resolves only once the package is built.
export { SolutionInstanceEnabler, TrayEmbeddedProvider, createWizardUrlFetcher } from 'react-tray-embedded';
