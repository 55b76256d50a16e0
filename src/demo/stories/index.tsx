import type { Story } from '../types.js';
import { CustomFormStory } from './CustomFormStory.js';
import { dialogStories } from './dialogStories.js';
import { enablerStories } from './enablerStories.js';
import { ListingEditorStory } from './ListingEditorStory.js';
import { LiveEnablers } from './LiveEnablers.js';
import { marketplaceStories } from './marketplaceStories.js';
import { partnerStories } from './partnerStories.js';
import { hasButton } from './shown.js';

const liveStories: Story[] = [
  {
    id: 'live',
    title: 'Live: wizard → enable',
    group: 'Live flow',
    description:
      'The real flow: our server handler in front of the mock Tray; Configure opens the mock config wizard on its own origin, and finishing it enables the instance.',
    props: { solutionInstanceId: '(each of your instances)', getWizardUrl: 'default: POST /api/tray/wizard-url' },
    live: true,
    // Every instance's enabler has loaded and says Enabled or Disabled.
    readyWhen: (canvas) => {
      const statuses = [...canvas.querySelectorAll('[data-instance] [role="status"]')];
      return statuses.length > 0 && statuses.every((status) => /Enabled|Disabled/.test(status.textContent ?? ''));
    },
    render: (context) => <LiveEnablers context={context} />,
  },
  {
    id: 'custom-form',
    title: 'Custom form',
    group: 'Live flow',
    description: 'A partner’s own form instead of Tray’s wizard: it saves the values, then enables through useSolutionInstance.',
    props: { hook: 'useSolutionInstance("si-slack-missing-values")' },
    live: true,
    render: (context) => <CustomFormStory context={context} />,
  },
];

const listingStories: Story[] = [
  {
    id: 'listing-editor',
    title: 'Listing editor',
    group: 'Solution listing',
    description:
      'Edit a marketplace solution listing. Arrays are always sent whole; Review changes shows the exact requests before Save. Saves to the mock listing API.',
    props: { solutionVersionId: 'the seeded “Last Mile Delivery” version' },
    live: true,
    readyWhen: (canvas) => hasButton('Review changes')(canvas) || canvas.textContent!.includes('needs the mock listing API'),
    render: ({ config }) =>
      config.listing ? (
        <ListingEditorStory apiBaseUrl={config.listing.apiBaseUrl} accessToken={config.listing.accessToken} solutionVersionId={config.listing.solutionVersionId} />
      ) : (
        <p role="status">The listing editor story needs the mock listing API (npm run dev).</p>
      ),
  },
];

export const stories: Story[] = [...enablerStories, ...liveStories, ...dialogStories, ...marketplaceStories, ...partnerStories, ...listingStories];
