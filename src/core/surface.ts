import type { WizardState } from './wizardPopup.js';

/**
 * Where a Tray page is shown: a popup window (the default, `popup.ts`) or a modal dialog in the
 * host page holding an iframe (`wizardDialog.ts`, loaded only when used). Popup or dialog, the
 * one driver (`WizardPopup`) checks messages against `window` and the URL's exact origin,
 * answers to them, and ends the same way.
 */
export type Presentation = 'popup' | 'dialog';

/** What `open` takes: a presentation, or the click event when it is passed as a handler (ignored then). */
export type OpenWith = Presentation | Event | { nativeEvent: Event };

export interface WizardSurface {
  /** The window the page's messages must come from, and the one answers are posted to. */
  readonly window: Window;
  /** Sends it to the page's URL (known only after the backend answered). */
  navigate(url: URL): void;
  /** Brings it forward when the user asks to open it again. */
  focus(): void;
  /** The user closed it (the popup's window, the dialog's Close or Escape). */
  isClosed(): boolean;
  /** The wizard's state changed (ready, not responding): a surface in the page shows it. */
  show?(wizard: WizardState): void;
  /** Closes it, reporting nothing. Safe to call twice. */
  close(): void;
}
