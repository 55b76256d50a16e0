import { TrayHandlerError } from './responses.js';

/**
 * Bounded waits. Every wait the handler does on something it does not control (Tray, the
 * request body, `getUser`, the token store) goes through `bounded`, which gives the work an
 * `AbortSignal` that fires after `ms` or when `signal` (the incoming request's) aborts, and
 * stops waiting at that moment even if the work ignores its signal.
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

export async function bounded<T>(work: (signal: AbortSignal) => Promise<T> | T, options: BoundedOptions): Promise<T> {
  const controller = new AbortController();
  const outer = options.signal;
  if (outer?.aborted) throw clientGone();
  let rejectWait: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    rejectWait = reject;
  });
  const stop = (error: Error) => {
    if (controller.signal.aborted) return;
    controller.abort(error);
    rejectWait(error);
  };
  const timer = setTimeout(() => stop(options.onTimeout()), options.ms);
  const onOuterAbort = () => stop(clientGone());
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    return await Promise.race([Promise.resolve().then(() => work(controller.signal)), stopped]);
  } catch (error) {
    // Work that honoured the signal rejects with something of its own (undici: an
    // AbortError); what the caller should see is why we stopped it.
    if (controller.signal.aborted) throw controller.signal.reason as Error;
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
    // Nobody awaits `stopped` once the race is settled; keep it from being "unhandled".
    stopped.catch(() => undefined);
  }
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
