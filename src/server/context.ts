import type { CriteriaIdMemory } from './criteriaId.js';
import type { DocumentPlanner } from './documentPlan.js';
import type { HandlerStore } from './handlerStore.js';
import type { ResolvedConfig, ResolvedTrayUser, TrayHandlerLogger } from './options.js';
import type { BeforeEnable, OnInstanceEvent } from './partnerHooks.js';
import type { SecretRegistry } from './secrets.js';
import type { PostToTray } from './trayClient.js';
import type { UserTokens } from './userTokens.js';

/** What every route gets: the resolved options and the handler's shared services. */
export interface HandlerContext {
  config: ResolvedConfig;
  postToTray: PostToTray;
  tokens: UserTokens;
  store: HandlerStore;
  secrets: SecretRegistry;
  documents: DocumentPlanner;
  logger: TrayHandlerLogger;
  /** What Tray showed it does with `solutionInstances(criteria: { id })`. */
  criteriaId: CriteriaIdMemory;
  /** The partner's decisions and notices (`beforeEnable`, `onInstanceEvent`). */
  hooks: { beforeEnable?: BeforeEnable | undefined; onInstanceEvent?: OnInstanceEvent | undefined };
}

/**
 * A route, called after the origin, method, content type, user and rate limit have been checked.
 * `requestContext` is what was passed to the handler after the request, for the partner's hooks.
 */
export type Route = (context: HandlerContext, request: Request, user: ResolvedTrayUser, requestContext: unknown) => Promise<Response>;
