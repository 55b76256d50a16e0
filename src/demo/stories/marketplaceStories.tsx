import type { Story } from '../types.js';

// Filled in by the marketplace work (issue 5).
export const marketplaceStories: Story[] = [];
