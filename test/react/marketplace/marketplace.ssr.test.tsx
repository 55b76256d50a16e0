// @vitest-environment node
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { renderToString } from 'react-dom/server';
import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';

describe('server rendering of the marketplace', () => {
  it('imports the root entry and renders catalog, list and console with no window or document', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const { SolutionCatalog, MyIntegrations, InstanceConsole } = await import('../../../src');
    const client = new ApolloClient({ link: new ApolloLink(() => new Observable(() => {})), cache: new InMemoryCache() });
    const html = renderToString(
      <ApolloProvider client={client}>
        <SolutionCatalog getWizardUrl={async () => 'https://embedded.tray.io/x'} />
        <MyIntegrations getWizardUrl={async () => 'https://embedded.tray.io/x'} />
        <InstanceConsole client={{ listInstances: () => new Promise(() => {}), setEnabled: () => new Promise(() => {}) }} />
      </ApolloProvider>,
    );
    expect(html).toContain('Loading solutions…');
    expect(html).toContain('Loading integrations…');
    expect(html).toContain('Loading integrations…');
    expect(html).toContain('role="status"');
  });
});
