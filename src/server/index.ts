/**
 * `react-tray-embedded/server`: the backend half. Web-standard (`Request` → `Response`),
 * no Node-only imports, so it runs on Node, Next.js, Hono and Cloudflare Workers.
 */
export { createTrayHandler } from './createTrayHandler.js';
export { createMemoryTokenCache } from './tokenCache.js';
export { createRedisStore } from './redis/createRedisStore.js';
export { toNodeListener } from './node.js';
export { TRAY_GRAPHQL_URLS } from './options.js';
export { ALLOWED_MUTATIONS, checkOperation } from './operationPolicy.js';
export { TrayHandlerError } from './responses.js';
export { ENABLE_REFUSED } from './partnerHooks.js';
export { buildWizardUrl, WIZARD_HOSTS } from '../core/wizardUrl.js';
export { buildAuthUrl } from '../core/authUrl.js';

export type { TrayHandler } from './createTrayHandler.js';
export type { TrayHandlerOptions, TrayHandlerLimits, TrayHandlerCors, TrayHandlerLogger, TrayUser, ExternalTrayUser, ResolvedTrayUser } from './options.js';
export type { BeforeEnable, BeforeEnableEvent, BeforeEnableVerdict, HookInstance, InstanceEvent, InstanceEventType, OnInstanceEvent } from './partnerHooks.js';
export type { TokenCache, CachedToken } from './tokenCache.js';
export type { RedisStoreOptions } from './redis/createRedisStore.js';
export type { RedisClientLike } from './redis/redisClient.js';
export type { TrayHandlerStore, HandlerStore, StoreSettings } from './handlerStore.js';
export type { NodeContext, NodeListener, NodeRequestLike, NodeResponseLike } from './node.js';
export type { OperationVerdict } from './operationPolicy.js';
export type { TrayHandlerErrorCode } from './responses.js';
export type { TrayRegion, WizardUrlOptions } from '../core/wizardUrl.js';
export type { AuthTarget, AuthUrlOptions } from '../core/authUrl.js';
