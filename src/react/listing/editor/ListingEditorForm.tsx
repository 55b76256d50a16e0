import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ListingClient } from '../../../listing/createListingClient.js';
import { planListingSave } from '../../../listing/planListingSave.js';
import { saveListing, type SaveListingResult, type SaveListingSuccess } from '../../../listing/saveListing.js';
import type { SolutionListing } from '../../../listing/types.js';
import { validateListing } from '../../../listing/validateListing.js';
import { AppsList } from './AppsList.js';
import { ApiFields, AttributeFields } from './AttributeFields.js';
import type { FieldWiring } from './fields.js';
import { describeIssue } from './issueText.js';
import type { ListingEditorLabels } from './labels.js';
import { SystemAppSettingsList, TagList, UrlList } from './ListingLists.js';
import { ReviewPanel } from './ReviewPanel.js';
import { SaveReport } from './SaveReport.js';
import type { SectionProps } from './sectionProps.js';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.js';
import { VisibilityFields } from './VisibilityFields.js';

interface ListingEditorFormProps {
  solutionVersionId: string;
  client: ListingClient;
  initialListing: SolutionListing;
  labels: ListingEditorLabels;
  onSaved: ((listing: SolutionListing, result: SaveListingSuccess) => void) | undefined;
  onDirtyChange: ((isDirty: boolean) => void) | undefined;
}

type Mode = 'edit' | 'review' | 'saving';

/**
 * The editor once a listing is loaded. `baseline` is what the server holds (updated after
 * each completed save step, so a retry sends only what is left); `draft` is the edit. The
 * requests, the validation and the dirty flag are all derived from the two.
 */
export function ListingEditorForm({ solutionVersionId, client, initialListing, labels, onSaved, onDirtyChange }: ListingEditorFormProps) {
  const [baseline, setBaseline] = useState(initialListing);
  const [draft, setDraft] = useState(initialListing);
  const [mode, setMode] = useState<Mode>('edit');
  const [result, setResult] = useState<SaveListingResult | null>(null);
  // Failed review attempts: above 0 the problem list and every field's problem show, and
  // each attempt focuses the list. Before that, a field shows its problem once it was left.
  const [failedReviews, setFailedReviews] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const problemsRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const formId = useId();

  const requests = useMemo(() => planListingSave(solutionVersionId, baseline, draft), [solutionVersionId, baseline, draft]);
  const issues = useMemo(() => validateListing(draft, baseline), [draft, baseline]);
  const isDirty = requests.length > 0;
  useUnsavedChangesGuard(isDirty, onDirtyChange);

  const problems = useMemo(() => issues.map((issue) => ({ field: issue.field, text: describeIssue(issue, labels) })), [issues, labels]);
  const problemByField = useMemo(() => {
    const map = new Map<string, string>();
    for (const { field, text } of problems) if (!map.has(field)) map.set(field, text);
    return map;
  }, [problems]);
  const idOf = useCallback((path: string) => `${formId}-${path.replace(/[^\w-]/g, '_')}`, [formId]);
  const update = useCallback((changes: Partial<SolutionListing>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setResult(null);
  }, []);
  const field = (path: string): FieldWiring => ({
    id: idOf(path),
    error: failedReviews > 0 || touched.has(path) ? problemByField.get(path) : undefined,
    onBlur: (event) => {
      const mark = () => setTouched((seen) => (seen.has(path) ? seen : new Set(seen).add(path)));
      // Left for a button (Review, Add, Remove): show the problem once that button was used,
      // or left. Shown at once, its text would push the button away between the pointer's
      // down and up, and the click would be lost.
      const to = event.relatedTarget;
      if (to instanceof HTMLButtonElement) {
        to.addEventListener('click', mark, { once: true });
        to.addEventListener('blur', mark, { once: true });
      } else mark();
    },
  });
  const section: SectionProps = { listing: draft, update, field, labels };

  useEffect(() => {
    if (failedReviews > 0) problemsRef.current?.focus();
  }, [failedReviews]);

  const review = (event: FormEvent) => {
    event.preventDefault();
    if (issues.length > 0) {
      setFailedReviews((count) => count + 1);
      return;
    }
    setFailedReviews(0);
    setMode('review');
  };

  const save = async () => {
    setMode('saving');
    const outcome = await saveListing(client, solutionVersionId, baseline, draft);
    setBaseline(outcome.listing);
    setResult(outcome);
    if (outcome.ok) {
      setMode('edit');
      onSaved?.(outcome.listing, outcome);
    } else if (outcome.reason === 'invalid') {
      setMode('edit');
      setFailedReviews((count) => count + 1);
    } else {
      setMode('review'); // the review now lists only what is left to send: Save retries it
    }
  };

  return (
    <div className="rte-listing">
      <h2 className="rte-listing-heading" id={headingId}>
        {labels.heading}
      </h2>
      {isDirty && mode === 'edit' && <p className="rte-listing-dirty">{labels.unsavedChanges}</p>}
      {result && <SaveReport result={result} labels={labels} />}
      {mode === 'edit' ? (
        <form className="rte-listing-form" aria-labelledby={headingId} noValidate onSubmit={review}>
          {failedReviews > 0 && issues.length > 0 && (
            <div className="rte-listing-problems" role="alert" tabIndex={-1} ref={problemsRef}>
              <p>{labels.fixProblems}</p>
              <ul>
                {problems.map(({ field: path, text }) => (
                  <li key={`${path}:${text}`}>
                    {/* Each problem leads to its field (a link, so it reads and works as one). */}
                    <a
                      href={`#${idOf(path)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(idOf(path))?.focus();
                      }}
                    >
                      {text}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <AttributeFields {...section} />
          <VisibilityFields {...section} />
          <TagList {...section} path="categories" legend={labels.categories} noun={labels.nouns.category} />
          <TagList {...section} path="supportedCountries" legend={labels.supportedCountries} noun={labels.nouns.country} />
          <UrlList {...section} />
          <SystemAppSettingsList {...section} />
          <ApiFields {...section} />
          <AppsList {...section} />
          <div className="rte-listing-actions">
            <button type="submit" className="rte-listing-button rte-listing-button-primary">
              {labels.review}
            </button>
          </div>
        </form>
      ) : (
        <ReviewPanel
          requests={requests}
          labels={labels}
          isSaving={mode === 'saving'}
          onBack={() => setMode('edit')}
          onSave={() => void save()}
        />
      )}
    </div>
  );
}
