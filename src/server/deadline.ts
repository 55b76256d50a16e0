import { TrayHandlerError } from './responses.js';

/**
 * Bounded waits. Every wait the handler does on something it does not control (Tray, the
 * request body, `getUser`, the token store) goes through `bounded`, which stops waiting after
 * `ms`, or when `signal` (the incoming request's) aborts (watched from 100 ms into the wait),
 * even if the work ignores it, and tells the work through `onStop` so it can let go (cancel a
 * stream, abort a fetch).
 *
 * No `AbortController` is made here: on Node 20 each one costs more than the rest of a
 * request's bookkeeping, so only the fetch to Tray, which needs a real signal, makes one.
 */

/** The client went away (its request's signal aborted) before we answered. */
export function clientGone(): TrayHandlerError {
  return new TrayHandlerError(499, 'request_cancelled', 'The client closed the request before it was answered.');
}

export interface BoundedOptions {
  /** Give up after this long. */
  ms: number;
  /** The incoming request's signal, when a client leaving should stop the work too. */
  signal?: AbortSignal | undefined;
  /** The error to throw when `ms` runs out. */
  onTimeout: () => Error;
}

/** Lets bounded work hear that nobody waits for it any more, and why. */
export type OnStop = (listener: (reason: Error) => void) => void;

export function bounded<T>(work: (onStop: OnStop) => T | Promise<T>, options: BoundedOptions): Promise<T> {
  if (options.signal?.aborted) return Promise.reject(clientGone());
  return new Promise<T>((resolve, reject) => new BoundedWait(work, options, resolve, reject));
}

// A client's signal is watched only once the work has run this long: nearly every call is
// over sooner, and listening to a request's signal costs more than the rest of the wait.
const WATCH_CLIENT_AFTER_MS = 100;

/**
 * One bounded wait. A class rather than closures: this runs several times per request, and
 * its timer and signal listener need no function of their own (`setTimeout`'s argument,
 * `handleEvent`).
 */
class BoundedWait<T> {
  #settled = false;
  #watching = false;
  #listeners: Array<(reason: Error) => void> | undefined;
  #timer: Parameters<typeof clearTimeout>[0];

  constructor(
    work: (onStop: OnStop) => T | Promise<T>,
    readonly options: BoundedOptions,
    readonly resolve: (value: T) => void,
    readonly reject: (error: Error) => void,
  ) {
    const watchLater = options.signal !== undefined && options.ms > WATCH_CLIENT_AFTER_MS;
    this.#timer = setTimeout(onTimer, watchLater ? WATCH_CLIENT_AFTER_MS : options.ms, this);
    if (options.signal && !watchLater) this.#watch();
    let result: T | Promise<T>;
    try {
      result = work(this.onStop);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (result instanceof Promise) result.then((value) => this.succeed(value), (error: unknown) => this.fail(error));
    else this.succeed(result);
  }

  readonly onStop: OnStop = (listener) => {
    (this.#listeners ??= []).push(listener);
  };

  /** The timer: first (with a client signal) time to start watching it, then the deadline. */
  tick(): void {
    if (this.#settled) return;
    if (this.options.signal && !this.#watching) {
      this.#timer = setTimeout(onTimer, this.options.ms - WATCH_CLIENT_AFTER_MS, this);
      this.#watch();
      return;
    }
    this.stop(this.options.onTimeout());
  }

  /** The client's signal aborted. */
  handleEvent(): void {
    this.stop(clientGone());
  }

  stop(reason: Error): void {
    if (!this.#finish()) return;
    this.reject(reason);
    this.#listeners?.forEach((listener) => listener(reason));
  }

  succeed(value: T): void {
    if (this.#finish()) this.resolve(value);
  }

  fail(error: unknown): void {
    if (this.#finish()) this.reject(error as Error);
  }

  #watch(): void {
    this.#watching = true;
    if (this.options.signal!.aborted) this.stop(clientGone());
    else this.options.signal!.addEventListener('abort', this, { once: true });
  }

  #finish(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    clearTimeout(this.#timer);
    if (this.#watching) this.options.signal?.removeEventListener('abort', this);
    return true;
  }
}

function onTimer(wait: BoundedWait<unknown>): void {
  wait.tick();
}

/**
 * `bounded`, but only when `value` is a promise: a store that answers synchronously (the
 * in-memory default) costs no timer.
 */
export function boundedIfAsync<T>(value: T | Promise<T>, options: BoundedOptions): T | Promise<T> {
  if (!(value instanceof Promise) && !isThenable(value)) return value;
  return bounded(() => value, options);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Why `signal` aborted: our own error when we aborted it, otherwise the client went away. */
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof TrayHandlerError ? signal.reason : clientGone();
}

/** Resolves with `promise`, or rejects as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/** A promise that resolves after `ms`, early-rejecting when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slept = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return untilAborted(slept, signal).finally(() => clearTimeout(timer));
}
