import type { ResolvedConfig, TrayHandlerLogger, TrayUser } from './options.js';
import type { PostToTray } from './trayClient.js';
import type { UserTokens } from './userTokens.js';

/** What every route gets: the resolved options and the handler's shared services. */
export interface HandlerContext {
  config: ResolvedConfig;
  postToTray: PostToTray;
  tokens: UserTokens;
  logger: TrayHandlerLogger;
}

/** A route, called after the method, the content type and the user have been checked. */
export type Route = (context: HandlerContext, request: Request, user: TrayUser) => Promise<Response>;
