/**
 * The solution listing as UpdateSolution sees it (shared/reference/solution-listing-api.md).
 * Every attribute is optional because a listing is read and edited as a whole but patched
 * field by field; `apps` and the read-only registration fields ride along so one object can
 * describe "the listing incl. apps" for the editor and `saveListing`.
 */
export interface SolutionListing {
  /** Shown in the Marketplace and Console. Required; can never be deleted. */
  displayName?: string;
  /** Shown in the Marketplace. Required; can never be deleted. */
  shortDescription?: string;
  longDescription?: string;
  isConsoleCompatible?: boolean;
  visibility?: SolutionVisibility;
  /** Free-form tags, e.g. `LastMile`, `Transport Management`. */
  categories?: string[];
  solnUrls?: SolutionUrl[];
  /** Only for solutions of `type: 'API'`, which require it. */
  api?: SolutionApi;
  productFamily?: string;
  systemAppSettings?: SystemAppSetting[];
  supportedCountries?: string[];

  /** Read-only here: set when the solution was registered. Never sent by UpdateSolution. */
  type?: 'APP' | 'API';
  /** Read-only here (RegisterSolution). */
  solnListingId?: string;
  /** Read-only here: the solution version's own semver (RegisterSolution). */
  version?: string;
  /** Changed only through AddAppsListing / DeleteAppsListing, never by UpdateSolution. */
  apps?: SolutionApp[];
}

export interface SolutionVisibility {
  isPrivate?: boolean;
  /** Applies only when `isPrivate` is false. */
  permissionType?: 'ALLOW' | 'DENY';
  /** Organization short names the permission applies to; only when `isPrivate` is false. */
  orgIdentifiers?: string[];
}

export interface SolutionUrl {
  name: string;
  url: string;
}

export interface SolutionApi {
  apiBaseUrl?: string;
  apiDetails?: string;
}

export interface SystemAppSetting {
  /** e.g. `platform:app:mts` */
  appUrn?: string;
  /** e.g. `MTS Settings` */
  displayName?: string;
  /** A path relative to the Console, e.g. `/app/mts/settings`. */
  settingsUrl?: string;
}

/** One app of a solution version, as AddAppsListing takes it. */
export interface SolutionApp {
  /** The app's unique human-readable id, e.g. `last-mile-delivery`. */
  listingId: string;
  /** The app version (SemVer 2.0.0). */
  semver: string;
  /** Position in the Console's left navigation; 0 or absent hides the app from the menu. */
  displayOrder?: number;
  /** Order in which the app's permission file is onboarded to a tenant. */
  initSequence?: number;
}

/** The attributes UpdateSolution can change, in the order patches list them. */
export const PATCHABLE_FIELDS = [
  'displayName',
  'shortDescription',
  'longDescription',
  'isConsoleCompatible',
  'visibility',
  'categories',
  'solnUrls',
  'api',
  'productFamily',
  'systemAppSettings',
  'supportedCountries',
] as const satisfies ReadonlyArray<keyof SolutionListing>;

export type PatchableField = (typeof PATCHABLE_FIELDS)[number];

/** The attributes whose value is a nested object: sent whole, with `null` for lost sub-keys. */
export const NESTED_OBJECT_FIELDS = ['visibility', 'api'] as const satisfies ReadonlyArray<PatchableField>;

type NullableMembers<T> = { [K in keyof T]?: T[K] | null };

/** The shape of an UpdateSolution body: any subset of the attributes, `null` deletes. */
export type SolutionPatchBody = {
  [K in PatchableField]?:
    | (K extends (typeof NESTED_OBJECT_FIELDS)[number] ? NullableMembers<NonNullable<SolutionListing[K]>> : SolutionListing[K])
    | null;
};

declare const builtByBuildSolutionPatch: unique symbol;

/**
 * An UpdateSolution body made by `buildSolutionPatch`. The brand exists only in types: it
 * stops a hand-written body (the classic "send just the new URL" bug, which deletes every
 * other URL) from reaching `ListingClient.updateSolution` without a cast.
 */
export type SolutionPatch = SolutionPatchBody & { readonly [builtByBuildSolutionPatch]: true };

/** AddAppsListing body: adds the apps, or updates those whose `listingId` exists. */
export interface AddAppsBody {
  applications: SolutionApp[];
}

/** DeleteAppsListing body. */
export interface RemoveAppsBody {
  applications: Array<{ listingId: string }>;
}

/** One validation problem; `field` is a path such as `solnUrls[1].url`. */
/** What is wrong with a field, for a UI to say it in its own words (`message` says it for logs). */
export type ListingIssueCode =
  | 'required'
  | 'cannotRemove'
  | 'requiredForApiType'
  | 'notHttpUrl'
  | 'notRelativePath'
  | 'notSemver'
  | 'notWholeNumber'
  | 'empty'
  | 'duplicate'
  | 'invalidChoice'
  | 'publicOnly';

export interface ListingIssue {
  /** The field's path, e.g. `displayName`, `solnUrls[1].url`, `visibility.orgIdentifiers`. */
  field: string;
  code: ListingIssueCode;
  /** Names the field by its path and says how to fix it, e.g. for a log or an API answer. */
  message: string;
  /** The offending value, where it helps to show it (a duplicate, a malformed version). */
  value?: string;
}
