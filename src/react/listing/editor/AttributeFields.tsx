import { useId } from 'react';
import { CheckboxField, TextField } from './fields.js';
import { withMember, type SectionProps } from './sectionProps.js';

/** The single-value attributes, and the `api` object. */
export function AttributeFields({ listing, update, issue, labels }: SectionProps) {
  return (
    <>
      <TextField
        label={labels.displayName}
        value={listing.displayName}
        onChange={(displayName) => update({ displayName })}
        error={issue('displayName')}
        isRequired
      />
      <TextField
        label={labels.shortDescription}
        value={listing.shortDescription}
        onChange={(shortDescription) => update({ shortDescription })}
        error={issue('shortDescription')}
        isRequired
      />
      <TextField
        label={labels.longDescription}
        value={listing.longDescription}
        onChange={(longDescription) => update({ longDescription })}
        error={issue('longDescription')}
        multiline
      />
      <TextField
        label={labels.productFamily}
        value={listing.productFamily}
        onChange={(productFamily) => update({ productFamily })}
        error={issue('productFamily')}
      />
      <CheckboxField
        label={labels.isConsoleCompatible}
        checked={listing.isConsoleCompatible === true}
        onChange={(isConsoleCompatible) => update({ isConsoleCompatible })}
      />
    </>
  );
}

/** `api`: for solutions of type API. Emptying both fields removes the object. */
export function ApiFields({ listing, update, issue, labels }: SectionProps) {
  const errorId = useId();
  const error = issue('api');
  return (
    <fieldset className="rte-listing-group" aria-describedby={error ? errorId : undefined}>
      <legend className="rte-listing-legend">{labels.api}</legend>
      {error && (
        <p className="rte-listing-error" id={errorId}>
          {error}
        </p>
      )}
      <TextField
        label={labels.apiBaseUrl}
        type="url"
        value={listing.api?.apiBaseUrl}
        onChange={(apiBaseUrl) => update({ api: withMember(listing.api, 'apiBaseUrl', apiBaseUrl) })}
        error={issue('api.apiBaseUrl')}
      />
      <TextField
        label={labels.apiDetails}
        value={listing.api?.apiDetails}
        onChange={(apiDetails) => update({ api: withMember(listing.api, 'apiDetails', apiDetails) })}
        error={issue('api.apiDetails')}
      />
    </fieldset>
  );
}
