import { AUTHORIZE_MUTATION } from '../graphql/serverOperations.js';
import { adminInstancesRoute, adminSetEnabledRoute } from './adminRoutes.js';
import type { HandlerContext, Route } from './context.js';
import { addCorsHeaders, checkOrigin, preflightResponse } from './cors.js';
import { boundedIfAsync } from './deadline.js';
import { createCriteriaIdMemory } from './criteriaId.js';
import { createDocumentPlanner } from './documentPlan.js';
import { createExternalUsers, type ResolveExternalUser } from './externalUsers.js';
import { graphqlRoute } from './graphqlRoute.js';
import { createMemoryStore, type HandlerStore } from './handlerStore.js';
import { consoleLogger, safeLogger } from './logger.js';
import type { ResolvedConfig, ResolvedTrayUser, TrayHandlerOptions } from './options.js';
import type { RateDecision } from './rateLimiter.js';
import { assertJsonContentType } from './requestBody.js';
import { resolveOptions } from './resolveOptions.js';
import { TrayHandlerError, errorResponse, internalErrorResponse } from './responses.js';
import { createSecretRegistry } from './secrets.js';
import { createTrayClient, type PostToTray } from './trayClient.js';
import { pick, requireData } from './trayResults.js';
import { createUserTokens } from './userTokens.js';
import { wizardUrlRoute } from './wizardUrlRoute.js';
import { authUrlRoute } from './authUrlRoute.js';

/**
 * A Web-standard request handler: Node (via `toNodeListener`), Next.js, Hono, Workers.
 * `context` reaches `getUser` as its second argument.
 */
export type TrayHandler<Context = unknown> = (request: Request, context?: Context) => Promise<Response>;

const ROUTES: ReadonlyArray<{ path: string; route: Route; adminOnly: boolean }> = [
  { path: '/graphql', route: graphqlRoute, adminOnly: false },
  { path: '/wizard-url', route: wizardUrlRoute, adminOnly: false },
  { path: '/auth-url', route: authUrlRoute, adminOnly: false },
  { path: '/admin/instances', route: adminInstancesRoute, adminOnly: true },
  { path: '/admin/set-enabled', route: adminSetEnabledRoute, adminOnly: true },
];

/**
 * Creates the backend half of the integration marketplace: a GraphQL proxy that lets the
 * browser run end-user operations only, plus the wizard-url, auth-url and admin routes. The master
 * token and the user tokens never leave the server. Throws at once on a misconfiguration.
 */
export function createTrayHandler<Context = unknown>(options: TrayHandlerOptions<Context>): TrayHandler<Context> {
  const config = resolveOptions(options);
  const { limits } = config;
  const secrets = createSecretRegistry({ permanent: [config.masterToken], maxEntries: limits.maxUsers * 3 });
  const logger = safeLogger(options.logger ?? consoleLogger, secrets);
  const settings = {
    maxUsers: limits.maxUsers,
    userRequestsPerSecond: limits.userRequestsPerSecond,
    userBurst: limits.userBurst,
    masterRequestsPerSecond: limits.masterRequestsPerSecond,
    timeoutMs: config.timeoutMs,
    tokenTtlMs: config.tokenTtlMs,
    now: config.now,
    logger,
  };
  const store = options.store ? options.store.open(settings) : createMemoryStore({ ...settings, tokens: options.tokenCache });
  const postToTray = createTrayClient({
    graphqlUrl: config.graphqlUrl,
    masterToken: config.masterToken,
    getFetch: () => options.fetch ?? globalThis.fetch,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: limits.maxResponseBytes,
    budget: store.masterBudget,
    logger,
  });
  const tokens = createUserTokens({
    store,
    authorize: (userId) => authorizeUser(postToTray, config.masterToken, userId, logger),
    secrets,
    ttlMs: config.tokenTtlMs,
    marginMs: config.tokenRefreshMarginMs,
    timeoutMs: config.timeoutMs,
    now: config.now,
    logger,
  });
  const externalUsers = createExternalUsers({
    store,
    postToTray,
    masterToken: config.masterToken,
    maxUsers: limits.maxUsers,
    timeoutMs: config.timeoutMs,
    logger,
  });
  const hooks = { beforeEnable: options.beforeEnable as HandlerContext['hooks']['beforeEnable'], onInstanceEvent: options.onInstanceEvent as HandlerContext['hooks']['onInstanceEvent'] };
  // Written from ROUTES, so a route added there is named here too.
  const noSuchRoute = `No such route. The handler serves POST ${ROUTES.map(({ path }) => config.basePath + path).join(', ')}.`;
  const context: HandlerContext = { config, postToTray, tokens, store, secrets, documents: createDocumentPlanner(config), logger, hooks, criteriaId: createCriteriaIdMemory(logger) };

  async function handle(request: Request, url: URL, requestContext: Context | undefined, origin: ReturnType<typeof checkOrigin>): Promise<Response> {
    const match = matchRoute(config.basePath, url.pathname);
    if (!match) {
      throw new TrayHandlerError(404, 'not_found', noSuchRoute);
    }
    if (request.method === 'OPTIONS' && origin.kind === 'allowed') return preflightResponse(request, origin.origin, config.cors);
    if (request.method !== 'POST') {
      throw new TrayHandlerError(405, 'method_not_allowed', `Use POST for this route (received ${request.method}).`, {
        allow: config.cors.origins.size > 0 ? 'POST, OPTIONS' : 'POST',
      });
    }
    assertJsonContentType(request);
    const user = await identify(options.getUser, request, requestContext, config, logger, externalUsers);
    const allowance = await takeAllowance(store, user.userId, config.timeoutMs, logger);
    if (!allowance.allowed) {
      const seconds = Math.max(1, Math.ceil(allowance.retryAfterMs / 1000));
      throw new TrayHandlerError(429, 'rate_limited', `Too many requests from this user; try again in ${seconds} s.`, {
        'retry-after': String(seconds),
      });
    }
    // Only the boolean true: a session that stores "false" or 1 must not open the admin routes.
    if (match.adminOnly && user.isAdmin !== true) {
      throw new TrayHandlerError(403, 'forbidden', 'This route is for administrators only.');
    }
    return match.route(context, request, user, requestContext);
  }

  return async function trayHandler(request: Request, requestContext?: Context): Promise<Response> {
    let origin: ReturnType<typeof checkOrigin> = { kind: 'none' };
    let response: Response;
    try {
      const url = new URL(request.url);
      origin = checkOrigin(request, url, config.cors);
      response = await handle(request, url, requestContext, origin);
    } catch (error) {
      if (error instanceof TrayHandlerError) {
        response = errorResponse(error);
      } else {
        logger.error('Unexpected failure in the Tray handler.', { error: error instanceof Error ? error.message : String(error) });
        response = internalErrorResponse();
      }
    }
    if (origin.kind === 'allowed' && request.method !== 'OPTIONS') addCorsHeaders(response.headers, origin.origin, config.cors);
    return response;
  };
}

