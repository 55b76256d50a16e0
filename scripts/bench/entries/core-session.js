// What a non-React partner imports to run the wizard with its own UI.
export { WizardSession, createWizardUrlFetcher } from 'react-tray-embedded/core';
