import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { ListingApiError, type ListingClient, type SolutionListing } from '../../../src/listing';
import { SolutionListingEditor } from '../../../src/react/listing/SolutionListingEditor';
import { seedListing } from '../../../src/mock-tray/listing/seed';

const ID = 'v1';

type FakeClient = { [K in keyof ListingClient]: Mock<ListingClient[K]> };

function fakeClient(overrides: Partial<FakeClient> = {}): FakeClient {
  return {
    getSolution: vi.fn(async () => seedListing()),
    updateSolution: vi.fn(async () => ({})),
    addApps: vi.fn(async () => ({})),
    removeApps: vi.fn(async () => ({})),
    ...overrides,
  };
}

function renderEditor(props: { client?: ListingClient; initialListing?: SolutionListing; onSaved?: () => void; onDirtyChange?: (d: boolean) => void } = {}) {
  const client = (props.client ?? fakeClient()) as FakeClient;
  const user = userEvent.setup();
  const view = render(<SolutionListingEditor solutionVersionId={ID} client={client} initialListing={props.initialListing ?? seedListing()} onSaved={props.onSaved} onDirtyChange={props.onDirtyChange} />);
  return { client, user, ...view };
}

/** The requests the review step shows: "<method> <path>" and the parsed JSON body. */
function reviewedRequests() {
  const review = screen.getByRole('region', { name: 'Review changes' });
  return within(review)
    .queryAllByRole('listitem')
    .map((item) => ({
      request: item.querySelector('code')!.textContent,
      body: JSON.parse(item.querySelector('pre')!.textContent!) as unknown,
    }));
}

async function openReview(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Review changes' }));
}

