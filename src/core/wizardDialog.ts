/**
 * The in-page surface: a modal `<dialog>` holding an `<iframe>` at the Tray page's URL. The driver
 * loads this module with `import()` only when a page is shown in the page (an in-page dialog
 * needs no user gesture, so nothing is lost by waiting for it): an app that only uses the popup
 * never downloads it. Plain DOM, no React; the styles are `.rte-dialog` in styles.css.
 */
import { DEFAULT_DIALOG_TEXTS, type WizardDialogLabels } from './dialogLabels.js';
import type { WizardSurface } from './surface.js';
import type { WizardState } from './wizardPopup.js';

/**
 * What the frame may do: what Tray's wizard needs and nothing more. Scripts and forms run it;
 * `allow-same-origin` keeps the wizard on its own origin (with its own cookies and storage, and
 * the origin our guard checks) instead of an opaque one; OAuth consent pages open in pop-ups,
 * which escape the sandbox because providers refuse to run sandboxed. Not granted: navigating
 * the host page (`allow-top-navigation`), modal prompts, downloads, pointer lock.
 */
export const WIZARD_FRAME_SANDBOX = 'allow-scripts allow-forms allow-same-origin allow-popups allow-popups-to-escape-sandbox';

let dialogs = 0;

/**
 * Shows the dialog at once (empty, "Loading…"); `navigate` later sends its frame to the URL.
 * `given` replaces any of the dialog's own texts (their defaults load with it) and brings the hint.
 * `onClosed` is called when the user closes it: the Close button, Escape, or any other way the
 * browser closes a dialog. Focus stays inside while it is open (`showModal` makes the rest of
 * the page inert) and returns to where it was when it closes.
 */
export function openWizardDialog(opener: Window, given: Partial<WizardDialogLabels> & Pick<WizardDialogLabels, 'notResponding'>, onClosed: () => void): WizardSurface {
  const labels: WizardDialogLabels = { ...DEFAULT_DIALOG_TEXTS, ...given };
  const document = opener.document;
  const returnFocus = document.activeElement as HTMLElement | null;
  const create = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content = '') => {
    const element = document.createElement(tag);
    element.className = className;
    element.textContent = content;
    return element;
  };
  const dialog = create('dialog', 'rte-dialog');
  const header = create('div', 'rte-dialog__header');
  const title = create('h2', 'rte-dialog__title', labels.dialogTitle);
  const close = create('button', 'rte-button rte-dialog__close', labels.closeDialog);
  const status = create('p', 'rte-dialog__status', labels.dialogLoading);
  const frame = create('iframe', 'rte-dialog__frame');
  title.id = `rte-dialog-${++dialogs}`;
  dialog.setAttribute('aria-labelledby', title.id);
  close.type = 'button';
  status.setAttribute('role', 'status');
  frame.title = labels.dialogTitle;
  // Set before the frame is in the document: the sandbox applies from its first navigation.
  frame.setAttribute('sandbox', WIZARD_FRAME_SANDBOX);
  // The dialog lives at the end of <body>, outside the widget: it takes the widget's forced theme.
  const theme = returnFocus?.closest?.('[data-rte-theme]')?.getAttribute('data-rte-theme');
  if (theme) dialog.setAttribute('data-rte-theme', theme);
  header.append(title, close);
  dialog.append(header, status, frame);

  let isClosed = false;
  let isLoaded = false;
  let wizard: WizardState | null = null;
  const render = () => {
    status.textContent = wizard?.isNotResponding ? labels.notResponding : isLoaded || wizard?.isReady ? '' : labels.dialogLoading;
  };
  close.addEventListener('click', onClosed);
  // Escape: ended by the driver (closed unfinished), never left to the browser alone.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    onClosed();
  });
  dialog.addEventListener('close', () => isClosed || onClosed());
  document.body.append(dialog);
  // Browsers without showModal (and jsdom) still get an open dialog, without the inert page.
  if (dialog.showModal) dialog.showModal();
  else dialog.open = true;

  return {
    // Read at each use: browsers keep one WindowProxy across the frame's navigations, jsdom does not.
    get window() {
      return frame.contentWindow!;
    },
    navigate(url) {
      frame.addEventListener('load', () => {
        isLoaded = true;
        render();
      });
      frame.src = url.href;
    },
    focus: () => close.focus(),
    isClosed: () => isClosed,
    show(next) {
      wizard = next;
      render();
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      dialog.close?.();
      dialog.remove();
      if (returnFocus?.isConnected) returnFocus.focus();
    },
  };
}
