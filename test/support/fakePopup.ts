import { afterEach, beforeEach, expect, vi } from 'vitest';

export const WIZARD_ORIGIN = 'https://embedded.tray.io';
export const WIZARD_URL = `${WIZARD_ORIGIN}/external/solutions/acme/configure/si-1?code=abc`;

/** A stand-in for the popup window: what our code reads and calls, and nothing more. */
export function createFakePopup() {
  const popup = {
    closed: false,
    location: { href: '' },
    close: vi.fn(() => {
      popup.closed = true;
    }),
    focus: vi.fn(),
    postMessage: vi.fn(),
  };
  return popup;
}
export type FakePopup = ReturnType<typeof createFakePopup>;

/** Makes `window.open` return `popup` (or null: blocked) and records the calls. */
export function stubWindowOpen(popup: FakePopup | null) {
  return vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
}

/** A fresh fake popup, the one `window.open` returns from now on (the user opens it again). */
export function nextPopup(): FakePopup {
  const popup = createFakePopup();
  stubWindowOpen(popup);
  return popup;
}

/**
 * jsdom delivers `window.postMessage` with `origin: ''`, so tests build the event by hand;
 * `source` is set on the instance because jsdom's constructor accepts only real windows.
 */
export function postFromWizard(data: unknown, { origin = WIZARD_ORIGIN, source }: { origin?: string; source: unknown }) {
  const event = new MessageEvent('message', { data, origin });
  Object.defineProperty(event, 'source', { value: source });
  window.dispatchEvent(event);
}

/** Counts `message` listeners on window through add/removeEventListener spies. */
export function trackMessageListeners() {
  const live = new Set<unknown>();
  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  vi.spyOn(window, 'addEventListener').mockImplementation((type: string, listener: any, options?: any) => {
    if (type === 'message') live.add(listener);
    add(type, listener, options);
  });
  vi.spyOn(window, 'removeEventListener').mockImplementation((type: string, listener: any, options?: any) => {
    if (type === 'message') live.delete(listener);
    remove(type, listener, options);
  });
  return { get count() { return live.size; } };
}

export type MessageListeners = ReturnType<typeof trackMessageListeners>;

/**
 * The set-up of a file of core popup tests: before each test, fake timers, a fresh fake popup
 * that `window.open` returns, and a count of `message` listeners from the start; real timers
 * after it. Read `popup` and `listeners` through the object returned: each test has its own.
 */
export function fakePopupEachTest() {
  let popup: FakePopup;
  let listeners: MessageListeners;
  const renew = () => (popup = nextPopup());
  beforeEach(() => {
    vi.useFakeTimers();
    renew();
    listeners = trackMessageListeners();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return {
    /** The popup `window.open` returns now. */
    get popup() {
      return popup;
    },
    get listeners() {
      return listeners;
    },
    /** A fresh popup for the next `window.open`, as when the user opens the wizard again. */
    renew,
  };
}

/**
 * A fresh window for one run of a property test: `window.open` returns a new fake popup each
 * time (recorded in `popups`), or null once after `blockNextPopup()`, and message listeners
 * are counted from zero. Each run makes its own, so a run that failed half-way (its wizard
 * left open) cannot make the runs fast-check uses to shrink the failure fail for its reason.
 */
export function freshWindow() {
  vi.restoreAllMocks();
  const popups: FakePopup[] = [];
  let blockNext = false;
  vi.spyOn(window, 'open').mockImplementation(() => {
    if (blockNext) {
      blockNext = false;
      return null;
    }
    const popup = createFakePopup();
    popups.push(popup);
    return popup as unknown as Window;
  });
  const listeners = trackMessageListeners();
  return {
    popups,
    listeners,
    blockNextPopup: () => void (blockNext = true),
    /** The user closes the popup opened last; the driver's poll (`pollMs: 500`) notices. */
    async closeLastPopup() {
      const popup = popups.at(-1);
      if (popup) popup.closed = true;
      await vi.advanceTimersByTimeAsync(500);
    },
    /** Never more than one listener; once the driver shows nothing, none, and every popup closed. */
    expectNothingLeftUnless(showing: boolean) {
      expect(listeners.count).toBeLessThanOrEqual(1);
      if (showing) return;
      expect(listeners.count).toBe(0);
      for (const popup of popups) expect(popup.closed).toBe(true);
    },
  };
}

/**
 * Runs one property run's `steps` against `driver`, then closes it and checks nothing listens.
 * A run that fails is closed too, so the runs fast-check shrinks it with start clean.
 */
export async function runThenClose<T>(driver: { close(): void }, listeners: MessageListeners, steps: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await steps();
  } finally {
    driver.close();
  }
  expect(listeners.count).toBe(0);
  return result;
}

/** Lets every settled promise run its callbacks (fake timers leave microtasks alone). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
