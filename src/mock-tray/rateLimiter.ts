/**
 * Tray's documented limit: 30 requests per second per token, bursts to 50. Modelled as a token
 * bucket per bearer token that starts full (`burst`) and refills at `perSecond`.
 */
export interface RateLimitOptions {
  /** Sustained requests per second per token; `Infinity` turns the limit off. @default 30 */
  perSecond?: number;
  /** Requests a token may make at once before the sustained rate applies. @default 50 */
  burst?: number;
}

/** Where the refused operation's first root field sits, as GraphQL errors report it. */
export interface RateLimitedField {
  /** Its response key, e.g. `['viewer']`; empty when the document did not parse. */
  path: Array<string | number>;
  locations: Array<{ line: number; column: number }>;
}

/**
 * The whole body Tray answers (with HTTP 200) once a token is over its limit
 * (shared/reference/tray-fidelity.md): the error carries `path`, `locations` and
 * `extensions: { name: 'PreconditionError', code: 'access_not_allowed', time_thrown }`.
 */
export function rateLimitExceededBody(at: Date, field: RateLimitedField = { path: [], locations: [] }): string {
  return JSON.stringify({
    data: null,
    errors: [
      {
        message: 'Rate limit exceeded',
        locations: field.locations,
        path: field.path,
        extensions: { name: 'PreconditionError', code: 'access_not_allowed', time_thrown: at.toISOString() },
      },
    ],
  });
}

interface Bucket {
  available: number;
  updatedAt: number;
}

export class RateLimiter {
  readonly perSecond: number;
  readonly burst: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(now: () => number, options: RateLimitOptions = {}) {
    this.perSecond = options.perSecond ?? 30;
    this.burst = options.burst ?? 50;
    if (!(this.perSecond > 0) || !(this.burst >= 1)) {
      throw new RangeError(
        `Rate limit options must be positive (got perSecond ${this.perSecond}, burst ${this.burst}); use perSecond: Infinity to turn the limit off.`,
      );
    }
    this.#now = now;
  }

  /** Spends one request of `key`'s allowance; `false` means "answer Rate limit exceeded". */
  tryTake(key: string): boolean {
    if (this.perSecond === Infinity) return true;
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { available: this.burst, updatedAt: now };
    const refilled = Math.min(this.burst, bucket.available + ((now - bucket.updatedAt) * this.perSecond) / 1000);
    const allowed = refilled >= 1;
    this.#buckets.set(key, { available: allowed ? refilled - 1 : refilled, updatedAt: now });
    return allowed;
  }
}
