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
  /** True once the enabler has put a wizard URL in the latest popup. */
  readonly isLoaded: boolean;
  restore(): void;
}

export function installFakePopup(options: { blocked?: boolean } = {}): FakePopupControl {
  const original = window.open;
  let latest: { location: { href: string } } | null = null;
  // A fresh window per open, as the browser gives: a closed one is never reused.
  const createPopup = () => {
    const popup = {
      closed: false,
      location: { href: '' },
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
    get isLoaded() {
      return Boolean(latest?.location.href);
    },
    post(data) {
      const event = new MessageEvent('message', { data, origin: new URL(latest?.location.href || SCRIPTED_WIZARD_URL).origin });
      Object.defineProperty(event, 'source', { value: latest });
      window.dispatchEvent(event);
    },
    restore() {
      window.open = original;
    },
  };
}
