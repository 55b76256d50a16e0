/**
 * The machinery behind the knobs that make a request fail or wait, shared by the mock Tray
 * (`MockTrayFaults`) and the in-process browser → backend hop (`BackendHop`). Browser-safe:
 * plain promises, no timers. A rule applies to the next matching request(s), then is gone.
 */

/**
 * Which requests a rule applies to: a string (each layer says what it matches: a root field,
 * an operation name, a path), or a predicate over what the layer logs of the request.
 */
export type FaultMatch<Subject> = string | ((subject: Subject) => boolean);

export interface FaultOptions {
  /** How many matching requests the rule applies to; `Infinity` for every one. @default 1 */
  times?: number;
}

export interface HoldOptions extends FaultOptions {
  /** Releases the hold when this settles, as if `release()` were called. */
  until?: PromiseLike<unknown>;
}

/** A rule that has not been used up yet. */
export interface FaultRule {
  /** Uses it has left (`Infinity` for a rule without end). */
  readonly remaining: number;
  /** Drops the rule; requests it already affected are not changed. */
  remove(): void;
}

/** One request a hold stopped. */
export interface HeldRequest<Subject> {
  readonly request: Subject;
  /** Lets this request alone go on. */
  release(): void;
}

/** Requests stopped until released: the way a test sees a "…ing" state. */
export interface Hold<Subject> extends FaultRule {
  /** Lets every held request go on, and holds no more. */
  release(): void;
  /** Resolves once `count` requests are held: wait for this signal, never a timer. @default 1 */
  arrived(count?: number): Promise<void>;
  /** The requests held so far, in arrival order, each releasable alone. */
  readonly requests: ReadonlyArray<HeldRequest<Subject>>;
}

interface Rule<Subject, Effect> {
  matches: (subject: Subject) => boolean;
  remaining: number;
  effect: Effect;
}

function checkTimes(times: number | undefined): number {
  const value = times ?? 1;
  if (value !== Infinity && (!Number.isInteger(value) || value < 1)) {
    throw new RangeError(`times must be a whole number ≥ 1, or Infinity for every request (got ${String(times)}).`);
  }
  return value;
}

/**
 * An ordered list of rules of one layer. `matchString` says what a string match means there;
 * `take` finds the first live rule for a request and uses it once.
 */
export class FaultRules<Subject, Effect> {
  readonly #rules: Rule<Subject, Effect>[] = [];
  readonly #matchString: (subject: Subject, match: string) => boolean;

  constructor(matchString: (subject: Subject, match: string) => boolean) {
    this.#matchString = matchString;
  }

  add(match: FaultMatch<Subject>, effect: Effect, options: FaultOptions = {}): FaultRule {
    if (typeof match !== 'string' && typeof match !== 'function') {
      throw new TypeError('A fault needs a match: a string or a function of the request.');
    }
    const rule: Rule<Subject, Effect> = {
      matches: typeof match === 'string' ? (subject) => this.#matchString(subject, match) : match,
      remaining: checkTimes(options.times),
      effect,
    };
    this.#rules.push(rule);
    return {
      get remaining() {
        return rule.remaining;
      },
      remove: () => this.#drop(rule),
    };
  }

  /** Every effect whose rule matches `subject` (`all`), or the first; each use counts. */
  take(subject: Subject, all = false): Effect[] {
    const taken: Effect[] = [];
    for (const rule of [...this.#rules]) {
      if (!rule.matches(subject)) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.#drop(rule);
      taken.push(rule.effect);
      if (!all) break;
    }
    return taken;
  }

  clear(): void {
    this.#rules.length = 0;
  }

  #drop(rule: Rule<Subject, Effect>): void {
    const index = this.#rules.indexOf(rule);
    if (index !== -1) this.#rules.splice(index, 1);
  }
}

/** What a layer keeps of a hold: `stop` parks a request until the hold lets it go. */
export interface HoldControl<Subject> {
  hold: Hold<Subject>;
  stop(subject: Subject): Promise<void>;
}

/** Makes a hold whose rule is `rule` (the layer adds it to its `FaultRules` first). */
export function createHold<Subject>(rule: FaultRule, options: HoldOptions = {}): HoldControl<Subject> {
  const requests: HeldRequest<Subject>[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let released = false;

  const stop = (subject: Subject): Promise<void> => {
    if (released) return Promise.resolve();
    return new Promise<void>((resolve) => {
      requests.push({ request: subject, release: resolve });
      for (const waiter of [...waiters]) {
        if (requests.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  };

  const hold: Hold<Subject> = {
    get remaining() {
      return released ? 0 : rule.remaining;
    },
    get requests() {
      return requests;
    },
    remove: () => hold.release(),
    release: () => {
      released = true;
      rule.remove();
      for (const held of requests) held.release();
    },
    arrived: (count = 1) =>
      requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
  };
  options.until?.then(hold.release, hold.release);
  return { hold, stop };
}
