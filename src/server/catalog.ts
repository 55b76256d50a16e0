import type { HandlerContext } from './context.js';
import { boundedIfAsync, untilAborted } from './deadline.js';
import type { GraphQLPayload } from './trayClient.js';
import { answerResponse, assertMasterTokenAccepted, toAnswer, type Answer } from './trayResults.js';

/**
 * The catalog (`viewer.solutions`, read with the master token) is the same for every user:
 * an answer is shared between users for `limits.catalogTtlMs`, and concurrent identical reads
 * (same document, same variables) make one upstream call. The shared call is bounded by the
 * handler's timeout, not by the first client, so one client leaving does not fail the others.
 * Only clean answers (HTTP 200, no `errors`) are kept.
 */
export async function catalogRead(context: HandlerContext, payload: GraphQLPayload, signal: AbortSignal): Promise<Response> {
  const { config, store, logger } = context;
  const key = JSON.stringify([payload.query, payload.operationName ?? null, payload.variables ?? null]);
  const cached = await storeCall(context, () => store.catalog.get(key));
  if (cached && cached.expiresAt > config.now()) return answerResponse(cached);

  const read = store.catalogReads.run(key, async (): Promise<Answer> => {
    // With a shared store the flight may start after another process's read has filled the cache.
    if (!store.synchronous) {
      const filled = await storeCall(context, () => store.catalog.get(key));
      if (filled && filled.expiresAt > config.now()) return filled;
    }
    const result = await context.postToTray(config.masterToken, payload, { priority: 'low' });
    assertMasterTokenAccepted(result, 'list solutions', logger);
    const answer = toAnswer(result, context.secrets, logger);
    if (config.limits.catalogTtlMs > 0 && answer.status === 200 && !result.body.errors?.length) {
      await storeCall(context, () => store.catalog.set(key, { ...answer, expiresAt: config.now() + config.limits.catalogTtlMs }));
    }
    return answer;
  });
  return answerResponse(await untilAborted(read, signal));
}

/** A catalog store call that fails or hangs is a miss, never a failed request. */
async function storeCall<T>(context: HandlerContext, action: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await boundedIfAsync(action(), { ms: context.config.timeoutMs, onTimeout: () => new Error('timeout') });
  } catch {
    context.logger.warn('The catalog cache failed; carrying on without it.');
    return undefined;
  }
}
