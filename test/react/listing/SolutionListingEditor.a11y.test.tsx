import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { ListingClient } from '../../../src/listing';
import { SolutionListingEditor } from '../../../src/react/listing/SolutionListingEditor';
import { seedListing } from '../../../src/mock-tray/listing/seed';

const client: ListingClient = {
  getSolution: vi.fn(async () => seedListing()),
  updateSolution: vi.fn(async () => ({})),
  addApps: vi.fn(async () => ({})),
  removeApps: vi.fn(async () => ({})),
};

/** axe's rule violations (jsdom has no layout, so colour contrast is left to the browser tests). */
async function violations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('SolutionListingEditor accessibility (axe-core)', () => {
  it('has no violations while editing, with inline errors, and in the review step', async () => {
    const user = userEvent.setup();
    const { container } = render(<SolutionListingEditor solutionVersionId="v1" client={client} initialListing={seedListing()} />);
    expect(await violations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Add URL' }));
    await user.type(screen.getByLabelText('URL 3 address'), 'not a url');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Remove URL 3' }));
    await user.type(screen.getByLabelText('Display name'), '!');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(screen.getByRole('region', { name: 'Review changes' })).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });
});
