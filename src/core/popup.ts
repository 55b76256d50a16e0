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

let popupCount = 0;

/** Features that centre the popup over the opener's window, clamped to its screen. */
export function popupFeatures(opener: Window, { width = 520, height = 720 }: PopupSize = {}): string {
  const w = Math.min(width, opener.screen?.availWidth || width);
  const h = Math.min(height, opener.screen?.availHeight || height);
  const left = Math.max(0, Math.round((opener.screenX ?? 0) + ((opener.outerWidth || w) - w) / 2));
  const top = Math.max(0, Math.round((opener.screenY ?? 0) + ((opener.outerHeight || h) - h) / 2));
  return `popup=yes,width=${w},height=${h},left=${left},top=${top}`;
}

/**
 * Opens an empty popup. Call it synchronously inside the click handler: browsers allow a
 * popup only during the user's gesture, so the URL (which needs a network round trip) is
 * set afterwards with `navigatePopup`. Returns `null` when the browser blocked it.
 * Each call gets its own window name, so two widgets on one page never share a popup.
 */
export function openBlankPopup(opener: Window, size?: PopupSize): Window | null {
  popupCount += 1;
  try {
    return opener.open('', `tray-config-wizard-${popupCount}`, popupFeatures(opener, size));
  } catch {
    // Some blockers throw instead of returning null.
    return null;
  }
}

export function navigatePopup(popup: Window, url: string): void {
  popup.location.href = url;
}

export function closePopup(popup: Window | null): void {
  try {
    if (popup && !popup.closed) popup.close();
  } catch {
    // A cross-origin window may refuse; it is no longer ours to manage.
  }
}

export function isPopupClosed(popup: Window): boolean {
  try {
    return popup.closed;
  } catch {
    return false;
  }
}

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
    if (isPopupClosed(popup)) handlers.onClosed();
  }, pollMs);
  return () => {
    opener.removeEventListener('message', listener);
    opener.clearInterval(timer);
  };
}
