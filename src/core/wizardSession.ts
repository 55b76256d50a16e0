import { TrayEmbeddedError } from './errors.js';
import { describeWizardError, readWizardMessage } from './messageGuard.js';
import { CLIENT_VALIDATION, WIZARD_MESSAGE, type ClientValidationMessage, type ValidateRequest, type ValidationErrors } from './messages.js';
import { closePopup, isPopupClosed, navigatePopup, openBlankPopup, watchPopup, type PopupSize } from './popup.js';
import { Subscribable } from './subscribable.js';
import { assertWizardUrl } from './wizardUrl.js';

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
  /** The opener window. @default globalThis.window, read when `open` is called */
  getWindow?: () => Window;
}

const IDLE: WizardState = { status: 'idle', isReady: false, error: null };

/**
 * One config wizard at a time for one widget: opens the popup, accepts only its own
 * messages, and ends in exactly one of finished, cancelled or error. Framework-agnostic;
 * `useConfigWizard` binds it to React through `subscribe`/`getSnapshot`.
 */
export class WizardSession extends Subscribable<WizardState> {
  #options: WizardSessionOptions;
  #popup: Window | null = null;
  #stopWatching: (() => void) | null = null;
  #attempt = 0;

  constructor(options: WizardSessionOptions) {
    super(IDLE);
    this.#options = options;
  }

  /** Callbacks may change every render; the latest ones are used, nothing is re-attached. */
  setOptions(options: WizardSessionOptions): void {
    this.#options = options;
  }

  /** Call synchronously in the click handler, or the browser blocks the popup. */
  open(): void {
    const current = this.getSnapshot().status;
    if ((current === 'opening' || current === 'open') && this.#popup && !isPopupClosed(this.#popup)) {
      this.#popup.focus?.();
      return;
    }
    this.#teardown(true);
    const opener = this.#window();
    const popup = openBlankPopup(opener, this.#options.popupSize);
    if (!popup) {
      this.#fail(new TrayEmbeddedError('popup_blocked', 'Your browser blocked the setup window.'));
      return;
    }
    const attempt = ++this.#attempt;
    this.#popup = popup;
    this.setSnapshot({ status: 'opening', isReady: false, error: null });
    let wizardOrigin: string | null = null;
    this.#stopWatching = watchPopup(
      opener,
      popup,
      {
        onMessage: (event) => wizardOrigin && this.#onMessage(event, wizardOrigin),
        onClosed: () => this.#end({ status: 'cancelled', isReady: false, error: closedError() }, () => this.#options.onCancel?.('closed')),
      },
      this.#options.pollMs,
    );
    void this.#navigate(attempt, popup).then((origin) => {
      wizardOrigin = origin;
    });
  }

  /** Closes the popup and returns to idle without calling any callback. Safe to call twice. */
  close(): void {
    this.#attempt += 1;
    this.#teardown(true);
    if (this.getSnapshot() !== IDLE) this.setSnapshot(IDLE);
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
    if (isPopupClosed(popup)) {
      this.#end({ status: 'cancelled', isReady: false, error: closedError() }, () => this.#options.onCancel?.('closed'));
      return null;
    }
    navigatePopup(popup, url.href);
    this.setSnapshot({ status: 'open', isReady: false, error: null });
    return url.origin;
  }

  #onMessage(event: MessageEvent, origin: string): void {
    const message = readWizardMessage(event, { origin, source: this.#popup });
    if (!message) return;
    switch (message.type) {
      case WIZARD_MESSAGE.ready:
        this.setSnapshot({ ...this.getSnapshot(), isReady: true });
        this.#options.onReady?.();
        return;
      case WIZARD_MESSAGE.validate:
        void this.#answerValidation(message.request, origin);
        return;
      case WIZARD_MESSAGE.finish:
        this.#end({ status: 'finished', isReady: false, error: null }, () => this.#options.onFinish?.());
        return;
      case WIZARD_MESSAGE.cancel:
        this.#end({ status: 'cancelled', isReady: false, error: null }, () => this.#options.onCancel?.('cancel'));
        return;
      case WIZARD_MESSAGE.error: {
        const detail = describeWizardError(message.err);
        const text = `The setup page reported a problem${detail ? `: ${detail}` : ''}.`;
        this.#fail(new TrayEmbeddedError('wizard_error', text, { details: message.err }));
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
      errors = Object.fromEntries(request.visibleValues.map((id) => [id, 'This value could not be checked. Try again.']));
    }
    if (this.#popup === popup && !isPopupClosed(popup)) post({ inProgress: false, errors });
  }

  #fail(error: TrayEmbeddedError): void {
    this.#end({ status: 'error', isReady: false, error }, () => this.#options.onError?.(error));
  }

  /** Every ending goes through here: listeners and timer removed, popup closed, one callback. */
  #end(state: WizardState, notify: () => void): void {
    this.#attempt += 1;
    this.#teardown(true);
    this.setSnapshot(state);
    notify();
  }

  #teardown(closeWindow: boolean): void {
    this.#stopWatching?.();
    this.#stopWatching = null;
    if (closeWindow) closePopup(this.#popup);
    this.#popup = null;
  }

  #window(): Window {
    return this.#options.getWindow?.() ?? window;
  }
}

function closedError(): TrayEmbeddedError {
  return new TrayEmbeddedError('wizard_closed', 'The setup window was closed before setup finished.');
}

function toUrlError(cause: unknown): TrayEmbeddedError {
  // A backend that already said why (network, unauthenticated) keeps its reason.
  if (cause instanceof TrayEmbeddedError) return cause;
  return new TrayEmbeddedError('invalid_wizard_url', 'The setup page could not be opened. Try again, or contact support if it keeps failing.', { cause });
}
