/**
 * Every way a browser-side call of this library can fail, as one literal union the UI can
 * switch on. The enabler, the marketplace views and the partner's console all use it.
 */
export type TrayEmbeddedErrorCode =
  | 'popup_blocked'
  | 'wizard_error'
  | 'wizard_closed'
  | 'missing_values'
  /** The partner's server (`beforeEnable`) declined to activate it; `message` is the partner's. */
  | 'refused'
  | 'network'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'graphql'
  | 'invalid_wizard_url';

/**
 * The one error class of this library's browser side. `message` says what happened in words a
 * developer can act on (the UI shows its own labels); `cause` keeps the original for logs.
 */
export class TrayEmbeddedError extends Error {
  override readonly name = 'TrayEmbeddedError';
  readonly code: TrayEmbeddedErrorCode;
  /** The wizard's `data.err`, the GraphQL errors, or the handler's `error` body, when there were any. */
  readonly details: unknown;
  /** The HTTP status our server handler answered with; `undefined` when it was not reached. */
  readonly status: number | undefined;

  constructor(code: TrayEmbeddedErrorCode, message: string, options: { cause?: unknown; details?: unknown; status?: number } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.status = options.status;
  }
}
