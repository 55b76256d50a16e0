import type { SaveListingResult, SaveListingFailure } from '../../../listing/saveListing.js';
import type { ListingEditorLabels } from './labels.js';

interface SaveReportProps {
  result: SaveListingResult;
  labels: ListingEditorLabels;
}

/** Which save steps were done, which failed (and why), which were not sent. */
export function SaveReport({ result, labels }: SaveReportProps) {
  if (!result.ok && result.reason === 'invalid') return null; // shown as field problems instead
  const failure = result.ok ? null : (result as SaveListingFailure);
  const rows = [
    ...result.completed.map((step) => ({ step, text: labels.stepDone })),
    ...(failure ? [{ step: failure.failed.step, text: `${labels.stepFailed}: ${failure.failed.error.message}` }] : []),
    ...(failure ? failure.skipped.map((step) => ({ step, text: labels.stepSkipped })) : []),
  ];
  return (
    <div
      className={`rte-listing-report ${failure ? 'rte-listing-report-failed' : 'rte-listing-report-saved'}`}
      role={failure ? 'alert' : 'status'}
    >
      <p>{failure ? labels.saveFailed : labels.saved}</p>
      {rows.length > 0 && (
        <ul>
          {rows.map(({ step, text }) => (
            <li key={step}>
              {labels.steps[step]}: {text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
