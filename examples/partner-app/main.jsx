import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { createRoot } from 'react-dom/client';
import { SolutionInstanceEnabler } from 'react-tray-embedded';
import 'react-tray-embedded/styles.css';

const client = new ApolloClient({ link: new HttpLink({ uri: '/api/tray/graphql' }), cache: new InMemoryCache() });
const enabler = <SolutionInstanceEnabler solutionInstanceId="si-warehouse-ready" />; // one of the user's instances
createRoot(document.getElementById('root')).render(<ApolloProvider client={client}>{enabler}</ApolloProvider>);
