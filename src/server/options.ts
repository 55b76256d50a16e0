import { assertWizardUrl, type TrayRegion } from '../core/wizardUrl.js';
import type { TokenCache } from './tokenCache.js';

/** The signed-in user of the partner's app, as `getUser` reports it. */
export interface TrayUser {
  /** The user's **Tray** user id (from `createExternalUser`), not the partner's own user id. */
  userId: string;
  /** Grants the `/admin/*` routes. @default false */
  isAdmin?: boolean;
}

/** Where the handler reports trouble. It is never given a token. */
export interface TrayHandlerLogger {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface TrayHandlerOptions {
  /** The partner's Tray master token. Stays on the server; used only for `authorize`,
   *  `generateAuthorizationCode`, `viewer.solutions` and the admin instance list. */
  masterToken: string;
  /** Tray region; picks the GraphQL endpoint and the config wizard host. @default 'us' */
  region?: TrayRegion;
  /** Full GraphQL endpoint URL; wins over `region` (e.g. the local mock Tray). @default the region's endpoint */
  graphqlUrl?: string;
  /** The dashboard's "Embedded ID", used in config wizard URLs. */
  embeddedId: string;
  /** White-label wizard origin (`https://acme.integration-configuration.com`) or a loopback
   *  `http://127.0.0.1:PORT` for local development. @default the region's wizard host */
  wizardHost?: string;
  /** Who is asking: return the user from your session, or `null` (answered with 401). */
  getUser(request: Request): TrayUser | null | undefined | Promise<TrayUser | null | undefined>;
  /** The `fetch` used to call Tray. @default globalThis.fetch, looked up at call time */
  fetch?: typeof fetch;
  /** Path prefix the routes live under, e.g. `/api/tray`. With `''` a route matches any path
   *  that ends with `/graphql`, `/wizard-url`, `/admin/instances` or `/admin/set-enabled`. @default '' */
  basePath?: string;
  /** Lets the browser run `__schema`/`__type` queries. @default false */
  allowIntrospection?: boolean;
  /** Where user tokens are kept; plug a shared store when you run several servers. @default createMemoryTokenCache() */
  tokenCache?: TokenCache;
  /** How long a user token from `authorize` lives. @default 172_800_000 (2 days) */
  tokenTtlMs?: number;
  /** A cached token is replaced this long before it expires.
   *  @default 3_600_000 (1 hour), or a tenth of `tokenTtlMs` when that is shorter */
  tokenRefreshMarginMs?: number;
  /** Largest request body accepted; larger ones get 413. @default 102_400 (100 KB) */
  maxBodyBytes?: number;
  /** Receives warnings and errors, never a token. @default console, prefixed */
  logger?: TrayHandlerLogger;
  /** Adds `customValidation=true` to wizard URLs (the `tray.configPopup.validate` handshake). @default false */
  customValidation?: boolean;
  /** The clock, in milliseconds; for tests. @default Date.now */
  now?: () => number;
}

/** Tray's GraphQL endpoint per region (shared/reference/tray-embedded.md). */
export const TRAY_GRAPHQL_URLS: Readonly<Record<TrayRegion, string>> = {
  us: 'https://tray.io/graphql',
  eu: 'https://eu1.tray.io/graphql',
  apac: 'https://ap1.tray.io/graphql',
};

/** The options after defaults and checks; what the routes read. */
export interface ResolvedConfig {
  masterToken: string;
  region: TrayRegion;
  graphqlUrl: string;
  embeddedId: string;
  wizardHost: string | undefined;
  basePath: string;
  allowIntrospection: boolean;
  tokenTtlMs: number;
  tokenRefreshMarginMs: number;
  maxBodyBytes: number;
  customValidation: boolean;
  now: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function fail(message: string): never {
  throw new Error(`createTrayHandler: ${message}`);
}

function requireText(value: unknown, name: string, hint: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${name} is missing. ${hint}`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) fail(`${name} must be a finite number ≥ 0.`);
  return value;
}

/** Applies defaults and refuses a misconfiguration at start-up rather than on the first request. */
export function resolveOptions(options: TrayHandlerOptions): ResolvedConfig {
  const masterToken = requireText(options.masterToken, 'masterToken', 'Pass your Tray master token (e.g. from TRAY_MASTER_TOKEN).');
  const embeddedId = requireText(options.embeddedId, 'embeddedId', 'Pass the "Embedded ID" shown in the Tray Embedded dashboard.');
  if (typeof options.getUser !== 'function') fail('getUser must be a function returning { userId } or null.');
  const region = options.region ?? 'us';
  if (!Object.hasOwn(TRAY_GRAPHQL_URLS, region)) fail(`region must be 'us', 'eu' or 'apac' (received ${JSON.stringify(region)}).`);
  const graphqlUrl = options.graphqlUrl ?? TRAY_GRAPHQL_URLS[region];
  try {
    new URL(graphqlUrl);
  } catch {
    fail(`graphqlUrl must be an absolute URL (received ${JSON.stringify(graphqlUrl)}).`);
  }
  if (options.wizardHost !== undefined) {
    try {
      assertWizardUrl(options.wizardHost);
    } catch {
      fail('wizardHost must be an https origin, or http on localhost/127.0.0.1 for development.');
    }
  }
  const tokenTtlMs = nonNegative(options.tokenTtlMs, 2 * DAY_MS, 'tokenTtlMs');
  const maxBodyBytes = nonNegative(options.maxBodyBytes, 100 * 1024, 'maxBodyBytes');
  return {
    masterToken,
    region,
    graphqlUrl,
    embeddedId,
    wizardHost: options.wizardHost,
    basePath: (options.basePath ?? '').replace(/\/+$/, ''),
    allowIntrospection: options.allowIntrospection === true,
    tokenTtlMs,
    tokenRefreshMarginMs: nonNegative(options.tokenRefreshMarginMs, Math.min(60 * 60 * 1000, tokenTtlMs / 10), 'tokenRefreshMarginMs'),
    maxBodyBytes,
    customValidation: options.customValidation === true,
    now: options.now ?? Date.now,
  };
}
