/**
 * The popup surface: the only module that touches `window.open` and the `closed` poll. Every
 * function reaches the window it is given, never a global at import time.
 */
import type { WizardSurface } from './surface.js';

export interface PopupSize {
  /** @default 520 */
  width?: number;
  /** @default 720 */
  height?: number;
}

/**
 * Opens an empty popup. Call it synchronously inside the click handler: browsers allow a
 * popup only during the user's gesture, so the URL (which needs a network round trip) is
 * set afterwards. Returns `null` when the browser blocked it.
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
 * A blank popup as a `WizardSurface`, or `null` when the browser blocked it. `onClosed` is
 * called (every `pollMs` until the surface is closed) once the user closed the window: a
 * cross-origin popup gives no `unload` event we may observe, so closing it is only visible
 * through `closed`.
 */
export function openPopupSurface(opener: Window, size: PopupSize | undefined, onClosed: () => void, pollMs = 500): WizardSurface | null {
  const popup = openBlankPopup(opener, size);
  if (!popup) return null;
  const timer = opener.setInterval(() => popup.closed && onClosed(), pollMs);
  return {
    window: popup,
    navigate: (url) => void (popup.location.href = url.href),
    focus: () => popup.focus?.(),
    isClosed: () => popup.closed,
    close() {
      opener.clearInterval(timer);
      popup.close();
    },
  };
}
