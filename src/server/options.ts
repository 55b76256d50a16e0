import type { TrayRegion } from '../core/wizardUrl.js';
import type { TrayHandlerStore } from './handlerStore.js';
import type { BeforeEnable, OnInstanceEvent } from './partnerHooks.js';
import type { TokenCache } from './tokenCache.js';

/** The signed-in user of the partner's app, as `getUser` reports it. */
export interface TrayUser {
  /** The user's **Tray** user id (from `createExternalUser`), not the partner's own user id. */
  userId: string;
  /** Grants the `/admin/*` routes; only the boolean `true` does. @default false */
  isAdmin?: boolean;
}

/**
 * A user of the partner's app known to Tray by the partner's own id: the handler finds the Tray
 * user with that `externalUserId` (or creates it, named `name`) once, and keeps the mapping in
 * its store. Returning `{ userId }` (the Tray id you stored yourself) stays cheapest.
 */
export interface ExternalTrayUser {
  /** Your id for the user (`externalUserId` in Tray). */
  externalUserId: string;
  /** The name a newly created Tray user gets. @default externalUserId */
  name?: string;
  /** As `TrayUser.isAdmin`. @default false */
  isAdmin?: boolean;
}

/** Who the routes and hooks see: the Tray user id, and the external id when `getUser` gave one. */
export interface ResolvedTrayUser extends TrayUser {
  externalUserId?: string;
}

/** Where the handler reports trouble. It is never given a token. */
export interface TrayHandlerLogger {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * What the handler allows per request and per user. `Infinity` turns a limit off (except
 * `maxResponseBytes`, `catalogTtlMs` and `maxUsers`, which must be finite).
 */
export interface TrayHandlerLimits {
  /** Deepest field nesting in a GraphQL document, fragments expanded. @default 12 */
  maxDepth?: number;
  /** Aliased fields in a document, fragments expanded (each spread counts). @default 30 */
  maxAliases?: number;
  /** Fields at the root of the operation. @default 5 */
  maxRootFields?: number;
  /** Largest answer accepted from Tray; a larger one is cut off while it streams, answered 502. @default 5_242_880 (5 MB) */
  maxResponseBytes?: number;
  /** Requests each user may make per second, sustained. @default 10 */
  userRequestsPerSecond?: number;
  /** Requests each user may make in a burst before `userRequestsPerSecond` applies. @default 20 */
  userBurst?: number;
  /** Calls per second with the master token, all kinds together (Tray allows 30). @default 20 */
  masterRequestsPerSecond?: number;
  /** How long a catalog answer (`viewer.solutions`) is shared between users; 0 shares only concurrent reads. @default 60_000 */
  catalogTtlMs?: number;
  /** Users remembered at once (tokens, refusals, rate limits); the least recently seen go first. @default 10_000 */
  maxUsers?: number;
}

/** Browser origins, other than the handler's own, that may call it. */
export interface TrayHandlerCors {
  /** Exact origins, e.g. `['https://app.example.com']`. `'*'` is refused. */
  origins: string[];
  /** Lets those origins send cookies (`Access-Control-Allow-Credentials: true`). @default false */
  credentials?: boolean;
}

export interface TrayHandlerOptions<Context = unknown> {
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
  /**
   * Who is asking: return the user from your session, or `null` (answered with 401).
   * `context` is whatever was passed to the handler after the request: `{ req, res }` from
   * `toNodeListener` (Express's `req.session`, `req.user`), Next.js's route context, a
   * Worker's `env`. Bounded by `timeoutMs`.
   */
  getUser(
    request: Request,
    context: Context | undefined,
  ): TrayUser | ExternalTrayUser | null | undefined | Promise<TrayUser | ExternalTrayUser | null | undefined>;
  /** The `fetch` used to call Tray. @default globalThis.fetch, looked up at call time */
  fetch?: typeof fetch;
  /** Path prefix the routes live under, e.g. `/api/tray`. With `''` a route matches any path
   *  that ends with `/graphql`, `/wizard-url`, `/admin/instances` or `/admin/set-enabled`. @default '' */
  basePath?: string;
  /** Lets the browser run `__schema`/`__type` queries. @default false */
  allowIntrospection?: boolean;
  /** Where user tokens are kept; plug a shared store when you run several servers. @default createMemoryTokenCache() */
  tokenCache?: TokenCache;
  /**
   * Where the handler keeps everything it remembers (user tokens, refusals, rate limits, the
   * master-token budget, the catalog, in-flight authorizes): `createRedisStore(client)` makes
   * several processes act as one. Not together with `tokenCache`. @default this process's memory
   */
  store?: TrayHandlerStore;
  /** How long a user token from `authorize` lives. @default 172_800_000 (2 days) */
  tokenTtlMs?: number;
  /** A cached token is replaced this long before it expires.
   *  @default 3_600_000 (1 hour), or a tenth of `tokenTtlMs` when that is shorter */
  tokenRefreshMarginMs?: number;
  /** Largest request body accepted (larger ones get 413), and largest document forwarded. @default 102_400 (100 KB) */
  maxBodyBytes?: number;
  /**
   * Bounds every wait: each call to Tray (504 `upstream_timeout`), reading the request body
   * (408 `request_timeout`), `getUser` (504), each token-store call (treated as a miss).
   * @default 10_000
   */
  timeoutMs?: number;
  /** Cost and fairness limits; see `TrayHandlerLimits`. */
  limits?: TrayHandlerLimits;
  /**
   * Adds `errorOnEnablingWithMissingValues: true` to every `updateSolutionInstance` that may
   * enable an instance, so Tray refuses to enable a half-configured one. @default true
   */
  requireMissingValuesCheck?: boolean;
  /** Other origins allowed to call the handler from a browser. @default none: same origin only */
  cors?: TrayHandlerCors;
  /** Receives warnings and errors, never a token. @default console, prefixed */
  logger?: TrayHandlerLogger;
  /** Adds `customValidation=true` to every wizard URL (the `tray.configPopup.validate` handshake); the
   *  browser can also ask for it per open (`{ solutionInstanceId, customValidation: true }`). @default false */
  customValidation?: boolean;
  /**
   * More config wizard URL parameters the browser may pass to `…/wizard-url`, besides those Tray
   * documents (`customValidation`, `skipTitleField`, `skipAuthSettings`, `serviceId`,
   * `serviceEnvironmentId`, `scopes`). Any other key in the body is refused with 400. @default []
   */
  wizardParameters?: string[];
  /**
   * Decides, before any enable reaches Tray (the browser's `updateSolutionInstance` and the
   * admin route alike), whether it may go on: return `{ refuse: 'words for the user' }` to stop
   * it (nothing is sent to Tray; the browser gets a GraphQL error with
   * `extensions.code: 'ENABLE_REFUSED'` and that message), or nothing to let it through. A hook
   * that throws or outlasts `timeoutMs` refuses with a generic message and is logged.
   */
  beforeEnable?: BeforeEnable<Context>;
  /**
   * Told once after Tray confirmed a change made through the handler (created, enabled,
   * disabled, renamed, upgraded, removed, authUpdated, configUpdated); never for a refused or
   * failed one. Awaited up to `timeoutMs`; what it throws is logged and never changes the answer.
   */
  onInstanceEvent?: OnInstanceEvent<Context>;
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
  timeoutMs: number;
  limits: Required<TrayHandlerLimits>;
  requireMissingValuesCheck: boolean;
  cors: { origins: ReadonlySet<string>; credentials: boolean };
  customValidation: boolean;
  wizardParameters: ReadonlySet<string>;
  now: () => number;
}
