// @vitest-environment node
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { renderToString } from 'react-dom/server';
import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';

describe('server rendering', () => {
  it('imports and renders the enabler with no window, document or localStorage', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const { SolutionInstanceEnabler } = await import('../../src');
    await import('../../src/core');
    const client = new ApolloClient({ link: new ApolloLink(() => new Observable(() => {})), cache: new InMemoryCache() });
    const html = renderToString(
      <ApolloProvider client={client}>
        <SolutionInstanceEnabler solutionInstanceId="si-1" getWizardUrl={async () => 'https://embedded.tray.io/x'} />
      </ApolloProvider>,
    );
    expect(html).toContain('role="status"');
    expect(html).toContain('Loading…');
    expect(html).toContain('>Configure</button>');
  });
});
