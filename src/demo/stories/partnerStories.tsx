import { useMutation, useQuery } from '@apollo/client/react';
import { ApolloProvider } from '@apollo/client/react';
import { gql, type TypedDocumentNode } from '@apollo/client';
import { useEffect, type ReactNode } from 'react';
import { InstanceConsole, SolutionCatalog, SolutionInstanceEnabler } from '../../index.js';
import '../../react/marketplace/marketplace.css';
import { SEED_IDS } from '../../mock-tray/seed.js';
import { InPageTray } from '../scripted/inPageTray.js';
import type { Story, StoryContext } from '../types.js';
import { every, hasItems } from './shown.js';

const REVIEWED = SEED_IDS.solutions.reviewed;

const MY_REVIEWED: TypedDocumentNode<{ viewer: { solutionInstances: { edges: Array<{ node: { id: string; solution: { id: string } } }> } } }> = gql`
query DemoMyReviewed { viewer { solutionInstances(first: 100) { edges { node { id solution { id } } } } } }`;
const CREATE: TypedDocumentNode<{ createSolutionInstance: { solutionInstance: { id: string } } }, { input: { solutionId: string; instanceName: string } }> = gql`
mutation DemoCreateReviewed($input: CreateSolutionInstanceInput!) { createSolutionInstance(input: $input) { solutionInstance { id name enabled } } }`;

/** The user's instance of the reviewed solution, made through the handler on the first visit (its `created` event shows). */
function ReviewedInstance({ children }: { children: (solutionInstanceId: string) => ReactNode }) {
  const mine = useQuery(MY_REVIEWED, { fetchPolicy: 'network-only' });
  const [create, created] = useMutation(CREATE);
  const found = mine.data?.viewer.solutionInstances.edges.find((edge) => edge.node.solution.id === REVIEWED)?.node.id;
  const id = found ?? created.data?.createSolutionInstance.solutionInstance.id;
  const isMissing = mine.data !== undefined && !found;
  useEffect(() => {
    if (isMissing && !created.called) void create({ variables: { input: { solutionId: REVIEWED, instanceName: 'HubSpot contacts (reviewed)' } } });
  }, [isMissing, created.called, create]);
  if (mine.error || created.error) return <p role="alert">The demo could not prepare its instance: {(mine.error ?? created.error)!.message}</p>;
  return id ? children(id) : <p role="status">Preparing the reviewed instance…</p>;
}

const onError = ({ log }: StoryContext) => (error: { code: string; message: string }) => log('onError', { code: error.code, message: error.message });

function PartnerDecides({ context }: { context: StoryContext }) {
  return (
    <ApolloProvider client={context.liveClient}>
      <div style={{ display: 'grid', gap: '2rem' }}>
        <ReviewedInstance>
          {(id) => (
            <>
              <SolutionInstanceEnabler
                solutionInstanceId={id}
                onEnabled={(instance) => context.log('onEnabled', instance)}
                onError={onError(context)}
              />
              {/* Loaded once the instance exists, so its row is there. */}
              <InstanceConsole apiBase={context.config.apiBase} onChange={(instance) => context.log('console onChange', instance)} />
            </>
          )}
        </ReviewedInstance>
      </div>
    </ApolloProvider>
  );
}

/** What the partner decides: custom fields read from Tray, checks before an enable, events after. */
export const partnerStories: Story[] = [
  {
    id: 'partner-custom-fields',
    title: 'Solution custom fields',
    group: 'Partner decides',
    description:
      'Read from each solution’s custom fields: image (Salesforce’s logo; Slack’s never loads, so its initials show), forceUnique (Zendesk: the user has one, so “Added” and no second Add) and disableAutoEnable (HubSpot contacts (reviewed): after the wizard it is set up and waits for activation).',
    props: { customFields: '{ image, forceUnique, disableAutoEnable }, keys compared lower-cased' },
    readyWhen: every(hasItems('Solutions'), (canvas) => canvas.querySelector('.rte-card__added') !== null),
    render: (context) => (
      <InPageTray>
        <SolutionCatalog
          onAdded={(instance) => context.log('onAdded', instance)}
          onSetUp={(instance) => context.log('onSetUp', instance)}
          onError={onError(context)}
        />
      </InPageTray>
    ),
  },
  {
    id: 'partner-activation',
    title: 'Set up, refused, activated by the partner',
    group: 'Partner decides',
    description:
      'A disableAutoEnable solution: Configure → Finish leaves it “Set up — waiting for activation”. The demo backend’s beforeEnable refuses the user’s own Enable with its reason; the console below (the admin route) activates it. Every change the handler confirmed appears in Events as “server: onInstanceEvent …”.',
    props: { beforeEnable: '({ instance, via }) => via === "graphql" && reviewed(instance.solution) ? { refuse: "…" } : undefined', onInstanceEvent: 'log it' },
    live: true,
    readyWhen: (canvas) =>
      /Enabled|Disabled/.test(canvas.querySelector('.rte-enabler [role="status"]')?.textContent ?? '') && canvas.querySelector('table tbody th[scope="row"], [role="alert"]') !== null,
    render: (context) => <PartnerDecides context={context} />,
  },
];
