import { TrayEmbeddedError } from './errors.js';
import { readWizardMessage } from './messageGuard.js';
import { CLIENT_VALIDATION, type ClientValidationMessage, type ValidateRequest, type ValidationErrors } from './messages.js';
import { openBlankPopup, watchPopup, type PopupSize } from './popup.js';
import { assertWizardUrl } from './assertWizardUrl.js';

export type WizardStatus = 'idle' | 'opening' | 'open' | 'finished' | 'cancelled' | 'error';

export interface WizardState {
  /** `opening`: popup open, waiting for the URL; `open`: the wizard is in the popup. */
  status: WizardStatus;
  /** The wizard posted `tray.configPopup.ready`. */
  isReady: boolean;
  /** Set with `error`, and with `cancelled` when the popup was closed unfinished (`wizard_closed`). */
  error: TrayEmbeddedError | null;
}

export interface WizardSessionOptions {
  /** Resolves to the wizard URL, minted by the backend with a fresh authorization code. */
  getWizardUrl: () => Promise<string> | string;
  onFinish?: () => void;
  /** `cancel`: the wizard's Cancel; `closed`: the popup was closed before finishing. */
  onCancel?: (reason: 'cancel' | 'closed') => void;
  onError?: (error: TrayEmbeddedError) => void;
  onReady?: () => void;
  /** Custom validation (`customValidation=true`): errors by externalId, `{}` when valid. */
  validate?: (request: ValidateRequest) => ValidationErrors | Promise<ValidationErrors>;
  popupSize?: PopupSize;
  /** How often to check whether the popup was closed. @default 500 */
  pollMs?: number;
}

const state = (status: WizardStatus, error: TrayEmbeddedError | null = null): WizardState => ({ status, isReady: false, error });
const IDLE = state('idle');

/**
 * One config wizard at a time for one widget: opens the popup, accepts only its own
 * messages, and ends in exactly one of finished, cancelled or error. Framework-agnostic;
 * `useConfigWizard` binds it to React through `subscribe`/`getSnapshot`.
 */
export class WizardSession {
  #listeners = new Set<() => void>();
  #state = IDLE;
  #options: WizardSessionOptions;
  #popup: Window | null = null;
  #stopWatching: (() => void) | null = null;
  #attempt = 0;

  constructor(options: WizardSessionOptions) {
    this.#options = options;
  }

  /** For `useSyncExternalStore`: returns its own undo. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The same object until the next change. */
  getSnapshot = (): WizardState => this.#state;

  /** Callbacks may change every render; the latest ones are used, nothing is re-attached. */
  setOptions(options: WizardSessionOptions): void {
    this.#options = options;
  }

  /** Call synchronously in the click handler, or the browser blocks the popup. */
  open = (): void => {
    // #popup is set only while a wizard is opening or open.
    if (this.#popup && !this.#popup.closed) {
      this.#popup.focus?.();
      return;
    }
    this.#teardown();
    const opener = window; // read at call time: importing this module touches no global
    const popup = openBlankPopup(opener, this.#options.popupSize);
    if (!popup) {
      this.#fail(new TrayEmbeddedError('popup_blocked', 'The setup window was blocked. Allow pop-ups, or use Enable.'));
      return;
    }
    const attempt = ++this.#attempt;
    this.#popup = popup;
    this.#set(state('opening'));
    let wizardOrigin: string | null = null;
    this.#stopWatching = watchPopup(
      opener,
      popup,
      {
        onMessage: (event) => wizardOrigin && this.#onMessage(event, wizardOrigin),
        onClosed: () => this.#closedUnfinished(),
      },
      this.#options.pollMs,
    );
    void this.#navigate(attempt, popup).then((origin) => {
      wizardOrigin = origin;
    });
  };

  /** Closes the popup and returns to idle without calling any callback. Safe to call twice. */
  close = (): void => {
    this.#attempt += 1;
    this.#teardown();
    this.#set(IDLE);
  };

  #set(state: WizardState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#listeners.forEach((listener) => listener());
  }

  async #navigate(attempt: number, popup: Window): Promise<string | null> {
    let url: URL;
    try {
      url = assertWizardUrl(await this.#options.getWizardUrl());
    } catch (cause) {
      if (attempt === this.#attempt) this.#fail(toUrlError(cause));
      return null;
    }
    if (attempt !== this.#attempt) return null;
    if (popup.closed) {
      this.#closedUnfinished();
      return null;
    }
    popup.location.href = url.href;
    this.#set(state('open'));
    return url.origin;
  }

  #onMessage(event: MessageEvent, origin: string): void {
    const message = readWizardMessage(event, { origin, source: this.#popup });
    if (!message) return;
    switch (message.type) {
      case 'tray.configPopup.ready':
        this.#set({ ...this.#state, isReady: true });
        this.#options.onReady?.();
        return;
      case 'tray.configPopup.validate':
        void this.#answerValidation(message.request, origin);
        return;
      case 'tray.configPopup.finish':
        this.#end(state('finished'), () => this.#options.onFinish?.());
        return;
      case 'tray.configPopup.cancel':
        this.#end(state('cancelled'), () => this.#options.onCancel?.('cancel'));
        return;
      case 'tray.configPopup.error': {
        // The wizard's own words are in `details` (describeWizardError reads them).
        this.#fail(new TrayEmbeddedError('wizard_error', 'The wizard reported an error.', { details: message.err }));
        return;
      }
    }
  }

  /** Answers `validate` to the wizard's origin only, never `'*'`. */
  async #answerValidation(request: ValidateRequest, origin: string): Promise<void> {
    const popup = this.#popup;
    const validate = this.#options.validate;
    if (!popup || !validate) return;
    const post = (data: ClientValidationMessage['data']) => popup.postMessage({ type: CLIENT_VALIDATION, data }, origin);
    post({ inProgress: true });
    let errors: ValidationErrors;
    try {
      errors = { ...(await validate(request)) };
    } catch {
      // A failing validator must not let unchecked values through.
      errors = Object.fromEntries(request.visibleValues.map((id) => [id, 'Could not be checked.']));
    }
    if (this.#popup === popup && !popup.closed) post({ inProgress: false, errors });
  }

  #closedUnfinished(): void {
    const error = new TrayEmbeddedError('wizard_closed', 'The wizard was closed before it finished.');
    this.#end(state('cancelled', error), () => this.#options.onCancel?.('closed'));
  }

  #fail(error: TrayEmbeddedError): void {
    this.#end(state('error', error), () => this.#options.onError?.(error));
  }

  /** Every ending goes through here: listeners and timer removed, popup closed, one callback. */
  #end(state: WizardState, notify: () => void): void {
    this.#attempt += 1;
    this.#teardown();
    this.#set(state);
    notify();
  }

  #teardown(): void {
    this.#stopWatching?.();
    this.#stopWatching = null;
    this.#popup?.close();
    this.#popup = null;
  }
}

function toUrlError(cause: unknown): TrayEmbeddedError {
  // A backend that already said why (network, unauthenticated) keeps its reason.
  if (cause instanceof TrayEmbeddedError) return cause;
  return new TrayEmbeddedError('invalid_wizard_url', 'getWizardUrl failed; try again.', { cause });
}