function matchRoute(basePath: string, pathname: string) {
  if (basePath !== '') {
    if (!pathname.startsWith(basePath)) return undefined;
    const rest = pathname.slice(basePath.length).replace(/\/+$/, '');
    return ROUTES.find((entry) => entry.path === rest);
  }
  const trimmed = pathname.replace(/\/+$/, '');
  return ROUTES.find((entry) => trimmed.endsWith(entry.path));
}

async function identify<Context>(
  getUser: TrayHandlerOptions<Context>['getUser'],
  request: Request,
  requestContext: Context | undefined,
  config: ResolvedConfig,
  logger: HandlerContext['logger'],
  externalUsers: ResolveExternalUser,
): Promise<ResolvedTrayUser> {
  const user = await boundedIfAsync(getUser(request, requestContext), {
    ms: config.timeoutMs,
    signal: request.signal,
    onTimeout: () => {
      logger.error(`getUser did not answer within ${config.timeoutMs} ms (timeoutMs); answered 504.`);
      return new TrayHandlerError(504, 'upstream_timeout', 'The server could not check who you are in time. Try again in a moment.');
    },
  });
  if (user === null || user === undefined) {
    throw new TrayHandlerError(401, 'unauthenticated', 'Sign in to manage your integrations.');
  }
  if ('userId' in user && typeof user.userId === 'string' && user.userId.trim() !== '') return user;
  if (!('userId' in user) && 'externalUserId' in user && typeof user.externalUserId === 'string' && user.externalUserId.trim() !== '') {
    const { externalUserId, name } = user;
    const userId = await externalUsers(externalUserId, typeof name === 'string' && name.trim() !== '' ? name : externalUserId);
    return { ...user, userId };
  }
  logger.error('getUser returned a user without a userId (or externalUserId) string; it must return { userId: <Tray user id> }, { externalUserId } or null.');
  throw new TrayHandlerError(500, 'internal_error', 'The server could not tell which Tray user you are. Please contact support.');
}

const ALLOWED = { allowed: true } as const;

/** The user's rate-limit check; a store that fails or hangs lets the request through, logged. */
async function takeAllowance(store: HandlerStore, userId: string, timeoutMs: number, logger: HandlerContext['logger']): Promise<RateDecision> {
  try {
    return await boundedIfAsync(store.userLimits.take(userId), { ms: timeoutMs, onTimeout: () => new Error(`no answer within ${timeoutMs} ms`) });
  } catch (error) {
    logger.warn('The rate-limit store failed; letting the request through.', { userId, reason: error instanceof Error ? error.message : String(error) });
    return ALLOWED;
  }
}

async function authorizeUser(postToTray: PostToTray, masterToken: string, userId: string, logger: HandlerContext['logger']) {
  const result = await postToTray(masterToken, { query: AUTHORIZE_MUTATION, variables: { input: { userId } } }, { priority: 'high' });
  const accessToken = pick(requireData(result, 'authorize the user (check getUser returns the Tray user id)', logger), 'authorize', 'accessToken');
  if (typeof accessToken !== 'string' || accessToken === '') {
    logger.error('Tray answered authorize without an accessToken.', { userId });
    throw new TrayHandlerError(502, 'upstream_error', 'Tray did not issue a user token. Try again; if it persists, check the server logs.');
  }
  return accessToken;
}
