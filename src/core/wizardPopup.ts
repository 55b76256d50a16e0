import { assertWizardUrl } from './assertWizardUrl.js';
import { TrayEmbeddedError } from './errors.js';
import { readWizardMessage } from './messageGuard.js';
import { CLIENT_VALIDATION, type ClientValidationMessage, type ValidateRequest, type ValidationErrors, type WizardReport } from './messages.js';
import type { WizardUrlRequest } from './instancePort.js';
import { openBlankPopup, watchPopup, type PopupSize } from './popup.js';
import { Store } from './store.js';

export type WizardStatus = 'idle' | 'opening' | 'open' | 'finished' | 'cancelled' | 'error';

export interface WizardState {
  /** `opening`: popup open, waiting for the URL; `open`: the wizard is in the popup. */
  status: WizardStatus;
  /** The wizard posted `tray.configPopup.ready`. */
  isReady: boolean;
  /** Set with `error`, and with `cancelled` when the popup was closed unfinished (`wizard_closed`). */
  error: TrayEmbeddedError | null;
}

/** What every host of the wizard reads, at the moment it needs it. */
export interface WizardPopupOptions {
  onReady?: () => void;
  /**
   * Custom validation: errors by externalId, `{}` when valid. Given, the wizard URL is asked for
   * with `customValidation: true` (that open only), and each step waits for this answer.
   */
  validate?: (request: ValidateRequest) => ValidationErrors | Promise<ValidationErrors>;
  popupSize?: PopupSize;
  /** How often to check whether the popup was closed. @default 500 */
  pollMs?: number;
}

const wizardState = (status: WizardStatus, error: TrayEmbeddedError | null = null): WizardState => ({ status, isReady: false, error });

/** The state of a wizard that is not running. */
export const IDLE_WIZARD: WizardState = wizardState('idle');

/**
 * The one module that drives the wizard window: opens the popup synchronously in the click,
 * sends it to the URL, accepts only its own messages, answers validation to its origin only,
 * polls `closed`, and ends in exactly one of finished, cancelled or error, with every listener
 * and timer removed. What a host keeps as state, and what each ending means, is its own:
 * `WizardSession` keeps the wizard's state, `EnableFlow` the enable lifecycle around it.
 */
export abstract class WizardPopup<S, O extends WizardPopupOptions> extends Store<S> {
  protected options: O;
  #wizard = IDLE_WIZARD;
  #popup: Window | null = null;
  #stopWatching: (() => void) | null = null;
  #attempt = 0;

  constructor(state: S, options: O) {
    super(state);
    this.options = options;
  }

  /** Callbacks may change every render; the latest ones are used, nothing is re-attached. */
  setOptions(options: O): void {
    this.options = options;
  }

  /** Resolves to the wizard URL, minted by the backend with a fresh authorization code. */
  protected abstract wizardUrl(request: WizardUrlRequest): Promise<string> | string;
  /** The wizard's own state changed (it always does before an ending is reported). */
  protected abstract wizardChanged(wizard: WizardState): void;
  protected abstract finished(report: WizardReport): void;
  /** `cancel`: the wizard's Cancel; `closed`: the popup was closed before finishing. */
  protected abstract cancelled(reason: 'cancel' | 'closed', report: WizardReport): void;
  protected abstract failed(error: TrayEmbeddedError, report: WizardReport): void;

