import { assertWizardUrl } from '../core/wizardUrl.js';
import { resolveWizardParameters } from './wizardParameters.js';
import { TRAY_GRAPHQL_URLS, type ResolvedConfig, type TrayHandlerLimits, type TrayHandlerOptions } from './options.js';

const DAY_MS = 24 * 60 * 60 * 1000;
// setTimeout fires at once for anything longer (about 24.8 days).
const MAX_TIMER_MS = 2_147_483_647;

export const DEFAULT_LIMITS: Readonly<Required<TrayHandlerLimits>> = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 5,
  maxResponseBytes: 5 * 1024 * 1024,
  userRequestsPerSecond: 10,
  userBurst: 20,
  masterRequestsPerSecond: 20,
  catalogTtlMs: 60_000,
  maxUsers: 10_000,
};

function fail(message: string): never {
  throw new Error(`createTrayHandler: ${message}`);
}

function requireText(value: unknown, name: string, hint: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${name} is missing. ${hint}`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`${name} must be a finite number ≥ 0.`);
  return value;
}

/** A limit: a number ≥ `min`, whole when `integer`; `Infinity` only when `infinite`. */
function limit(value: unknown, name: keyof TrayHandlerLimits, rule: { min: number; integer?: boolean; infinite?: boolean }): number {
  if (value === undefined) return DEFAULT_LIMITS[name];
  const ok =
    typeof value === 'number' &&
    value >= rule.min &&
    (value === Infinity ? rule.infinite === true : Number.isFinite(value) && (!rule.integer || Number.isInteger(value)));
  if (!ok) {
    const kind = rule.integer ? 'a whole number' : 'a number';
    fail(`limits.${name} must be ${kind} ≥ ${rule.min}${rule.infinite ? ' (or Infinity to turn it off)' : ''} (received ${JSON.stringify(value)}).`);
  }
  return value;
}

function resolveLimits(limits: TrayHandlerLimits | undefined): Required<TrayHandlerLimits> {
  if (limits !== undefined && (typeof limits !== 'object' || limits === null)) fail('limits must be an object.');
  const given = limits ?? {};
  const unknown = Object.keys(given).filter((key) => !Object.hasOwn(DEFAULT_LIMITS, key));
  if (unknown.length > 0) fail(`limits has unknown keys: ${unknown.join(', ')}. Known: ${Object.keys(DEFAULT_LIMITS).join(', ')}.`);
  return {
    maxDepth: limit(given.maxDepth, 'maxDepth', { min: 1, integer: true, infinite: true }),
    maxAliases: limit(given.maxAliases, 'maxAliases', { min: 0, integer: true, infinite: true }),
    maxRootFields: limit(given.maxRootFields, 'maxRootFields', { min: 1, integer: true, infinite: true }),
    maxResponseBytes: limit(given.maxResponseBytes, 'maxResponseBytes', { min: 1, integer: true }),
    userRequestsPerSecond: limit(given.userRequestsPerSecond, 'userRequestsPerSecond', { min: Number.MIN_VALUE, infinite: true }),
    userBurst: limit(given.userBurst, 'userBurst', { min: 1 }),
    masterRequestsPerSecond: limit(given.masterRequestsPerSecond, 'masterRequestsPerSecond', { min: Number.MIN_VALUE, infinite: true }),
    catalogTtlMs: limit(given.catalogTtlMs, 'catalogTtlMs', { min: 0 }),
    maxUsers: limit(given.maxUsers, 'maxUsers', { min: 1, integer: true }),
  };
}

function resolveCors(cors: TrayHandlerOptions['cors']): ResolvedConfig['cors'] {
  if (cors === undefined) return { origins: new Set(), credentials: false };
  if (typeof cors !== 'object' || cors === null || !Array.isArray(cors.origins)) {
    fail("cors must be { origins: ['https://app.example.com'], credentials?: boolean }.");
  }
  const origins = new Set<string>();
  for (const origin of cors.origins as unknown[]) {
    let parsed: URL | undefined;
    try {
      parsed = typeof origin === 'string' ? new URL(origin) : undefined;
    } catch {
      parsed = undefined;
    }
    const exact = parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.origin === String(origin).replace(/\/$/, '');
    if (!exact) {
      fail(`cors.origins must list exact origins like 'https://app.example.com' (scheme, host, optional port; no path, no '*'); received ${JSON.stringify(origin)}.`);
    }
    origins.add(parsed!.origin);
  }
  return { origins, credentials: cors.credentials === true };
}

/** Applies defaults and refuses a misconfiguration at start-up rather than on the first request. */
export function resolveOptions<Context>(options: TrayHandlerOptions<Context>): ResolvedConfig {
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
    // `embedded.tray.io` alone would be read as a path; say what to write instead.
    if (typeof options.wizardHost === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(options.wizardHost.trim())) {
      fail(`wizardHost must be an origin with its scheme: write ${JSON.stringify(`https://${options.wizardHost.trim().replace(/\/+$/, '')}`)}, not ${JSON.stringify(options.wizardHost)}.`);
    }
    try {
      assertWizardUrl(options.wizardHost);
    } catch {
      fail('wizardHost must be an https origin, or http on localhost/127.0.0.1 for development.');
    }
  }
  if (options.store !== undefined && (typeof options.store !== 'object' || options.store === null || typeof options.store.open !== 'function')) {
    fail('store must be made by createRedisStore(client, options) (or be another { open(settings) } store).');
  }
  if (options.store !== undefined && options.tokenCache !== undefined) {
    fail('pass either store or tokenCache, not both: the store keeps user tokens too.');
  }
  const tokenTtlMs = nonNegative(options.tokenTtlMs, 2 * DAY_MS, 'tokenTtlMs');
  const maxBodyBytes = nonNegative(options.maxBodyBytes, 100 * 1024, 'maxBodyBytes');
  const timeoutMs = nonNegative(options.timeoutMs, 10_000, 'timeoutMs');
  if (timeoutMs < 1 || timeoutMs > MAX_TIMER_MS) fail(`timeoutMs must be from 1 to ${MAX_TIMER_MS} milliseconds.`);
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
    timeoutMs,
    limits: resolveLimits(options.limits),
    requireMissingValuesCheck: options.requireMissingValuesCheck !== false,
    cors: resolveCors(options.cors),
    customValidation: options.customValidation === true,
    wizardParameters: resolveWizardParameters(options.wizardParameters, fail),
    now: options.now ?? Date.now,
  };
}
