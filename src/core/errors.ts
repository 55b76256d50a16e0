/** Every way the enable flow can fail, as one literal union the UI can switch on. */
export type TrayEmbeddedErrorCode =
  | 'popup_blocked'
  | 'wizard_error'
  | 'wizard_closed'
  | 'missing_values'
  | 'network'
  | 'unauthenticated'
  | 'graphql'
  | 'invalid_wizard_url';

/**
 * The one error class of this library. `message` says what happened and what to do next,
 * in words an end user understands; `cause` keeps the original for logs.
 */
export class TrayEmbeddedError extends Error {
  override readonly name = 'TrayEmbeddedError';
  readonly code: TrayEmbeddedErrorCode;
  /** The wizard's `data.err`, or the GraphQL errors, when there were any. */
  readonly details: unknown;

  constructor(code: TrayEmbeddedErrorCode, message: string, options: { cause?: unknown; details?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}
