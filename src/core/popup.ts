/**
 * The only module that touches `window.open`, `message` listeners and the `closed` poll.
 * Every function reaches the window it is given, never a global at import time.
 */

export interface PopupSize {
  /** @default 520 */
  width?: number;
  /** @default 720 */
  height?: number;
}

/**
 * Opens an empty popup. Call it synchronously inside the click handler: browsers allow a
 * popup only during the user's gesture, so the URL (which needs a network round trip) is
 * set afterwards with `navigatePopup`. Returns `null` when the browser blocked it.
 * The `_blank` target gives each call its own window, so two widgets on one page never share one.
 */
export function openBlankPopup(opener: Window, { width = 520, height = 720 }: PopupSize = {}): Window | null {
  // Centred over the opener's window; browsers keep the window on screen themselves.
  const left = (opener.screenX + (opener.outerWidth - width) / 2) | 0;
  const top = (opener.screenY + (opener.outerHeight - height) / 2) | 0;
  try {
    return opener.open('', '_blank', `popup,width=${width},height=${height},left=${left},top=${top}`);
  } catch {
    // Some blockers throw instead of returning null.
    return null;
  }
}

// `closed` and `close()` are among the few members a cross-origin window exposes
// (HTML spec, "CrossOriginProperties"), so neither needs a try/catch.

/**
 * Listens for `message` on `opener` and polls `popup.closed`; returns the one function that
 * removes both. The poll exists because a cross-origin popup gives no `unload` event we may
 * observe, so closing the window is only visible through `closed`.
 */
export function watchPopup(
  opener: Window,
  popup: Window,
  handlers: { onMessage: (event: MessageEvent) => void; onClosed: () => void },
  pollMs = 500,
): () => void {
  const listener = (event: MessageEvent) => handlers.onMessage(event);
  opener.addEventListener('message', listener);
  const timer = opener.setInterval(() => {
    if (popup.closed) handlers.onClosed();
  }, pollMs);
  return () => {
    opener.removeEventListener('message', listener);
    opener.clearInterval(timer);
  };
}
