import { createGraphqlApi } from './graphqlApi.js';
import type { MockTrayStore } from './store.js';

/**
 * An extra handler on the API origin (the listing API mounts this way): answer the request, or
 * return `null` to let the next route try.
 */
export type MockTrayRoute = (request: Request) => Promise<Response | null> | Response | null;

export interface MockTrayApiOptions {
  /** Tried in order after `/graphql`, before the 404. */
  extraRoutes?: readonly MockTrayRoute[];
}

/** The path real Tray serves GraphQL on (`https://tray.io/graphql`). */
export const GRAPHQL_PATH = '/graphql';

/**
 * Everything on the mock's API origin as one fetch-style handler: `/graphql`, then
 * `extraRoutes`, then a 404 that says what exists. No CORS headers: browsers cannot call
 * Tray's API either, only a backend can.
 */
export function createMockTrayApi(store: MockTrayStore, options: MockTrayApiOptions = {}): (request: Request) => Promise<Response> {
  const graphql = createGraphqlApi(store);
  const extraRoutes = options.extraRoutes ?? [];
  return async (request) => {
    if (new URL(request.url).pathname === GRAPHQL_PATH) return graphql(request);
    for (const route of extraRoutes) {
      const response = await route(request);
      if (response) return response;
    }
    return Response.json(
      { error: { code: 'not_found', message: `Nothing at ${request.method} ${new URL(request.url).pathname}; the GraphQL API is at POST ${GRAPHQL_PATH}.` } },
      { status: 404 },
    );
  };
}