describe('SolutionListingEditor', () => {
  it('shows every attribute and app in labelled inputs', () => {
    renderEditor();
    expect(screen.getByLabelText('Display name')).toHaveValue('Last Mile Delivery');
    expect(screen.getByLabelText('Short description')).toHaveValue(seedListing().shortDescription);
    expect(screen.getByLabelText('Console compatible')).toBeChecked();
    expect(screen.getByLabelText('Visibility')).toHaveValue('public');
    expect(screen.getByLabelText('Permission for the listed organizations')).toHaveValue('ALLOW');
    expect(screen.getByLabelText('Organization 2')).toHaveValue('globex-freight');
    expect(screen.getByLabelText('Category 2')).toHaveValue('Transport Management');
    expect(screen.getByLabelText('Country 1')).toHaveValue('US');
    expect(screen.getByLabelText('URL 2 address')).toHaveValue('https://example.com/solution2');
    expect(screen.getByLabelText('Setting 1 settings URL')).toHaveValue('/app/mts/settings');
    expect(screen.getByLabelText('API base URL')).toHaveValue('');
    expect(screen.getByLabelText('App 2 semver')).toHaveValue('2.3.1');
    expect(screen.getByLabelText('App 1 display order')).toHaveValue(1);
  });

  it('reviews and saves an edited field: the PATCH shown is exactly the one sent', async () => {
    const onSaved = vi.fn();
    const { client, user } = renderEditor({ onSaved });
    const name = screen.getByLabelText('Display name');
    await user.clear(name);
    await user.type(name, 'Last Mile Delivery v2');

    await openReview(user);
    expect(reviewedRequests()).toEqual([
      { request: `PATCH /developer/solutions/versions/${ID}`, body: { displayName: 'Last Mile Delivery v2' } },
    ]);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(client.updateSolution).toHaveBeenCalledTimes(1);
    expect(client.updateSolution).toHaveBeenCalledWith(ID, { displayName: 'Last Mile Delivery v2' });
    expect(client.addApps).not.toHaveBeenCalled();
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ displayName: 'Last Mile Delivery v2' }), expect.objectContaining({ ok: true }));
    expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
  });

  it('adds a URL and sends the complete three-element solnUrls array', async () => {
    const { client, user } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add URL' }));
    expect(screen.getByLabelText('URL 3 name')).toHaveFocus();
    await user.type(screen.getByLabelText('URL 3 name'), 'solution3');
    await user.type(screen.getByLabelText('URL 3 address'), 'https://example.com/solution3');

    await openReview(user);
    const expected = {
      solnUrls: [
        { name: 'solution1', url: 'https://example.com/solution1' },
        { name: 'solution2', url: 'https://example.com/solution2' },
        { name: 'solution3', url: 'https://example.com/solution3' },
      ],
    };
    expect(reviewedRequests()).toEqual([{ request: `PATCH /developer/solutions/versions/${ID}`, body: expected }]);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(client.updateSolution).toHaveBeenCalledWith(ID, expected);
  });

  it('moves a URL up with its accessible button, and focus follows the moved row', async () => {
    const { user } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Move URL 2 up' }));

    expect(screen.getByLabelText('URL 1 name')).toHaveValue('solution2');
    // The moved row is first now, so its "up" is disabled and focus lands on its "down".
    expect(screen.getByRole('button', { name: 'Move URL 1 down' })).toHaveFocus();
    await openReview(user);
    expect(reviewedRequests()[0]!.body).toEqual({
      solnUrls: [
        { name: 'solution2', url: 'https://example.com/solution2' },
        { name: 'solution1', url: 'https://example.com/solution1' },
      ],
    });
  });

  it('removes an app with a DeleteAppsListing request, and removes categories with null', async () => {
    const { client, user } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Remove app last-mile-delivery' }));
    await user.click(screen.getByRole('button', { name: 'Remove category LastMile' }));
    await user.click(screen.getByRole('button', { name: 'Remove category Transport Management' }));

    await openReview(user);
    expect(reviewedRequests()).toEqual([
      { request: `PATCH /developer/solutions/versions/${ID}`, body: { categories: null } },
      { request: `DELETE /developer/solutions/versions/${ID}/apps`, body: { applications: [{ listingId: 'last-mile-delivery' }] } },
    ]);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(client.removeApps).toHaveBeenCalledWith(ID, { applications: [{ listingId: 'last-mile-delivery' }] });
    expect(client.updateSolution.mock.invocationCallOrder[0]).toBeLessThan(client.removeApps.mock.invocationCallOrder[0]!);
  });

  it('makes the solution private: permissionType is flagged until cleared, and lost sub-keys are sent as null', async () => {
    const { user } = renderEditor();
    await user.selectOptions(screen.getByLabelText('Visibility'), 'Private: by subscription only');

    const permission = screen.getByLabelText('Permission for the listed organizations');
    // Not marked before it was touched; once left, it says why, in the editor's words.
    expect(permission).not.toBeInvalid();
    permission.focus();
    await user.tab();
    expect(permission).toBeInvalid();
    expect(permission).toHaveAccessibleDescription('Permission for the listed organizations: applies only to a public solution: make it public, or clear this.');
    await user.selectOptions(permission, 'None');
    await user.click(screen.getByRole('button', { name: 'Remove organization acme-logistics' }));
    await user.click(screen.getByRole('button', { name: 'Remove organization globex-freight' }));
    expect(screen.getByRole('button', { name: 'Add organization' })).toHaveFocus();

    await openReview(user);
    expect(reviewedRequests()).toEqual([
      {
        request: `PATCH /developer/solutions/versions/${ID}`,
        body: { visibility: { isPrivate: true, permissionType: null, orgIdentifiers: null } },
      },
    ]);
  });

  it('shows validation errors inline and blocks the review until they are fixed', async () => {
    const { client, user } = renderEditor();
    const semver = screen.getByLabelText('App 1 semver');
    await user.clear(semver);
    await user.type(semver, '1.0');
    // Still being typed: not marked yet. Left: marked, with the label and the 1-based position.
    expect(semver).not.toBeInvalid();
    await user.tab();
    expect(semver).toBeInvalid();
    expect(semver).toHaveAccessibleDescription('App 1: the semver “1.0” is not a version like 1.0.2 (MAJOR.MINOR.PATCH, such as 1.1.0-beta.1).');
    await openReview(user);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('App 1: the semver “1.0” is not a version like 1.0.2');
    expect(alert).toHaveFocus();
    expect(screen.queryByRole('region', { name: 'Review changes' })).not.toBeInTheDocument();
    // Each problem links to its field.
    await user.click(within(alert).getByRole('link', { name: /^App 1: the semver/ }));
    expect(semver).toHaveFocus();

    await user.type(semver, '.1');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await openReview(user);
    expect(reviewedRequests()).toEqual([
      { request: `PUT /developer/solutions/versions/${ID}/apps`, body: { applications: [{ listingId: 'last-mile-delivery', semver: '1.0.1', displayOrder: 1, initSequence: 1 }] } },
    ]);
    expect(client.addApps).not.toHaveBeenCalled();
  });

  it('reports a partial failure step by step, and a retry sends only what is left', async () => {
    const failure = new ListingApiError('bad_request', 'The listing API refused the request: semver taken.', { status: 400 });
    const client = fakeClient({ addApps: vi.fn<ListingClient['addApps']>().mockRejectedValueOnce(failure).mockResolvedValue({}) });
    const { user } = renderEditor({ client });
    await user.type(screen.getByLabelText('Long description'), ' More.');
    await user.click(screen.getByRole('button', { name: 'Add app' }));
    await user.type(screen.getByLabelText('App 3 listing ID'), 'truck-trackers');
    await user.type(screen.getByLabelText('App 3 semver'), '1.0.2');
    await user.click(screen.getByRole('button', { name: 'Remove app dispatch-board' }));

    await openReview(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Update listing: done');
    expect(alert).toHaveTextContent('Add or update apps: failed: The listing API refused the request: semver taken.');
    expect(alert).toHaveTextContent('Remove apps: not sent');
    expect(client.removeApps).not.toHaveBeenCalled();
    expect(reviewedRequests().map((r) => r.request)).toEqual([`PUT /developer/solutions/versions/${ID}/apps`, `DELETE /developer/solutions/versions/${ID}/apps`]);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(client.updateSolution).toHaveBeenCalledTimes(1);
    expect(client.addApps).toHaveBeenCalledTimes(2);
    expect(client.removeApps).toHaveBeenCalledWith(ID, { applications: [{ listingId: 'dispatch-board' }] });
  });

  it('guards unsaved changes with beforeunload while dirty, and removes the guard on unmount', async () => {
    const onDirtyChange = vi.fn();
    const { user, unmount } = renderEditor({ onDirtyChange });
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);

    await user.type(screen.getByLabelText('Product family'), ' Plus');
    expect(leave()).toBe(true);
    expect(onDirtyChange.mock.calls).toEqual([[true]]);
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    // Undoing the edit makes the listing clean again.
    await user.type(screen.getByLabelText('Product family'), '{Backspace>5/}');
    expect(leave()).toBe(false);
    expect(onDirtyChange.mock.calls).toEqual([[true], [false]]);

    await user.type(screen.getByLabelText('Product family'), '!');
    unmount();
    expect(leave()).toBe(false);
  });

  it('loads the listing through the client when no initial listing is given, with a retry on failure', async () => {
    let isOffline = true; // StrictMode loads twice on mount: fail until we say otherwise
    const client = fakeClient({
      getSolution: vi.fn(async (_id: string) => {
        if (isOffline) throw new ListingApiError('network', 'Could not reach the listing API.');
        return seedListing();
      }),
    });
    const user = userEvent.setup();
    render(<SolutionListingEditor solutionVersionId={ID} client={client} />);

    expect(await screen.findByRole('alert')).toHaveTextContent('The listing could not be loaded. Could not reach the listing API.');
    isOffline = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByLabelText('Display name')).toHaveValue('Last Mile Delivery'));
    expect(client.getSolution).toHaveBeenCalledWith(ID);
  });

  it('marks no field invalid before it was touched, even one that is wrong when loaded; a failed review marks them all', async () => {
    const listing = { ...seedListing(), solnUrls: [{ name: 'Docs', url: 'https://example.com/docs' }, { name: 'Status', url: 'status.example.com' }] };
    const { user } = renderEditor({ initialListing: listing });
    const address = screen.getByLabelText('URL 2 address');
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    await openReview(user);
    expect(address).toBeInvalid();
    expect(address).toHaveAccessibleDescription('URL 2: the address must be a full address starting with https:// (or http://), such as https://example.com/docs.');
  });
});