  /** Call synchronously in the click handler, or the browser blocks the popup. */
  open = (): void => {
    // #popup is set only while a wizard is opening or open.
    if (this.#popup && !this.#popup.closed) {
      this.#popup.focus?.();
      return;
    }
    this.#teardown();
    const opener = window; // read at call time: importing this module touches no global
    const popup = openBlankPopup(opener, this.options.popupSize);
    if (!popup) {
      this.#fail(new TrayEmbeddedError('popup_blocked', 'The setup window was blocked. Allow pop-ups, or use Enable.'));
      return;
    }
    const attempt = ++this.#attempt;
    this.#popup = popup;
    this.#change(wizardState('opening'));
    let wizardOrigin: string | null = null;
    this.#stopWatching = watchPopup(
      opener,
      popup,
      {
        onMessage: (event) => wizardOrigin && this.#onMessage(event, wizardOrigin),
        onClosed: () => this.#closedUnfinished(),
      },
      this.options.pollMs,
    );
    void this.#navigate(attempt, popup).then((origin) => {
      wizardOrigin = origin;
    });
  };

  /** Closes the popup and returns to idle without reporting an ending. Safe to call twice. */
  close = (): void => {
    this.#attempt += 1;
    this.#teardown();
    this.#change(IDLE_WIZARD);
  };

  #change(wizard: WizardState): void {
    if (wizard !== this.#wizard) this.wizardChanged((this.#wizard = wizard));
  }

  async #navigate(attempt: number, popup: Window): Promise<string | null> {
    let url: URL;
    try {
      // Chosen per open: a wizard opened with customValidation=true waits for our answers.
      url = assertWizardUrl(await this.wizardUrl({ customValidation: Boolean(this.options.validate) }));
    } catch (cause) {
      // A backend that already said why (network, unauthenticated, not found) keeps its reason.
      if (attempt === this.#attempt) {
        this.#fail(cause instanceof TrayEmbeddedError ? cause : new TrayEmbeddedError('invalid_wizard_url', 'getWizardUrl failed; try again.', { cause }));
      }
      return null;
    }
    if (attempt !== this.#attempt) return null;
    if (popup.closed) {
      this.#closedUnfinished();
      return null;
    }
    popup.location.href = url.href;
    this.#change(wizardState('open'));
    return url.origin;
  }

  #onMessage(event: MessageEvent, origin: string): void {
    const message = readWizardMessage(event, { origin, source: this.#popup });
    switch (message?.type) {
      case 'tray.configPopup.ready':
        this.#change({ ...this.#wizard, isReady: true });
        this.options.onReady?.();
        return;
      case 'tray.configPopup.validate':
        void this.#answerValidation(message.request, origin);
        return;
      case 'tray.configPopup.finish':
        this.#end(wizardState('finished'), () => this.finished(report(message)));
        return;
      case 'tray.configPopup.cancel':
        this.#end(wizardState('cancelled'), () => this.cancelled('cancel', report(message)));
        return;
      case 'tray.configPopup.error':
        // The wizard's own words are in `details` (describeWizardError reads them).
        this.#fail(new TrayEmbeddedError('wizard_error', 'The wizard reported an error.', { details: message.err }), report(message));
    }
  }

  /**
   * Answers `validate` to the wizard's origin only, never `'*'`. With no validator (a wizard
   * opened with customValidation=true elsewhere), at once with no errors: it must not wait.
   */
  async #answerValidation(request: ValidateRequest, origin: string): Promise<void> {
    const popup = this.#popup!;
    const validate = this.options.validate;
    const post = (data: ClientValidationMessage['data']) => popup.postMessage({ type: CLIENT_VALIDATION, data }, origin);
    if (!validate) return post({ inProgress: false, errors: {} });
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
    this.#end(wizardState('cancelled', error), () => this.cancelled('closed', {}));
  }

  #fail(error: TrayEmbeddedError, about: WizardReport = {}): void {
    this.#end(wizardState('error', error), () => this.failed(error, about));
  }

  /** Every ending goes through here: listeners and timer removed, popup closed, one report. */
  #end(wizard: WizardState, report: () => void): void {
    this.#attempt += 1;
    this.#teardown();
    this.#change(wizard);
    report();
  }

  #teardown(): void {
    this.#stopWatching?.();
    this.#stopWatching = null;
    this.#popup?.close();
    this.#popup = null;
  }
}

/** The report part of a finish, cancel or error message. */
const report = ({ solutionInstanceId }: WizardReport): WizardReport => (solutionInstanceId ? { solutionInstanceId } : {});
