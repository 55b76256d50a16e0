/**
 * Stands in for the wizard popup in the scripted stories: `window.open` returns an object
 * with what the enabler touches (closed, location, close, focus, postMessage), so a story can
 * show "Waiting for the wizard…" or a wizard error without opening a real window. Messages
 * are dispatched from the origin of the wizard URL the enabler put in the popup (else
 * `SCRIPTED_WIZARD_URL`'s), with the fake popup as their source, exactly what the enabler's guard checks.
 */
export const SCRIPTED_WIZARD_URL = 'https://embedded.tray.io/external/solutions/demo/configure/si-demo?code=scripted';

export interface FakePopupControl {
  post(data: unknown): void;
  /** Resolves once the latest popup was sent to the wizard URL and the enabler listens to it. */
  whenWizardOpen(): Promise<void>;
  restore(): void;
}

export function installFakePopup(options: { blocked?: boolean } = {}): FakePopupControl {
  const original = window.open;
  let latest: { location: { href: string } } | null = null;
  let onNavigated = () => {};
  let navigated = new Promise<void>((resolve) => (onNavigated = resolve));
  // A fresh window per open, as the browser gives: a closed one is never reused.
  const createPopup = () => {
    let href = '';
    navigated = new Promise<void>((resolve) => (onNavigated = resolve));
    const popup = {
      closed: false,
      location: {
        get href() {
          return href;
        },
        set href(url: string) {
          href = url;
          onNavigated();
        },
      },
      close: () => {
        popup.closed = true;
      },
      focus: () => {},
      postMessage: () => {},
    };
    return popup;
  };
  window.open = () => {
    if (options.blocked) return null;
    latest = createPopup();
    return latest as unknown as Window;
  };
  return {
    post(data) {
      const event = new MessageEvent('message', { data, origin: new URL(latest?.location.href || SCRIPTED_WIZARD_URL).origin });
      Object.defineProperty(event, 'source', { value: latest });
      window.dispatchEvent(event);
    },
    // The enabler starts accepting the wizard's messages in the microtasks after it sets the
    // URL; a task later (setTimeout 0: after every pending microtask) they have all run.
    whenWizardOpen: () => navigated.then(() => new Promise((resolve) => setTimeout(resolve, 0))),
    restore() {
      window.open = original;
    },
  };
}
