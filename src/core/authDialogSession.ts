import { AUTH_MESSAGE, parseAuthMessage, type AuthResult } from './authMessages.js';
import { TrayEmbeddedError } from './errors.js';
import { IDLE_WIZARD, WizardPopup, type WizardPopupOptions, type WizardState } from './wizardPopup.js';

export interface AuthDialogSessionOptions extends Omit<WizardPopupOptions, 'validate' | 'onReady'> {
  /**
   * Resolves to the auth-only dialog's URL with a fresh code, minted by your backend
   * (`…/external/auth/create/…` for a new authentication, `…/external/auth/edit/…` to repair one;
   * `createAuthUrlFetcher` asks our handler's `auth-url` route).
   */
  getAuthUrl: () => Promise<string> | string;
  /** The dialog created or edited an authentication (`tray.authpopup.finish`). */
  onFinish?: (result: AuthResult) => void;
  /** `cancel`: the dialog's own close (`tray.authpopup.close`); `closed`: its window or our dialog was closed first. */
  onClose?: (reason: 'cancel' | 'closed') => void;
  onError?: (error: TrayEmbeddedError) => void;
  /**
   * Tray's enhanced session security: the dialog asks for the account (`tray.authpopup.accountIdRequest`)
   * and is answered with this, to its exact origin. Without it, the request goes unanswered.
   */
  accountId?: string;
  /**
   * As for the wizard, but off by default: Tray's auth dialog says nothing until it ends, so
   * silence means nothing. @default 0
   */
  noResponseMs?: number;
}

const silentByDefault = (options: AuthDialogSessionOptions) => ({ ...options, noResponseMs: options.noResponseMs ?? 0 });

/**
 * Tray's auth-only dialog: connects or repairs one authentication without the whole wizard.
 * The same driver as the wizard (`WizardPopup`: popup or in-page dialog, exact origin and
 * source, one ending, everything removed after), speaking the dialog's `tray.authpopup.*`
 * messages. Framework-agnostic; `useAuthDialog` binds it to React.
 */
export class AuthDialogSession extends WizardPopup<WizardState, AuthDialogSessionOptions> {
  constructor(options: AuthDialogSessionOptions) {
    super(IDLE_WIZARD, silentByDefault(options));
  }

  override setOptions(options: AuthDialogSessionOptions): void {
    super.setOptions(silentByDefault(options));
  }

  protected wizardUrl() {
    return this.options.getAuthUrl();
  }

  protected wizardChanged(wizard: WizardState): void {
    this.set(wizard);
  }

  // The config wizard's finish never reaches this session: `receive` reads the dialog's messages only.
  protected finished(): void {}

  protected cancelled(reason: 'cancel' | 'closed'): void {
    this.options.onClose?.(reason);
  }

  protected failed(error: TrayEmbeddedError): void {
    this.options.onError?.(error);
  }

  protected override receive(data: unknown): void {
    const message = parseAuthMessage(data);
    switch (message?.type) {
      case AUTH_MESSAGE.finish:
        this.end('finished', () => this.options.onFinish?.(message.result));
        return;
      case AUTH_MESSAGE.close:
        this.end('cancelled', () => this.cancelled('cancel'));
        return;
      case AUTH_MESSAGE.error: {
        const error = new TrayEmbeddedError('wizard_error', 'The sign-in page reported an error.', { details: message.error });
        this.end('error', () => this.failed(error), error);
        return;
      }
      case AUTH_MESSAGE.accountIdRequest:
        if (this.options.accountId !== undefined) this.reply({ type: AUTH_MESSAGE.accountIdRequest, data: this.options.accountId });
    }
  }
}
