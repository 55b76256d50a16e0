import { TrayHandlerError } from './responses.js';

/**
 * Bounded waits. Every wait the handler does on something it does not control (Tray, the
 * request body, `getUser`, the token store) goes through `bounded`, which stops waiting after
 * `ms`, or when `signal` (the incoming request's) aborts, even if the work ignores it, and
 * tells the work through `onStop` so it can let go (cancel a stream, abort a fetch).
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
  const outer = options.signal;
  if (outer?.aborted) return Promise.reject(clientGone());
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let listeners: Array<(reason: Error) => void> | undefined;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    };
    const stop = (reason: Error) => {
      if (settled) return;
      finish();
      reject(reason);
      listeners?.forEach((listener) => listener(reason));
    };
    const onOuterAbort = () => stop(clientGone());
    const timer = setTimeout(() => stop(options.onTimeout()), options.ms);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    const onStop: OnStop = (listener) => {
      (listeners ??= []).push(listener);
    };
    let result: T | Promise<T>;
    const fail = (error: unknown) => {
      if (settled) return;
      finish();
      reject(error as Error);
    };
    try {
      result = work(onStop);
    } catch (error) {
      fail(error);
      return;
    }
    Promise.resolve(result).then((value) => {
      if (settled) return;
      finish();
      resolve(value);
    }, fail);
  });
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
