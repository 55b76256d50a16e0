import { ListingApiError, errorFromResponse } from './ListingApiError.js';
import { containsEmptyArray } from './json.js';
import { ACCESS_HEADER, solutionAppsPath, solutionVersionPath } from './listingPaths.js';
import type { AddAppsBody, RemoveAppsBody, SolutionListing, SolutionPatch } from './types.js';

export interface ListingClientOptions {
  /** The platform API origin (and optional path prefix), e.g. `https://api.example.com`. */
  baseUrl: string;
  /** The developer's access token, or a function returning it (called for every request). */
  accessToken: string | (() => string | Promise<string>);
  /** @default globalThis.fetch, looked up when a request is made */
  fetch?: typeof fetch;
}

/**
 * Typed calls to the listing API. Each resolves with the parsed response body (its shape is
 * not documented by the platform) or rejects with a `ListingApiError`.
 */
export interface ListingClient {
  /**
   * `GET /developer/solutions/versions/{id}`: the listing incl. apps. Not a documented
   * platform endpoint: the mock listing API serves it so the demo can load a listing.
   */
  getSolution(solutionVersionId: string): Promise<SolutionListing>;
  /** UpdateSolution: `PATCH /developer/solutions/versions/{id}` with a body from `buildSolutionPatch`. */
  updateSolution(solutionVersionId: string, patch: SolutionPatch): Promise<unknown>;
  /** AddAppsListing: `PUT /developer/solutions/versions/{id}/apps`. */
  addApps(solutionVersionId: string, body: AddAppsBody): Promise<unknown>;
  /** DeleteAppsListing: `DELETE /developer/solutions/versions/{id}/apps` (JSON body). */
  removeApps(solutionVersionId: string, body: RemoveAppsBody): Promise<unknown>;
}

/** Creates a `fetch`-based listing client. Touches no global until a request is made. */
export function createListingClient(options: ListingClientOptions): ListingClient {
  const base = options.baseUrl.replace(/\/+$/, '');

  async function send(method: string, path: string, body?: unknown): Promise<unknown> {
    const request = { method, path };
    // Last line of defence: the API rejects `[]` (an array is deleted with `null`).
    if (body !== undefined && containsEmptyArray(body)) {
      throw new ListingApiError(
        'bad_request',
        'Not sent: the request contains an empty list, which the listing API rejects. Send null to delete a list.',
        { request },
      );
    }
    const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const token = await readToken(request);
    let response: Response;
    try {
      const headers: Record<string, string> = { accept: 'application/json', [ACCESS_HEADER]: token };
      if (body !== undefined) headers['content-type'] = 'application/json';
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ListingApiError(
        'network',
        `Could not reach the listing API at ${base}. Check your connection and try again.`,
        { request, cause },
      );
    }
    const parsed = await readBody(response);
    if (!response.ok) throw errorFromResponse(response.status, parsed, request);
    return parsed;
  }

  async function readToken(request: { method: string; path: string }): Promise<string> {
    try {
      return typeof options.accessToken === 'function' ? await options.accessToken() : options.accessToken;
    } catch (cause) {
      throw new ListingApiError('forbidden', 'Not sent: the access token could not be read. Sign in again.', { request, cause });
    }
  }

  return {
    getSolution: (id) => send('GET', solutionVersionPath(id)) as Promise<SolutionListing>,
    updateSolution: (id, patch) => send('PATCH', solutionVersionPath(id), patch),
    addApps: (id, body) => send('PUT', solutionAppsPath(id), body),
    removeApps: (id, body) => send('DELETE', solutionAppsPath(id), body),
  };
}

/** JSON when it parses, the text otherwise, `undefined` for an empty body. */
async function readBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
