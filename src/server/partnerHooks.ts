import type { HandlerContext } from './context.js';
import { bounded } from './deadline.js';
import { enables, type InstanceChange } from './instanceChanges.js';
import { HOOK_INSTANCE, findOwnedInstance } from './ownedInstance.js';
import type { ResolvedTrayUser } from './options.js';
import { GRAPHQL_RESPONSE_TYPE, TrayHandlerError, jsonResponse } from './responses.js';
import type { TrayResult } from './trayClient.js';
import { pick } from './trayResults.js';

type MaybePromise<T> = T | Promise<T>;

/** An instance as Tray has it just before the enable, read with its owner's token. */
export interface HookInstance {
  id: string;
  name: string;
  enabled: boolean;
  owner?: string;
  solution: { id: string; title: string; customFields: Array<{ key: string; value: string | null }> };
  /** Each value JSON in a string, as Tray stores it: `"\"#alerts\""`, `"true"`. */
  configValues: Array<{ externalId: string; value: unknown }>;
  authValues: Array<{ externalId: string; authId: string }>;
}

export interface BeforeEnableEvent<Context = unknown> {
  /** The instance's owner: the signed-in user, or (`via: 'admin'`) the owner the admin named. */
  user: ResolvedTrayUser;
  instance: HookInstance;
  request: Request;
  /** What was passed to the handler after the request (as `getUser` gets it). */
  context: Context | undefined;
  /** `graphql`: the browser's own enable; `admin`: `POST …/admin/set-enabled`. */
  via: 'graphql' | 'admin';
}

/** `{ refuse: 'words for the user' }` stops the enable; nothing lets it through. */
export type BeforeEnableVerdict = { refuse: string } | void | null | undefined;
export type BeforeEnable<Context = unknown> = (event: BeforeEnableEvent<Context>) => MaybePromise<BeforeEnableVerdict>;

export type InstanceEventType = 'created' | 'enabled' | 'disabled' | 'renamed' | 'upgraded' | 'removed' | 'authUpdated' | 'configUpdated';

export interface InstanceEvent<Context = unknown> {
  type: InstanceEventType;
  user: ResolvedTrayUser;
  solutionInstanceId: string;
  /** The instance as Tray answered the change (the fields the caller asked for), or `null` (remove). */
  instance: Record<string, unknown> | null;
  /** When the handler saw Tray's confirmation, ISO 8601. */
  at: string;
  via: 'graphql' | 'admin';
  context: Context | undefined;
}
export type OnInstanceEvent<Context = unknown> = (event: InstanceEvent<Context>) => MaybePromise<unknown>;

/** The GraphQL error code of an enable the partner's `beforeEnable` refused. */
export const ENABLE_REFUSED = 'ENABLE_REFUSED';
const GENERIC_REFUSAL = 'This integration cannot be activated right now. Try again later, or contact support.';

class HookTimeout extends Error {}

interface Call {
  user: ResolvedTrayUser;
  changes: readonly InstanceChange[];
  request: Request;
  requestContext: unknown;
  via: 'graphql' | 'admin';
}

/** Runs `beforeEnable` for each enable in `changes`; the refusal's answer, or `undefined` to go on. */
export async function checkEnables(context: HandlerContext, call: Call): Promise<Response | undefined> {
  const hook = context.hooks.beforeEnable;
  if (!hook) return undefined;
  for (const change of call.changes.filter(enables)) {
    const id = change.input['solutionInstanceId'];
    if (typeof id !== 'string' || id === '') {
      throw new TrayHandlerError(400, 'invalid_request', 'updateSolutionInstance needs a solutionInstanceId string.');
    }
    const instance = (await findOwnedInstance(context, call.user.userId, id, HOOK_INSTANCE, call.request.signal)) as unknown as HookInstance;
    const event: BeforeEnableEvent = { user: call.user, instance, request: call.request, context: call.requestContext, via: call.via };
    const refusal = await verdictOf(context, hook, event);
    if (refusal !== undefined) return refusedResponse(context, refusal, change.responseKey);
  }
  return undefined;
}

