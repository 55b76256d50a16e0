import { useMemo } from 'react';
import { createListingClient, type ListingClient, type ListingClientOptions } from '../../listing/createListingClient.js';
import type { SaveListingSuccess } from '../../listing/saveListing.js';
import type { SolutionListing } from '../../listing/types.js';
import { ListingEditorForm } from './editor/ListingEditorForm.js';
import { resolveLabels, type ListingEditorLabels } from './editor/labels.js';
import type { LabelsInput } from '../mergeLabels.js';
import { useListingSource } from './editor/useListingSource.js';

export interface SolutionListingEditorProps {
  /** The solution version whose listing is edited. */
  solutionVersionId: string;
  /** The listing API client; or pass `baseUrl` and `accessToken` and one is created. */
  client?: ListingClient;
  baseUrl?: string;
  accessToken?: ListingClientOptions['accessToken'];
  /** The listing as the server has it now, incl. apps. Read once, at mount. */
  initialListing?: SolutionListing;
  /** Loads the listing when there is no `initialListing`. @default client.getSolution */
  loadListing?: (solutionVersionId: string) => Promise<SolutionListing>;
  /** Every step of a save succeeded; `listing` is what the server now holds. */
  onSaved?: (listing: SolutionListing, result: SaveListingSuccess) => void;
  /** Called with `true` when edits become unsaved and `false` once they are saved or undone. */
  onDirtyChange?: (isDirty: boolean) => void;
  /** Replaces any visible string. */
  labels?: LabelsInput<ListingEditorLabels>;
}

/**
 * Edits a solution listing and its apps, validates as you type, shows the exact requests
 * before "Save", and saves them in a safe order (see `saveListing`). Asks the browser to
 * confirm leaving the page while there are unsaved changes.
 */
export function SolutionListingEditor(props: SolutionListingEditorProps) {
  const { solutionVersionId, baseUrl, accessToken } = props;
  const labels = useMemo(() => resolveLabels(props.labels), [props.labels]);
  const client = useMemo(() => {
    if (props.client) return props.client;
    if (baseUrl === undefined || accessToken === undefined) {
      throw new Error('SolutionListingEditor needs a `client`, or both `baseUrl` and `accessToken`.');
    }
    return createListingClient({ baseUrl, accessToken });
  }, [props.client, baseUrl, accessToken]);
  const source = useListingSource(solutionVersionId, props.initialListing, props.loadListing ?? ((id) => client.getSolution(id)));

  if (source.status === 'loading') {
    return (
      <div className="rte-listing" role="status">
        {labels.loading}
      </div>
    );
  }
  if (source.status === 'error') {
    const reason = source.error instanceof Error ? ` ${source.error.message}` : '';
    return (
      <div className="rte-listing">
        <p role="alert" className="rte-listing-error">
          {labels.loadFailed}
          {reason}
        </p>
        <button type="button" className="rte-listing-button" onClick={source.retry}>
          {labels.retry}
        </button>
      </div>
    );
  }
  return (
    <ListingEditorForm
      key={`${solutionVersionId}:${source.loadCount}`}
      solutionVersionId={solutionVersionId}
      client={client}
      initialListing={source.listing}
      labels={labels}
      onSaved={props.onSaved}
      onDirtyChange={props.onDirtyChange}
    />
  );
}
