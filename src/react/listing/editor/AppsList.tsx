import type { SolutionApp } from '../../../listing/types.js';
import { ListField } from './ListField.js';
import { NumberField, TextField } from './fields.js';
import type { SectionProps } from './sectionProps.js';

/**
 * The solution's apps. They are saved through AddAppsListing / DeleteAppsListing, not the
 * listing PATCH; their order in the Console comes from `displayOrder`, not from this list.
 */
export function AppsList({ listing, update, field, labels }: SectionProps) {
  const noun = labels.nouns.app;
  const labelOf = (index: number, key: keyof SolutionApp) => labels.item(noun, index + 1, labels.itemFields[key]);
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
            label={labelOf(index, 'listingId')}
            value={app.listingId}
            onChange={(listingId) => change({ ...app, listingId: listingId ?? '' })}
            wiring={field(`apps[${index}].listingId`)}
          />
          <TextField
            label={labelOf(index, 'semver')}
            value={app.semver}
            onChange={(semver) => change({ ...app, semver: semver ?? '' })}
            wiring={field(`apps[${index}].semver`)}
          />
          <NumberField
            label={labelOf(index, 'displayOrder')}
            value={app.displayOrder}
            onChange={(displayOrder) => change(withNumber(app, 'displayOrder', displayOrder))}
            wiring={field(`apps[${index}].displayOrder`)}
          />
          <NumberField
            label={labelOf(index, 'initSequence')}
            value={app.initSequence}
            onChange={(initSequence) => change(withNumber(app, 'initSequence', initSequence))}
            wiring={field(`apps[${index}].initSequence`)}
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
