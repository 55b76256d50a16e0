import type { SolutionUrl, SystemAppSetting } from '../../../listing/types.js';
import { ListField } from './ListField.js';
import { TextField } from './fields.js';
import { withMember, type SectionProps } from './sectionProps.js';

/** Emptying a list removes the attribute: `saveListing` then sends `null`, never `[]`. */
const orAbsent = <T,>(items: T[]) => (items.length > 0 ? items : undefined);

interface TagListProps extends SectionProps {
  path: 'categories' | 'supportedCountries';
  legend: string;
  noun: string;
}

/** A list of free-form strings: categories, supported countries. */
export function TagList({ listing, update, field, labels, path, legend, noun }: TagListProps) {
  return (
    <ListField<string>
      legend={legend}
      noun={noun}
      items={listing[path]}
      onChange={(items) => update({ [path]: orAbsent(items) })}
      createItem={() => ''}
      itemName={(value) => value}
      labels={labels}
      renderItem={(value, index, change) => (
        <TextField
          label={labels.item(noun, index + 1)}
          value={value}
          onChange={(next) => change(next ?? '')}
          wiring={field(`${path}[${index}]`)}
        />
      )}
    />
  );
}

/** `solnUrls`: named links shown with the solution. */
export function UrlList({ listing, update, field, labels }: SectionProps) {
  const noun = labels.nouns.url;
  return (
    <ListField<SolutionUrl>
      legend={labels.solnUrls}
      noun={noun}
      items={listing.solnUrls}
      onChange={(items) => update({ solnUrls: orAbsent(items) })}
      createItem={() => ({ name: '', url: '' })}
      itemName={(entry) => entry.name}
      labels={labels}
      renderItem={(entry, index, change) => (
        <>
          <TextField
            label={labels.item(noun, index + 1, labels.itemFields.name)}
            value={entry.name}
            onChange={(name) => change({ ...entry, name: name ?? '' })}
            wiring={field(`solnUrls[${index}].name`)}
          />
          <TextField
            label={labels.item(noun, index + 1, labels.itemFields.address)}
            type="url"
            value={entry.url}
            onChange={(url) => change({ ...entry, url: url ?? '' })}
            wiring={field(`solnUrls[${index}].url`)}
          />
        </>
      )}
    />
  );
}

/** `systemAppSettings`: links from core apps to this solution's settings pages. */
export function SystemAppSettingsList({ listing, update, field, labels }: SectionProps) {
  const noun = labels.nouns.setting;
  const fields = ['appUrn', 'displayName', 'settingsUrl'] as const;
  return (
    <ListField<SystemAppSetting>
      legend={labels.systemAppSettings}
      noun={noun}
      items={listing.systemAppSettings}
      onChange={(items) => update({ systemAppSettings: orAbsent(items) })}
      createItem={() => ({})}
      itemName={(setting) => setting.displayName || setting.appUrn}
      labels={labels}
      renderItem={(setting, index, change) =>
        fields.map((key) => (
          <TextField
            key={key}
            label={labels.item(noun, index + 1, labels.itemFields[key])}
            value={setting[key]}
            onChange={(value) => change(withMember(setting, key, value) ?? {})}
            wiring={field(`systemAppSettings[${index}].${key}`)}
          />
        ))
      }
    />
  );
}
