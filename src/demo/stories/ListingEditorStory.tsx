/// <reference types="vite/client" />
import { useEffect, useMemo, useState } from 'react';
import { createListingClient, type SolutionListing } from '../../listing/index.js';
import { SolutionListingEditor } from '../../react/listing/SolutionListingEditor.js';
import '../../react/listing/listing.css';

export interface ListingEditorStoryProps {
  /** The origin of the mock Tray's API server, where the mock listing API is mounted. */
  apiBaseUrl: string;
  /** The mock's developer token (`x-developerplatform-access`). */
  accessToken: string;
  /** The seeded "Last Mile Delivery" version, unless told otherwise. */
  solutionVersionId: string;
}

/**
 * The listing editor against the mock listing API: it loads the listing with GET (a mock
 * convenience) and saves with the real PATCH / PUT / DELETE requests.
 */
export function ListingEditorStory({ apiBaseUrl, accessToken, solutionVersionId }: ListingEditorStoryProps) {
  const client = useMemo(() => createListingClient({ baseUrl: apiBaseUrl, accessToken }), [apiBaseUrl, accessToken]);
  const [isDirty, setIsDirty] = useState(false);
  const [saved, setSaved] = useState<SolutionListing | null>(null);

  useEffect(() => {
    if (!isDirty) return undefined;
    // The host's own navigation (here, the demo's sidebar) asks before dropping unsaved edits:
    // the editor reports them through onDirtyChange; beforeunload covers leaving the page.
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="#/story/"]');
      if (link && !window.confirm('Leave the listing editor? Your changes are not saved.')) event.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [isDirty]);

  return (
    <div className="rte-story-listing">
      <SolutionListingEditor
        solutionVersionId={solutionVersionId}
        client={client}
        onDirtyChange={setIsDirty}
        onSaved={(listing) => setSaved(listing)}
      />
      <p>Unsaved changes: {isDirty ? 'yes' : 'no'}</p>
      {saved && (
        <details>
          <summary>What the mock holds after the last save</summary>
          <pre>{JSON.stringify(saved, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}
