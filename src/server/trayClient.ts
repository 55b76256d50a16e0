import { TrayHandlerError } from './responses.js';

/** What the handler sends to Tray's GraphQL endpoint. */
export interface GraphQLPayload {
  query: string;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
}

/** One GraphQL error as Tray reports it. */
export interface TrayGraphQLError {
  message?: unknown;
  extensions?: { code?: unknown; name?: unknown } & Record<string, unknown>;
}

/** Tray's answer: its HTTP status and its JSON body, tokens already scrubbed from it. */
export interface TrayResult {
  status: number;
  body: { data?: unknown; errors?: TrayGraphQLError[] } & Record<string, unknown>;
}

export type PostToTray = (token: string, payload: GraphQLPayload) => Promise<TrayResult>;

/**
 * Makes the one function that talks to Tray. `getFetch` is called per request so the global
 * `fetch` is looked up when used, not when this module is imported (tests and polyfills may
 * install it later). Failures become `TrayHandlerError`s with a message for the partner.
 */
export function createTrayClient(options: {
  graphqlUrl: string;
  masterToken: string;
  getFetch: () => typeof fetch;
}): PostToTray {
  return async function postToTray(token, payload) {
    let response: Response;
    try {
      response = await options.getFetch()(options.graphqlUrl, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(payload),
      });
    } catch {
      // The cause (DNS, TLS, refused connection) is not for the browser; the status says enough.
      throw new TrayHandlerError(
        502,
        'upstream_unreachable',
        'Tray could not be reached. Try again in a moment; if it persists, check the server can reach the Tray GraphQL endpoint.',
      );
    }
    const text = await response.text().catch(() => '');
    const body = parseBody(scrub(text, [token, options.masterToken])) ?? statusOnlyBody(response.status);
    if (!body) {
      throw new TrayHandlerError(
        502,
        'upstream_invalid_response',
        `Tray answered with HTTP ${response.status} and a body that is not GraphQL JSON. Try again later; if it persists, check graphqlUrl/region.`,
      );
    }
    return { status: response.status, body };
  };
}

function parseBody(text: string): TrayResult['body'] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!('data' in value) && !('errors' in value)) return undefined;
    const body = value as TrayResult['body'];
    if (body.errors !== undefined && !Array.isArray(body.errors)) return undefined;
    return body;
  } catch {
    return undefined;
  }
}

/** A 401 or 429 still means something without a JSON body; give it a GraphQL shape. */
function statusOnlyBody(status: number): TrayResult['body'] | undefined {
  if (status === 401) {
    return { data: null, errors: [{ message: 'Tray refused the token (HTTP 401).', extensions: { code: 'UNAUTHENTICATED' } }] };
  }
  if (status === 429) {
    return { data: null, errors: [{ message: 'Rate limit exceeded', extensions: { code: 'access_not_allowed' } }] };
  }
  return undefined;
}

/** Should Tray ever echo a token (say, in an error message), it stops here. */
function scrub(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && result.includes(secret)) result = result.split(secret).join('[redacted]');
  }
  return result;
}

/** Tray's rate limit: HTTP 200 with `errors[0].extensions.code === 'access_not_allowed'`, or a plain 429. */
export function isRateLimited(result: TrayResult): boolean {
  if (result.status === 429) return true;
  const first = result.body.errors?.[0];
  return (
    first?.extensions?.code === 'access_not_allowed' &&
    typeof first.message === 'string' &&
    /rate limit/i.test(first.message)
  );
}

// Codes GraphQL servers use for a missing, expired or revoked credential. Tray's exact code is
// unconfirmed, so we match the common ones (never the message text) and also HTTP 401.
// Not 'unauthorized'/'forbidden': those often mean "not yours", and retrying them would let
// any request cost an extra authorize.
const UNAUTHENTICATED_CODES = new Set(['unauthenticated', 'invalid_token', 'token_expired']);

/** True when Tray refused the credential itself (as opposed to the operation). */
export function isUnauthenticated(result: TrayResult): boolean {
  if (result.status === 401) return true;
  return (result.body.errors ?? []).some((error) => {
    const code = error?.extensions?.code;
    return typeof code === 'string' && UNAUTHENTICATED_CODES.has(code.toLowerCase());
  });
}

/** Tray's error messages, for logs (already scrubbed of tokens). */
export function errorMessages(result: TrayResult): string[] {
  return (result.body.errors ?? []).map((error) => String(error?.message ?? 'unknown error')).slice(0, 5);
}
