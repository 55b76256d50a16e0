/**
 * Stands in for the wizard popup in the scripted stories: `window.open` returns an object
 * with what the enabler touches (closed, location, close, focus, postMessage), so a story can
 * show "Waiting for the wizard…" or a wizard error without opening a real window. Messages
 * are dispatched from the wizard's origin with the fake popup as their source, exactly what
 * the enabler's guard checks.
 */
export const SCRIPTED_WIZARD_URL = 'https://embedded.tray.io/external/solutions/demo/configure/si-demo?code=scripted';

export interface FakePopupControl {
  post(data: unknown): void;
  restore(): void;
}

export function installFakePopup(options: { blocked?: boolean } = {}): FakePopupControl {
  const original = window.open;
  const popup = {
    closed: false,
    location: { href: '' },
    close() {
      popup.closed = true;
    },
    focus() {},
    postMessage() {},
  };
  window.open = () => (options.blocked ? null : (popup as unknown as Window));
  return {
    post(data) {
      const event = new MessageEvent('message', { data, origin: new URL(SCRIPTED_WIZARD_URL).origin });
      Object.defineProperty(event, 'source', { value: popup });
      window.dispatchEvent(event);
    },
    restore() {
      window.open = original;
    },
  };
}
