import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Observable } from 'rxjs';
import { InstanceConsole, MyIntegrations, SolutionCatalog } from '../../index.js';
import '../../react/marketplace/marketplace.css';
import type { Story, StoryContext } from '../types.js';
import { every, hasButton, hasItems } from './shown.js';

/** The scripted stories' server: the same answers every time, no network. */
type Script = 'empty' | 'loading' | 'error-then-rows';

const SAMPLE = [
  { id: 'si-a', name: 'CRM sync', enabled: true, hasNewerVersion: false, title: 'Salesforce CRM sync' },
  { id: 'si-b', name: 'Alerts', enabled: false, hasNewerVersion: false, title: 'Slack alerts' },
  { id: 'si-c', name: 'Support tickets', enabled: true, hasNewerVersion: true, title: 'Zendesk ticket sync' },
];

function scriptedClient(script: Script): ApolloClient {
  const rows = script === 'empty' ? [] : SAMPLE.map((row) => ({ ...row }));
  const failed = new Set<string>();
  const node = (row: (typeof rows)[number]) => ({
    __typename: 'SolutionInstance', id: row.id, name: row.name, enabled: row.enabled, created: '2025-01-06T09:15:00.000Z',
    solution: { __typename: 'Solution', id: `sol-${row.id}`, title: row.title },
    solutionVersionFlags: { __typename: 'SolutionVersionFlags', hasNewerVersion: row.hasNewerVersion, requiresUserInputToUpdateVersion: false, requiresSystemInputToUpdateVersion: false },
  });
  const answer = (name: string, variables: Record<string, any>): unknown => {
    if (name === 'MarketplaceSolutionInstances') {
      return { data: { viewer: { __typename: 'Viewer', solutionInstances: {
        __typename: 'SolutionInstanceConnection', totalCount: rows.length,
        edges: rows.map((row) => ({ __typename: 'SolutionInstanceEdge', cursor: row.id, node: node(row) })),
        pageInfo: { __typename: 'PageInfo', endCursor: rows.at(-1)?.id ?? null, hasNextPage: false },
      } } } };
    }
    if (name === 'MarketplaceSolutions') {
      return { data: { viewer: { __typename: 'Viewer', solutions: { __typename: 'SolutionConnection', edges: [], pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false } } } } };
    }
    const row = rows.find((r) => r.id === variables['input']?.solutionInstanceId);
    if (name !== 'MarketplaceUpdateSolutionInstance' || !row) return { data: null, errors: [{ message: 'This scripted story only enables, disables and renames.' }] };
    const { enabled, instanceName } = variables['input'];
    if (typeof enabled === 'boolean') row.enabled = enabled;
    if (typeof instanceName === 'string') row.name = instanceName;
    return { data: { updateSolutionInstance: { __typename: 'UpdateSolutionInstancePayload', solutionInstance: node(row) } } };
  };
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (script === 'loading') return undefined; // never answers: the skeletons stay
        const name = operation.operationName ?? '';
        const timer = setTimeout(() => {
          if (script === 'error-then-rows' && !failed.has(name)) {
            failed.add(name);
            return observer.error(new TypeError('Failed to fetch'));
          }
          observer.next(answer(name, operation.variables) as never);
          observer.complete();
        }, 100);
        return () => clearTimeout(timer);
      }),
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

function Scripted({ script, children }: { script: Script; children: ReactNode }) {
  const [client] = useState(() => scriptedClient(script));
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}

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

function Integrations({ context }: { context: StoryContext }) {
  return <MyIntegrations onChange={(action, instance) => context.log(`onChange: ${action}`, instance)} {...logProps(context)} emptyAction={<a href="#/story/marketplace-catalog">Open the catalog</a>} />;
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
    description: 'The user’s instances: Enable/Disable, Reconfigure, Rename, Remove (confirmed) and Update when a newer version exists. Refreshes when the window regains focus.',
    props: { pageSize: 20, ...wizardProp },
    live: true,
    readyWhen: hasItems('My integrations'),
    render: live((context) => <Integrations context={context} />),
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
    render: (context) => <Scripted script="empty"><Integrations context={context} /></Scripted>,
  },
  {
    id: 'marketplace-loading',
    title: 'Loading skeletons',
    group: 'Marketplace',
    description: 'Placeholders in the shape of the list and the cards while the first page loads (this server never answers).',
    // It never loads: ready once both views show their placeholders.
    readyWhen: (canvas) => canvas.querySelectorAll('[aria-busy="true"]').length >= 2,
    render: (context) => (
      <Scripted script="loading">
        <div style={stack}>
          <Integrations context={context} />
          <Catalog context={context} />
        </div>
      </Scripted>
    ),
  },
  {
    id: 'marketplace-error',
    title: 'Error with retry',
    group: 'Marketplace',
    description: 'The first load fails (network). Try again loads the list.',
    readyWhen: hasButton('Try again', '[role="alert"]'),
    render: (context) => <Scripted script="error-then-rows"><Integrations context={context} /></Scripted>,
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
