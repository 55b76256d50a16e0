/** How a listing API call failed, as one literal union the UI can switch on. */
export type ListingApiErrorCode = 'bad_request' | 'forbidden' | 'not_found' | 'network' | 'server';

export interface ListingApiErrorOptions {
  /** The HTTP status, when the server answered. */
  status?: number;
  /** The server's own message (the `error` field of a 400 body). */
  serverMessage?: string;
  /** The parsed response body, when there was one. */
  body?: unknown;
  /** Which request failed, e.g. `{ method: 'PATCH', path: '/developer/solutions/versions/1' }`. */
  request?: { method: string; path: string };
  cause?: unknown;
}

/**
 * The one error the listing client throws. `message` says what happened and what to do
 * next; `serverMessage` keeps the API's own words for display or logs.
 */
export class ListingApiError extends Error {
  override readonly name = 'ListingApiError';
  readonly code: ListingApiErrorCode;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly body: unknown;
  readonly request: { method: string; path: string } | undefined;

  constructor(code: ListingApiErrorCode, message: string, options: ListingApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.serverMessage = options.serverMessage;
    this.body = options.body;
    this.request = options.request;
  }
}

export function isListingApiError(value: unknown): value is ListingApiError {
  return value instanceof ListingApiError;
}

/** Maps a non-2xx answer to the error a person can act on. */
export function errorFromResponse(
  status: number,
  body: unknown,
  request: { method: string; path: string },
): ListingApiError {
  const serverMessage = readServerMessage(body);
  const said = serverMessage ? `: ${serverMessage}` : '';
  const options = { status, serverMessage, body, request };
  switch (status) {
    case 400:
      return new ListingApiError(
        'bad_request',
        `The listing API refused the request${said}. Correct the listing and save again.`,
        options,
      );
    case 403:
      return new ListingApiError(
        'forbidden',
        `The listing API refused access${said}. Check that the access token belongs to a member of the solution's organization with the right role.`,
        options,
      );
    case 404:
      return new ListingApiError('not_found', `The solution version was not found${said}. Check the solution version id.`, options);
    default:
      return new ListingApiError('server', `The listing API answered ${status}${said}. Try again in a moment.`, options);
  }
}

function readServerMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body.slice(0, 500);
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown; message?: unknown }).error ?? (body as { message?: unknown }).message;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return undefined;
}
