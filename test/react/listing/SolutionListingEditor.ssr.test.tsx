// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as listing from '../../../src/listing';
import { SolutionListingEditor } from '../../../src/react/listing/SolutionListingEditor';
import { seedListing } from '../../../src/mock-tray/listing/seed';

describe('server rendering (no window, no document)', () => {
  it('imports the listing entry and renders the editor without touching browser globals', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const client = listing.createListingClient({ baseUrl: 'https://api.example.com', accessToken: 'tok' });

    const html = renderToString(<SolutionListingEditor solutionVersionId="v1" client={client} initialListing={seedListing()} />);

    expect(html).toContain('Last Mile Delivery');
    expect(html).toContain('Review changes');
  });

  it('renders the loading state when the listing is loaded on the client', () => {
    const client = listing.createListingClient({ baseUrl: 'https://api.example.com', accessToken: 'tok' });
    expect(renderToString(<SolutionListingEditor solutionVersionId="v1" client={client} />)).toContain('Loading the listing');
  });
});
