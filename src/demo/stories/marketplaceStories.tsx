import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { InstanceConsole, MyIntegrations, SolutionCatalog } from '../../index.js';
import '../../react/marketplace/marketplace.css';
import { InPageTray, type StoryKnobs } from '../scripted/inPageTray.js';
import type { Story, StoryContext } from '../types.js';
import { every, hasButton, hasItems } from './shown.js';

/** Tray never answers a `viewer` query: the skeletons stay. */
const neverAnswer: StoryKnobs = (tray) => void tray.faults.hold('viewer', { times: Infinity });
/** The first load of the list never reaches the backend; Try again goes through. */
const firstLoadOffline: StoryKnobs = (tray) => void tray.backend.unreachable('MarketplaceSolutionInstances');

const logProps = ({ log }: StoryContext) => ({
  onError: (error: { code: string; message: string }) => log('onError', { code: error.code, message: error.message }),
});

function Catalog({ context }: { context: StoryContext }) {
  return (
    <SolutionCatalog
      onAdded={(instance) => context.log('onAdded', instance)}
      onCancel={(instance) => context.log('onCancel', instance?.id ?? null)}
      onRemoved={(id) => context.log('onRemoved', id)}
      {...logProps(context)}
    />
  );
}

function Integrations({ context, presentation }: { context: StoryContext; presentation?: 'popup' | 'dialog' }) {
  return (
    <MyIntegrations
      presentation={presentation}
      onChange={(action, instance) => context.log(`onChange: ${action}`, instance)}
      {...logProps(context)}
      emptyAction={<a href="#/story/marketplace-catalog">Open the catalog</a>}
    />
  );
}

const live = (render: (context: StoryContext) => ReactNode) => (context: StoryContext) => (
  <ApolloProvider client={context.liveClient}>{render(context)}</ApolloProvider>
);

const stack = { display: 'grid', gap: '2rem' } as const;
const wizardProp = { getWizardUrl: 'default: POST /api/tray/wizard-url' };

/** The marketplace: catalog, the user's integrations and the partner's admin console. */
export const marketplaceStories: Story[] = [
  {
    id: 'marketplace-catalog',
    title: 'Catalog',
    group: 'Marketplace',
    description: 'The solutions to add, with search-as-you-type and a tag filter. Add creates an instance, opens the wizard in the same click, and enables it on finish; an unfinished one is offered for removal.',
    props: wizardProp,
    live: true,
    readyWhen: hasItems('Solutions'),
    render: live((context) => <Catalog context={context} />),
  },
  {
    id: 'marketplace-my-integrations',
    title: 'My integrations',
    group: 'Marketplace',
    description: 'The user’s instances: Enable/Disable, Reconfigure, Reconnect (per auth slot), Rename, Remove (confirmed) and Update when a newer version exists. Refreshes when the window regains focus.',
    props: { pageSize: 20, ...wizardProp },
    live: true,
    readyWhen: hasItems('My integrations'),
    render: live((context) => <Integrations context={context} />),
  },
  {
    id: 'marketplace-reconnect',
    title: 'Reconnect an account',
    group: 'Marketplace',
    description:
      'Each auth slot of an instance has Reconnect: Tray’s auth-only dialog (here in the page) repairs that one connection without the whole wizard, through the provider’s consent page; on finish the slot’s authValues are set, the others kept.',
    props: { presentation: 'dialog', getAuthUrl: 'default: POST /api/tray/auth-url' },
    live: true,
    readyWhen: (canvas) => canvas.querySelector('[aria-label="My integrations"] > li button[aria-label^="Reconnect "]') !== null,
    render: live((context) => <Integrations context={context} presentation="dialog" />),
  },
  {
    id: 'marketplace-page',
    title: 'Catalog and my integrations',
    group: 'Marketplace',
    description: 'Both on one page, sharing the host’s Apollo cache: an integration added in the catalog appears in the list.',
    props: wizardProp,
    live: true,
    readyWhen: every(hasItems('My integrations'), hasItems('Solutions')),
    render: live((context) => (
      <div style={stack}>
        <Integrations context={context} />
        <Catalog context={context} />
      </div>
    )),
  },
  {
    id: 'marketplace-empty',
    title: 'Empty state',
    group: 'Marketplace',
    description: 'A user with no integrations yet.',
    props: { emptyAction: '<a href="…">Open the catalog</a>' },
    readyWhen: (canvas) => canvas.querySelector('a[href="#/story/marketplace-catalog"]') !== null,
    render: (context) => <InPageTray seed={false}><Integrations context={context} /></InPageTray>,
  },
  {
    id: 'marketplace-loading',
    title: 'Loading skeletons',
    group: 'Marketplace',
    description: 'Placeholders in the shape of the list and the cards while the first page loads (this server never answers).',
    // It never loads: ready once both views show their placeholders.
    readyWhen: (canvas) => canvas.querySelectorAll('[aria-busy="true"]').length >= 2,
    render: (context) => (
      <InPageTray knobs={neverAnswer}>
        <div style={stack}>
          <Integrations context={context} />
          <Catalog context={context} />
        </div>
      </InPageTray>
    ),
  },
  {
    id: 'marketplace-error',
    title: 'Error with retry',
    group: 'Marketplace',
    description: 'The first load fails (network). Try again loads the list.',
    readyWhen: hasButton('Try again', '[role="alert"]'),
    render: (context) => <InPageTray knobs={firstLoadOffline}><Integrations context={context} /></InPageTray>,
  },
  {
    id: 'marketplace-console',
    title: 'Instance console (admin)',
    group: 'Marketplace',
    description: 'For the partner’s own admins: every user’s instances with filters and Enable/Disable, through the handler’s admin routes (403 for non-admins).',
    props: { apiBase: '/api/tray' },
    live: true,
    // The rows, or the refusal a non-admin gets (real Tray mode without TRAY_DEMO_ADMIN).
    readyWhen: (canvas) => canvas.querySelector('table tbody th[scope="row"], [role="alert"]') !== null,
    render: ({ config, log }) => <InstanceConsole apiBase={config.apiBase} onChange={(instance) => log('onChange', instance)} />,
  },
];
