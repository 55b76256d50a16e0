import type { SolutionApp } from '../../../listing/types.js';
import { ListField } from './ListField.js';
import { NumberField, TextField } from './fields.js';
import type { SectionProps } from './sectionProps.js';

/**
 * The solution's apps. They are saved through AddAppsListing / DeleteAppsListing, not the
 * listing PATCH; their order in the Console comes from `displayOrder`, not from this list.
 */
export function AppsList({ listing, update, issue, labels }: SectionProps) {
  const noun = labels.nouns.app;
  const field = (index: number, key: keyof SolutionApp) => labels.item(noun, index + 1, labels.itemFields[key]);
  return (
    <ListField<SolutionApp>
      legend={labels.apps}
      noun={noun}
      items={listing.apps}
      onChange={(apps) => update({ apps })}
      createItem={() => ({ listingId: '', semver: '' })}
      itemName={(app) => app.listingId}
      labels={labels}
      isReorderable={false}
      renderItem={(app, index, change) => (
        <>
          <TextField
            label={field(index, 'listingId')}
            value={app.listingId}
            onChange={(listingId) => change({ ...app, listingId: listingId ?? '' })}
            error={issue(`apps[${index}].listingId`)}
          />
          <TextField
            label={field(index, 'semver')}
            value={app.semver}
            onChange={(semver) => change({ ...app, semver: semver ?? '' })}
            error={issue(`apps[${index}].semver`)}
          />
          <NumberField
            label={field(index, 'displayOrder')}
            value={app.displayOrder}
            onChange={(displayOrder) => change(withNumber(app, 'displayOrder', displayOrder))}
            error={issue(`apps[${index}].displayOrder`)}
          />
          <NumberField
            label={field(index, 'initSequence')}
            value={app.initSequence}
            onChange={(initSequence) => change(withNumber(app, 'initSequence', initSequence))}
            error={issue(`apps[${index}].initSequence`)}
          />
        </>
      )}
    />
  );
}

function withNumber(app: SolutionApp, key: 'displayOrder' | 'initSequence', value: number | undefined): SolutionApp {
  const next = { ...app };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
