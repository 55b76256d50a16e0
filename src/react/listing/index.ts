// The listing editor's public surface, re-exported from the root entry (src/index.ts). It
// needs React, so it lives here and not in src/listing (`/listing`), which stays
// framework-agnostic and safe to import in a Node backend without React installed.
export { SolutionListingEditor } from './SolutionListingEditor.js';
export { defaultListingEditorLabels } from './editor/labels.js';

export type { SolutionListingEditorProps } from './SolutionListingEditor.js';
export type { ListingEditorLabels } from './editor/labels.js';
