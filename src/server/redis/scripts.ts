import type { RedisCommands } from './redisClient.js';

/**
 * The Lua scripts: each check-and-update runs as one script, atomic in Redis, so processes
 * never race between reading a bucket and writing it back. Time is Redis's own (`TIME`), so
 * the processes' clocks need not agree. Replies are integers only (Lua numbers are truncated).
 */

const CLOCK = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
`;

// A bucket: field t = tokens, a = when (ms). Kept until it would be full again, at most a day.
const REFILL = `
local rate = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local saved = redis.call('HMGET', KEYS[1], 't', 'a')
local tokens = tonumber(saved[1]) or cap
local at = tonumber(saved[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - at) * rate / 1000)
local function save()
  redis.call('HSET', KEYS[1], 't', string.format('%.6f', tokens), 'a', string.format('%.3f', now))
  local keep = math.min(86400000, math.max(1000, math.ceil((cap - tokens) * 1000 / rate) + 1000))
  redis.call('PEXPIRE', KEYS[1], string.format('%d', keep))
end
`;

/** ARGV: perSecond, burst. Reply: {1, 0} allowed, or {0, retryAfterMs}. */
export const TAKE_ONE = `${CLOCK}${REFILL}
if tokens >= 1 then
  tokens = tokens - 1
  save()
  return {1, 0}
end
save()
return {0, math.ceil((1 - tokens) * 1000 / rate)}
`;

/**
 * The master budget, by reservation: a call that may wait takes its token now (the bucket may
 * go below zero) and is told how long to wait, so calls leave in order at the budget's pace
 * and nobody polls. ARGV: perSecond, capacity, threshold (1, or 1 + the reserve for low
 * priority), maxWaitMs. Reply: {1, waitMs} reserved, or {0, waitMs} refused.
 */
export const RESERVE = `${CLOCK}${REFILL}
local need = tonumber(ARGV[3]) - tokens
local wait = 0
if need > 0 then wait = math.ceil(need * 1000 / rate) end
if wait > tonumber(ARGV[4]) then
  save()
  return {0, wait}
end
tokens = tokens - 1
save()
return {1, wait}
`;

/** Tray rate-limited the token anyway: spend what is left (reservations stay). ARGV: perSecond, capacity. */
export const DRAIN = `${CLOCK}${REFILL}
tokens = math.min(tokens, 0)
save()
return 0
`;

/** Deletes a lock only if this owner still holds it. ARGV: owner. */
export const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Runs scripts by their SHA-1 (EVALSHA), loading each once a server has forgotten it. */
export function scriptRunner(redis: RedisCommands) {
  const shas = new Map<string, Promise<string>>();
  const sha = (script: string) => {
    let found = shas.get(script);
    if (!found) {
      found = globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(script)).then(hex);
      shas.set(script, found);
    }
    return found;
  };
  return async function run(script: string, keys: string[], args: Array<string | number>): Promise<unknown> {
    const tail = [String(keys.length), ...keys, ...args.map(String)];
    try {
      return await redis.send(['EVALSHA', await sha(script), ...tail]);
    } catch (error) {
      if (!(error instanceof Error) || !/NOSCRIPT/.test(error.message)) throw error;
      return redis.send(['EVAL', script, ...tail]);
    }
  };
}

export type RunScript = ReturnType<typeof scriptRunner>;

export function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
