import type { SolutionVisibility } from '../../../listing/types.js';
import { ListField } from './ListField.js';
import { SelectField, TextField } from './fields.js';
import { withMember, type SectionProps } from './sectionProps.js';

type Audience = 'public' | 'private';

/** `visibility`: public or private, and for public solutions the per-organization permission. */
export function VisibilityFields({ listing, update, field, labels }: SectionProps) {
  const visibility = listing.visibility;
  const set = <K extends keyof SolutionVisibility>(key: K, value: SolutionVisibility[K] | undefined) =>
    update({ visibility: withMember(visibility, key, value) });
  const audience: Audience | '' = visibility?.isPrivate === undefined ? '' : visibility.isPrivate ? 'private' : 'public';
  const noun = labels.nouns.organization;

  return (
    <fieldset className="rte-listing-group">
      <legend className="rte-listing-legend">{labels.visibility}</legend>
      <SelectField<Audience>
        label={labels.visibility}
        value={audience}
        options={[
          { value: '', label: labels.visibilityNotSet },
          { value: 'public', label: labels.visibilityPublic },
          { value: 'private', label: labels.visibilityPrivate },
        ]}
        onChange={(value) => set('isPrivate', value === '' ? undefined : value === 'private')}
        wiring={field('visibility.isPrivate')}
      />
      <SelectField<'ALLOW' | 'DENY'>
        label={labels.permissionType}
        value={visibility?.permissionType ?? ''}
        options={[
          { value: '', label: labels.permissionNone },
          { value: 'ALLOW', label: 'ALLOW' },
          { value: 'DENY', label: 'DENY' },
        ]}
        onChange={(value) => set('permissionType', value === '' ? undefined : value)}
        wiring={field('visibility.permissionType')}
      />
      <ListField<string>
        legend={labels.orgIdentifiers}
        noun={noun}
        items={visibility?.orgIdentifiers}
        onChange={(orgIdentifiers) => set('orgIdentifiers', orgIdentifiers.length > 0 ? orgIdentifiers : undefined)}
        createItem={() => ''}
        itemName={(value) => value}
        labels={labels}
        wiring={field('visibility.orgIdentifiers')}
        renderItem={(value, index, change) => (
          <TextField
            label={labels.item(noun, index + 1)}
            value={value}
            onChange={(next) => change(next ?? '')}
            wiring={field(`visibility.orgIdentifiers[${index}]`)}
          />
        )}
      />
    </fieldset>
  );
}
