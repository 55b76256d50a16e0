import { gql } from '@apollo/client';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { SolutionInstanceEnabler } from '../../index.js';
import type { StoryContext } from '../types.js';

/** The demo's own query, as a partner would write one for its page. */
const MY_INSTANCES = gql`
  query DemoInstances {
    viewer {
      solutionInstances(first: 4) {
        edges { node { id name enabled solution { id title } } }
      }
    }
  }
`;

interface Row {
  id: string;
  name: string;
  enabled: boolean;
  solution: { id: string; title: string };
}

function Instances({ context }: { context: StoryContext }) {
  const { data, error, loading, refetch } = useQuery<{ viewer: { solutionInstances: { edges: Array<{ node: Row }> } } }>(MY_INSTANCES);
  if (loading && !data) return <p role="status">Loading your integrations…</p>;
  if (error) {
    return (
      <div role="alert">
        Could not load your integrations. <button type="button" onClick={() => void refetch()}>Try again</button>
      </div>
    );
  }
  return (
    <ul className="demo-live-list">
      {data?.viewer.solutionInstances.edges.map(({ node }) => (
        <li key={node.id} className="demo-live-item" data-instance={node.id}>
          <h3>{node.solution.title}</h3>
          {/* Always there (empty when the name is the title): the card's second row in the grid. */}
          <p className="demo-muted">{node.name !== node.solution.title && node.name}</p>
          <SolutionInstanceEnabler
            solutionInstanceId={node.id}
            getWizardUrl={undefined /* the default: POST /api/tray/wizard-url */}
            onEnabled={(instance) => context.log('onEnabled', instance)}
            onDisabled={(instance) => context.log('onDisabled', instance)}
            onCancel={() => context.log('onCancel', node.id)}
            onError={(e) => context.log('onError', { code: e.code, message: e.message })}
          />
        </li>
      ))}
    </ul>
  );
}

/** The real flow: our server handler in front of the mock Tray, the wizard on another origin. */
export function LiveEnablers({ context }: { context: StoryContext }) {
  return (
    <ApolloProvider client={context.liveClient}>
      <Instances context={context} />
    </ApolloProvider>
  );
}
