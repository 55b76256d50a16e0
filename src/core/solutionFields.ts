/**
 * The solution custom fields real marketplaces read (Tray's Next.js sample): `image`, a logo
 * URL; `forceUnique`, one instance per user; `disableAutoEnable`, the partner enables after its
 * own checks rather than on the wizard's finish. Keys are compared lower-cased; values are read
 * as Tray stores them (strings), a flag being on only for `true` (any case, JSON-quoted or not).
 */
export interface CustomField {
  key: string;
  value: string | null;
}

export interface SolutionFields {
  /** The logo's URL, when the solution has one. */
  image: string | undefined;
  forceUnique: boolean;
  disableAutoEnable: boolean;
}

const isOn = (value: string | null | undefined) => /^\s*"?true"?\s*$/i.test(value ?? '');

/** What `customFields` say; a solution without them (or read without them) has none set. */
export function readSolutionFields(customFields: readonly CustomField[] | null | undefined): SolutionFields {
  const byKey = new Map((customFields ?? []).map((field) => [field.key.toLowerCase(), field.value] as const));
  const image = byKey.get('image')?.trim();
  return { image: image || undefined, forceUnique: isOn(byKey.get('forceunique')), disableAutoEnable: isOn(byKey.get('disableautoenable')) };
}

/** Whether the wizard's finish enables an instance of this solution. Apart from `readSolutionFields`: the enabler needs only this. */
export const autoEnables = (solution: { customFields?: readonly CustomField[] | null } | null | undefined): boolean =>
  !solution?.customFields?.some((field) => field.key.toLowerCase() === 'disableautoenable' && isOn(field.value));
