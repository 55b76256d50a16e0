import { AUTHORIZE_MUTATION } from '../graphql/serverOperations.js';
import { adminInstancesRoute, adminSetEnabledRoute } from './adminRoutes.js';
import type { HandlerContext, Route } from './context.js';
import { graphqlRoute } from './graphqlRoute.js';
import { consoleLogger, safeLogger } from './logger.js';
import { resolveOptions, type TrayHandlerOptions, type TrayUser } from './options.js';
import { assertJsonContentType } from './requestBody.js';
import { TrayHandlerError, errorResponse, internalErrorResponse } from './responses.js';
import { createMemoryTokenCache } from './tokenCache.js';
import { createTrayClient, type PostToTray } from './trayClient.js';
import { pick, requireData } from './trayResults.js';
import { createUserTokens } from './userTokens.js';
import { wizardUrlRoute } from './wizardUrlRoute.js';
import { authUrlRoute } from './authUrlRoute.js';

/** A Web-standard request handler: Node (via `toNodeListener`), Next.js, Hono, Workers. */
export type TrayHandler = (request: Request) => Promise<Response>;

const ROUTES: ReadonlyArray<{ path: string; route: Route; adminOnly: boolean }> = [
  { path: '/graphql', route: graphqlRoute, adminOnly: false },
  { path: '/wizard-url', route: wizardUrlRoute, adminOnly: false },
  { path: '/auth-url', route: authUrlRoute, adminOnly: false },
  { path: '/admin/instances', route: adminInstancesRoute, adminOnly: true },
  { path: '/admin/set-enabled', route: adminSetEnabledRoute, adminOnly: true },
];

/**
 * Creates the backend half of the integration marketplace: a GraphQL proxy that lets the
 * browser run end-user operations only, plus the wizard-url and admin routes. The master
 * token and the user tokens never leave the server. Throws at once on a misconfiguration.
 */
export function createTrayHandler(options: TrayHandlerOptions): TrayHandler {
  const config = resolveOptions(options);
  const logger = safeLogger(options.logger ?? consoleLogger, config.masterToken);
  const postToTray = createTrayClient({
    graphqlUrl: config.graphqlUrl,
    masterToken: config.masterToken,
    getFetch: () => options.fetch ?? globalThis.fetch,
  });
  const tokens = createUserTokens({
    cache: options.tokenCache ?? createMemoryTokenCache({ now: config.now }),
    authorize: (userId) => authorizeUser(postToTray, config.masterToken, userId, logger),
    ttlMs: config.tokenTtlMs,
    marginMs: config.tokenRefreshMarginMs,
    now: config.now,
    logger,
  });
  const context: HandlerContext = { config, postToTray, tokens, logger };

  return async function trayHandler(request: Request): Promise<Response> {
    try {
      const match = matchRoute(config.basePath, new URL(request.url).pathname);
      if (!match) {
        throw new TrayHandlerError(404, 'not_found', 'No such route. The handler serves POST …/graphql, …/wizard-url, …/admin/instances and …/admin/set-enabled.');
      }
      if (request.method !== 'POST') {
        throw new TrayHandlerError(405, 'method_not_allowed', `Use POST for this route (received ${request.method}).`, { allow: 'POST' });
      }
      assertJsonContentType(request);
      const user = await identify(options.getUser, request, logger);
      if (match.adminOnly && user.isAdmin !== true) {
        throw new TrayHandlerError(403, 'forbidden', 'This route is for administrators only.');
      }
      return await match.route(context, request, user);
    } catch (error) {
      if (error instanceof TrayHandlerError) return errorResponse(error);
      logger.error('Unexpected failure in the Tray handler.', { error: error instanceof Error ? error.message : String(error) });
      return internalErrorResponse();
    }
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

async function identify(getUser: TrayHandlerOptions['getUser'], request: Request, logger: HandlerContext['logger']): Promise<TrayUser> {
  const user = await getUser(request);
  if (user === null || user === undefined) {
    throw new TrayHandlerError(401, 'unauthenticated', 'Sign in to manage your integrations.');
  }
  if (typeof user.userId !== 'string' || user.userId.trim() === '') {
    logger.error('getUser returned a user without a userId string; it must return { userId: <Tray user id> } or null.');
    throw new TrayHandlerError(500, 'internal_error', 'The server could not tell which Tray user you are. Please contact support.');
  }
  return user;
}

async function authorizeUser(postToTray: PostToTray, masterToken: string, userId: string, logger: HandlerContext['logger']) {
  const result = await postToTray(masterToken, { query: AUTHORIZE_MUTATION, variables: { input: { userId } } });
  const accessToken = pick(requireData(result, 'authorize the user (check getUser returns the Tray user id)', logger), 'authorize', 'accessToken');
  if (typeof accessToken !== 'string' || accessToken === '') {
    logger.error('Tray answered authorize without an accessToken.', { userId });
    throw new TrayHandlerError(502, 'upstream_error', 'Tray did not issue a user token. Try again; if it persists, check the server logs.');
  }
  return accessToken;
}
