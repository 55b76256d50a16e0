import { assertWizardUrl } from './assertWizardUrl.js';
import { TrayEmbeddedError } from './errors.js';
import { isExpectedSender, parseWizardMessage } from './messageGuard.js';
import { CLIENT_VALIDATION, type ClientValidationMessage, type ValidateRequest, type ValidationErrors, type WizardReport } from './messages.js';
import type { WizardUrlRequest } from './instancePort.js';
import { openPopupSurface, type PopupSize } from './popup.js';
import type { OpenWith, Presentation, WizardSurface } from './surface.js';
import { Store } from './store.js';
import type { WizardDialogLabels } from './dialogLabels.js';
import { DEFAULT_NOT_RESPONDING } from './notRespondingLabel.js';

export type WizardStatus = 'idle' | 'opening' | 'open' | 'finished' | 'cancelled' | 'error';

export interface WizardState {
  /** `opening`: popup or dialog shown, waiting for the URL; `open`: the wizard is in it. */
  status: WizardStatus;
  /** The wizard posted `tray.configPopup.ready`. */
  isReady: boolean;
  /** No message came from the wizard within `noResponseMs` of its URL being set; cleared by the first. */
  isNotResponding: boolean;
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
  /**
   * `popup`: a window opened in the click (blocked by some browsers, severed by a host page
   * with `Cross-Origin-Opener-Policy: same-origin`). `dialog`: a modal dialog in the page with
   * the wizard in an iframe (its code is loaded on first use). @default 'popup'
   */
  presentation?: Presentation;
  popupSize?: PopupSize;
  /** The in-page dialog's texts to replace; the dialog brings the others (English). */
  dialogLabels?: Partial<WizardDialogLabels>;
  /**
   * After the URL is set, how long to wait for a first message before the state says
   * `isNotResponding` (the wizard keeps being waited for); 0 never says so. @default 20000
   */
  noResponseMs?: number;
  /** How often to check whether the popup was closed. @default 500 */
  pollMs?: number;
}

const wizardState = (status: WizardStatus, error: TrayEmbeddedError | null = null): WizardState => ({ status, isReady: false, isNotResponding: false, error });

/** The state of a wizard that is not running. */
export const IDLE_WIZARD: WizardState = wizardState('idle');

/**
 * The one driver of a Tray page shown to the user, in a popup or in the page's dialog: opens
 * the popup synchronously in the click (or the dialog), sends it to the URL, accepts only
 * messages from that URL's exact origin and that very window, answers to that origin only,
 * notices a wizard that never speaks, sees the user close it, and ends in exactly one of
 * finished, cancelled or error, with every listener and timer removed. It speaks the config
 * wizard's messages (`receive`); the auth-only dialog (`AuthDialogSession`) speaks its own
 * through the same guard and endings. What a host keeps as state, and what each ending means,
 * is its own: `WizardSession` keeps the wizard's state, `EnableFlow` the enable lifecycle.
 */
export abstract class WizardPopup<S, O extends WizardPopupOptions> extends Store<S> {
  protected options: O;
  #wizard = IDLE_WIZARD;
  #surface: WizardSurface | null = null;
  #origin: string | null = null;
  #stopListening: (() => void) | null = null;
  #silence: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #presentation: Presentation | undefined;

  constructor(state: S, options: O) {
    super(state);
    this.options = options;
  }

  /** Callbacks may change every render; the latest ones are used, nothing is re-attached. */
  setOptions(options: O): void {
    this.options = options;
  }

  /** Resolves to the page's URL, minted by the backend with a fresh authorization code. */
  protected abstract wizardUrl(request: WizardUrlRequest): Promise<string> | string;
  /** The wizard's own state changed (it always does before an ending is reported). */
  protected abstract wizardChanged(wizard: WizardState): void;
  protected abstract finished(report: WizardReport): void;
  /** `cancel`: the wizard's Cancel; `closed`: the popup or dialog was closed before finishing. */
  protected abstract cancelled(reason: 'cancel' | 'closed', report: WizardReport): void;
  protected abstract failed(error: TrayEmbeddedError, report: WizardReport): void;

