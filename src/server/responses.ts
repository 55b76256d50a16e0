/**
 * The handler's one error type and the JSON responses it becomes. Every refusal is
 * `{ error: { code, message } }` with a message that says what happened and what to do;
 * nothing else (no stack, no upstream headers, no token) ever reaches the browser.
 */

/** Every `error.code` the handler can answer with. */
export type TrayHandlerErrorCode =
  | 'not_found'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'forbidden'
  | 'forbidden_origin'
  | 'forbidden_operation'
  | 'invalid_json'
  | 'invalid_request'
  | 'batch_not_supported'
  | 'graphql_syntax_error'
  | 'limit_exceeded'
  | 'payload_too_large'
  | 'request_timeout'
  | 'request_cancelled'
  | 'rate_limited'
  | 'upstream_timeout'
  | 'upstream_too_large'
  | 'upstream_unreachable'
  | 'upstream_invalid_response'
  | 'upstream_unauthorized'
  | 'upstream_error'
  | 'internal_error';

/** Thrown anywhere inside the handler; `createTrayHandler` turns it into a JSON response. */
export class TrayHandlerError extends Error {
  override readonly name = 'TrayHandlerError';

  readonly status: number;
  readonly code: TrayHandlerErrorCode;
  /** Extra response headers, e.g. `Allow` on a 405 or `Retry-After` on a 429. */
  readonly headers: Record<string, string>;

  constructor(status: number, code: TrayHandlerErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

const BASE_HEADERS = {
  // Answers depend on who asks; no cache may keep or share them.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A JSON response with the handler's base headers. */
export function jsonResponse(
  status: number,
  body: unknown,
  options: { headers?: Record<string, string>; contentType?: string } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...BASE_HEADERS,
      'content-type': options.contentType ?? 'application/json; charset=utf-8',
      ...options.headers,
    },
  });
}

/**
 * Content type for bodies that are GraphQL results (`{ data, errors }`). Apollo Client's
 * HttpLink parses this media type whatever the status, so the browser can still read
 * `errors` on a 429; with plain `application/json` it throws a ServerError on non-2xx.
 */
export const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

export function errorResponse(error: TrayHandlerError): Response {
  return jsonResponse(
    error.status,
    { error: { code: error.code, message: error.message } },
    { headers: error.headers },
  );
}

/** The 500 for anything unexpected: the details go to the logger, never to the browser. */
export function internalErrorResponse(): Response {
  return errorResponse(
    new TrayHandlerError(
      500,
      'internal_error',
      'The Tray integration handler failed unexpectedly. Try again; if it keeps failing, check the server logs.',
    ),
  );
}