/** The hook's refusal message; a hook that fails or hangs refuses with a generic one. */
async function verdictOf(context: HandlerContext, hook: BeforeEnable, event: BeforeEnableEvent): Promise<string | undefined> {
  const { logger, config } = context;
  const where = { userId: event.user.userId, solutionInstanceId: event.instance.id };
  let verdict: BeforeEnableVerdict;
  try {
    verdict = await bounded(() => hook(event), { ms: config.timeoutMs, onTimeout: () => new HookTimeout() });
  } catch (error) {
    const reason = error instanceof HookTimeout ? `no answer within ${config.timeoutMs} ms (timeoutMs)` : error instanceof Error ? error.message : String(error);
    logger.error('beforeEnable failed; the enable was refused.', { ...where, reason });
    return GENERIC_REFUSAL;
  }
  if (verdict === undefined || verdict === null) return undefined;
  const message = typeof verdict === 'object' ? (verdict as { refuse?: unknown }).refuse : undefined;
  if (typeof message === 'string' && message.trim() !== '') return message;
  logger.error('beforeEnable returned something other than nothing or { refuse: "message" }; the enable was refused.', where);
  return GENERIC_REFUSAL;
}

function refusedResponse(context: HandlerContext, message: string, responseKey: string): Response {
  const error = { message: context.secrets.scrubText(message), path: [responseKey], extensions: { code: ENABLE_REFUSED } };
  return jsonResponse(200, { errors: [error], data: null }, { contentType: GRAPHQL_RESPONSE_TYPE });
}

/** What a confirmed change was, as events; `instance` is Tray's answer for it. */
function eventTypes(change: InstanceChange, instance: Record<string, unknown> | null): InstanceEventType[] {
  if (change.mutation === 'createSolutionInstance') return ['created'];
  if (change.mutation === 'upgradeSolutionInstance') return ['upgraded'];
  if (change.mutation === 'removeSolutionInstance') return ['removed'];
  const { enabled, instanceName, configValues, authValues } = change.input;
  const types: InstanceEventType[] = [];
  // A name sent with an enable or disable labels that change (the enabler always sends its `instanceName`).
  if (typeof instanceName === 'string' && (enabled === undefined || enabled === null)) types.push('renamed');
  if (Array.isArray(configValues)) types.push('configUpdated');
  if (Array.isArray(authValues)) types.push('authUpdated');
  if (enabled === false) types.push('disabled');
  else if (enables(change) && instance?.['enabled'] !== false) types.push('enabled');
  return types;
}

/**
 * Tells `onInstanceEvent` about each change Tray confirmed: its field answered, not null, with
 * no error on its path. Awaited (bounded) so that the partner's records are written before the
 * browser learns of the change; failures are logged and change nothing.
 */
export async function reportChanges(context: HandlerContext, call: Call, result: TrayResult): Promise<void> {
  const hook = context.hooks.onInstanceEvent;
  if (!hook || call.changes.length === 0 || result.status !== 200) return;
  const { data, errors } = result.body;
  const at = new Date(context.config.now()).toISOString();
  for (const change of call.changes) {
    const answer = pick(data, change.responseKey);
    if (answer === undefined || answer === null) continue;
    if (errors?.some((error) => pick(error, 'path', '0') === change.responseKey)) continue;
    const found = pick(answer, 'solutionInstance');
    const instance = typeof found === 'object' && found !== null ? (found as Record<string, unknown>) : null;
    const id = change.input['solutionInstanceId'] ?? instance?.['id'];
    if (typeof id !== 'string') {
      context.logger.warn(`${change.mutation} succeeded but its answer names no instance id (select solutionInstance { id }); no event sent.`);
      continue;
    }
    for (const type of eventTypes(change, instance)) {
      const event: InstanceEvent = { type, user: call.user, solutionInstanceId: id, instance, at, via: call.via, context: call.requestContext };
      try {
        await bounded(() => hook(event), { ms: context.config.timeoutMs, onTimeout: () => new HookTimeout() });
      } catch (error) {
        const reason = error instanceof HookTimeout ? `no answer within ${context.config.timeoutMs} ms (timeoutMs)` : error instanceof Error ? error.message : String(error);
        context.logger.error('onInstanceEvent failed; the change itself went through.', { type, solutionInstanceId: id, reason });
      }
    }
  }
}
