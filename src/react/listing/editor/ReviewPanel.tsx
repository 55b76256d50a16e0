import { useEffect, useId, useRef } from 'react';
import type { PlannedRequest } from '../../../listing/planListingSave.js';
import type { ListingEditorLabels } from './labels.js';

interface ReviewPanelProps {
  /** Exactly the requests Save sends (from `planListingSave`), in order. */
  requests: PlannedRequest[];
  labels: ListingEditorLabels;
  isSaving: boolean;
  onBack: () => void;
  onSave: () => void;
}

/** The "Review changes" step: each request's method, path and JSON body, then Save. */
export function ReviewPanel({ requests, labels, isSaving, onBack, onSave }: ReviewPanelProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the step's heading so screen readers announce where the user is now.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="rte-listing-review" aria-labelledby={headingId}>
      <h3 className="rte-listing-subheading" id={headingId} ref={heading} tabIndex={-1}>
        {labels.reviewHeading}
      </h3>
      {requests.length === 0 ? (
        <p>{labels.noChanges}</p>
      ) : (
        <>
          <p>{labels.reviewIntro}</p>
          <ol className="rte-listing-requests">
            {requests.map((request) => (
              <RequestPreview key={request.step} request={request} labels={labels} />
            ))}
          </ol>
        </>
      )}
      <div className="rte-listing-actions">
        <button type="button" className="rte-listing-button" onClick={onBack} disabled={isSaving}>
          {labels.backToEditing}
        </button>
        <button
          type="button"
          className="rte-listing-button rte-listing-button-primary"
          onClick={onSave}
          disabled={isSaving || requests.length === 0}
        >
          {isSaving ? labels.saving : labels.save}
        </button>
      </div>
    </section>
  );
}

function RequestPreview({ request, labels }: { request: PlannedRequest; labels: ListingEditorLabels }) {
  const titleId = useId();
  return (
    <li className="rte-listing-request">
      <p className="rte-listing-request-title" id={titleId}>
        {labels.steps[request.step]}: <code>{`${request.method} ${request.path}`}</code>
      </p>
      <pre className="rte-listing-request-body" aria-labelledby={titleId} tabIndex={0}>
        <code>{JSON.stringify(request.body, null, 2)}</code>
      </pre>
    </li>
  );
}