  /**
   * Call synchronously in the click handler, or the browser blocks the popup. `'dialog'` (the
   * alert's "Open here") shows this and every later open of this session in the page.
   */
  open = (presentation?: OpenWith): void => {
    // Not a string: called as an event handler.
    if (typeof presentation === 'string') this.#presentation = presentation;
    // Listening: a wizard is running (while the dialog's code loads, there is no surface yet).
    if (this.#stopListening && !this.#surface?.isClosed()) {
      this.#surface?.focus();
      return;
    }
    this.#teardown();
    const attempt = this.#attempt;
    const opener = window; // read at call time: importing this module touches no global
    const onClosed = () => attempt === this.#attempt && this.#closedUnfinished();
    let surface: WizardSurface | Promise<WizardSurface> | null;
    if ((this.#presentation ?? this.options.presentation) === 'dialog') {
      // Read now, not when the dialog's code has loaded; the dialog brings its own texts' defaults.
      const labels = { notResponding: DEFAULT_NOT_RESPONDING, ...this.options.dialogLabels };
      surface = import('./wizardDialog.js').then((dialog) => dialog.openWizardDialog(opener, labels, onClosed));
    } else {
      surface = this.#surface = openPopupSurface(opener, this.options.popupSize, onClosed, this.options.pollMs);
      if (!surface) {
        this.#fail(new TrayEmbeddedError('popup_blocked', 'The setup window was blocked. Allow pop-ups, or open it in the page.'));
        return;
      }
    }
    this.#change(wizardState('opening'));
    const listener = (event: MessageEvent) => this.#onMessage(event);
    opener.addEventListener('message', listener);
    this.#stopListening = () => opener.removeEventListener('message', listener);
    void this.#navigate(attempt, surface);
  };

  /** Closes the popup or dialog and returns to idle without reporting an ending. Safe to call twice. */
  close = (): void => {
    this.#teardown();
    this.#change(IDLE_WIZARD);
  };

  /**
   * A message from the page's own window and exact origin, in the config wizard's protocol.
   * The auth-only dialog overrides it with its own; both end through `end`.
   */
  protected receive(data: unknown): void {
    const message = parseWizardMessage(data);
    const about = message && 'solutionInstanceId' in message && message.solutionInstanceId ? { solutionInstanceId: message.solutionInstanceId } : {};
    switch (message?.type) {
      case 'tray.configPopup.ready':
        this.#change({ ...this.#wizard, isReady: true });
        this.options.onReady?.();
        return;
      case 'tray.configPopup.validate':
        void this.#answerValidation(message.request);
        return;
      case 'tray.configPopup.finish':
        this.end('finished', () => this.finished(about));
        return;
      case 'tray.configPopup.cancel':
        this.end('cancelled', () => this.cancelled('cancel', about));
        return;
      case 'tray.configPopup.error':
        // The wizard's own words are in `details` (describeWizardError reads them).
        this.#fail(new TrayEmbeddedError('wizard_error', 'The wizard reported an error.', { details: message.err }), about);
    }
  }

  /** Posts to the page shown, at its exact origin, never `'*'`. */
  protected reply(message: unknown): void {
    if (this.#origin && !this.#surface?.isClosed()) this.#surface?.window.postMessage(message, this.#origin);
  }

  /** Every ending goes through here: listeners and timers removed, surface closed, one report. */
  protected end(status: WizardStatus, report: () => void, error: TrayEmbeddedError | null = null): void {
    this.#teardown();
    this.#change(wizardState(status, error));
    report();
  }

  #change(wizard: WizardState): void {
    if (wizard === this.#wizard) return;
    this.#wizard = wizard;
    this.#surface?.show?.(wizard);
    this.wizardChanged(wizard);
  }

  async #navigate(attempt: number, pending: WizardSurface | Promise<WizardSurface>): Promise<void> {
    const isCurrent = () => attempt === this.#attempt;
    let surface: WizardSurface;
    let url: URL;
    try {
      [surface, url] = await Promise.all([
        // The dialog's code loads while the backend mints the URL; shown, Close works at once.
        // It says "Loading…" as it comes: until the URL is set, the wizard's state cannot change.
        Promise.resolve(pending).then((shown) => {
          if (isCurrent()) this.#surface = shown;
          else shown.close();
          return shown;
        }),
        // Chosen per open: a wizard opened with customValidation=true waits for our answers.
        Promise.resolve(this.wizardUrl({ customValidation: Boolean(this.options.validate) })).then(assertWizardUrl),
      ]);
    } catch (cause) {
      // A backend that already said why (network, unauthenticated, not found) keeps its reason.
      if (isCurrent()) this.#fail(cause instanceof TrayEmbeddedError ? cause : new TrayEmbeddedError('invalid_wizard_url', 'getWizardUrl failed; try again.', { cause }));
      return;
    }
    if (!isCurrent()) return;
    if (surface.isClosed()) return this.#closedUnfinished();
    this.#origin = url.origin;
    surface.navigate(url);
    this.#change(wizardState('open'));
    const silentMs = this.options.noResponseMs ?? 20_000;
    if (silentMs > 0) this.#silence = setTimeout(() => this.#change({ ...this.#wizard, isNotResponding: true }), silentMs);
  }

  #onMessage(event: MessageEvent): void {
    if (!this.#origin || !isExpectedSender(event, { origin: this.#origin, source: this.#surface?.window })) return;
    // It speaks: whatever it says, it is not silent.
    clearTimeout(this.#silence);
    if (this.#wizard.isNotResponding) this.#change({ ...this.#wizard, isNotResponding: false });
    this.receive(event.data);
  }

  /**
   * Answers `validate` to the wizard's origin only. With no validator (a wizard opened with
   * customValidation=true elsewhere), at once with no errors: it must not wait.
   */
  async #answerValidation(request: ValidateRequest): Promise<void> {
    const surface = this.#surface;
    const validate = this.options.validate;
    const post = (data: ClientValidationMessage['data']) => this.#surface === surface && this.reply({ type: CLIENT_VALIDATION, data });
    if (!validate) return void post({ inProgress: false, errors: {} });
    post({ inProgress: true });
    let errors: ValidationErrors;
    try {
      errors = { ...(await validate(request)) };
    } catch {
      // A failing validator must not let unchecked values through.
      errors = Object.fromEntries(request.visibleValues.map((id) => [id, 'Could not be checked.']));
    }
    post({ inProgress: false, errors });
  }

  #closedUnfinished(): void {
    const error = new TrayEmbeddedError('wizard_closed', 'The wizard was closed before it finished.');
    this.end('cancelled', () => this.cancelled('closed', {}), error);
  }

  #fail(error: TrayEmbeddedError, about: WizardReport = {}): void {
    this.end('error', () => this.failed(error, about), error);
  }

  /** Ends the running attempt: whatever it still awaits (the URL, the dialog's code) finds it stale. */
  #teardown(): void {
    this.#attempt += 1;
    this.#stopListening?.();
    this.#stopListening = null;
    clearTimeout(this.#silence);
    this.#surface?.close();
    this.#surface = this.#origin = null;
  }
}
