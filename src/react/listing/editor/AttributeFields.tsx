import { CheckboxField, TextField } from './fields.js';
import { withMember, type SectionProps } from './sectionProps.js';

/** The single-value attributes, and the `api` object. */
export function AttributeFields({ listing, update, field, labels }: SectionProps) {
  return (
    <>
      <TextField
        label={labels.displayName}
        value={listing.displayName}
        onChange={(displayName) => update({ displayName })}
        wiring={field('displayName')}
        isRequired
      />
      <TextField
        label={labels.shortDescription}
        value={listing.shortDescription}
        onChange={(shortDescription) => update({ shortDescription })}
        wiring={field('shortDescription')}
        isRequired
      />
      <TextField
        label={labels.longDescription}
        value={listing.longDescription}
        onChange={(longDescription) => update({ longDescription })}
        wiring={field('longDescription')}
        multiline
      />
      <TextField
        label={labels.productFamily}
        value={listing.productFamily}
        onChange={(productFamily) => update({ productFamily })}
        wiring={field('productFamily')}
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
export function ApiFields({ listing, update, field, labels }: SectionProps) {
  const { id, error } = field('api');
  const errorId = `${id}-error`;
  return (
    <fieldset id={id} tabIndex={-1} className="rte-listing-group" aria-describedby={error ? errorId : undefined}>
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
        wiring={field('api.apiBaseUrl')}
      />
      <TextField
        label={labels.apiDetails}
        value={listing.api?.apiDetails}
        onChange={(apiDetails) => update({ api: withMember(listing.api, 'apiDetails', apiDetails) })}
        wiring={field('api.apiDetails')}
      />
    </fieldset>
  );
}
