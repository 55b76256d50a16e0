// The listing editor's public surface. It needs React, so it is re-exported from the root
// entry (`react-tray-embedded`, src/index.ts) rather than from `/listing`, which stays
// framework-agnostic and safe to import in a Node backend without React installed.
export { SolutionListingEditor } from './SolutionListingEditor.js';
export { defaultListingEditorLabels } from './editor/labels.js';

export type { SolutionListingEditorProps } from './SolutionListingEditor.js';
export type { ListingEditorLabels } from './editor/labels.js';
