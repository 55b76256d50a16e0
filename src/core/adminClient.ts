/**
 * The partner admin's calls to our server handler's admin routes, as plain `fetch` (no Apollo:
 * these routes are not GraphQL). The handler lets them through only when `getUser` marks the
 * caller as admin; everyone else gets 403 (`TrayEmbeddedError` code `forbidden`).
 */
import { confirmEnabled, errorFrom, errorsOf } from './errorRules.js';
import { TrayEmbeddedError } from './errors.js';

/** One row of the console: an instance of any user. */
export interface AdminInstance {
  id: string;
  name: string;
  enabled: boolean;
  created: string;
  /** The owner's Tray user id. */
  owner: string;
  solution: { id: string; title: string };
}

export interface AdminInstanceFilters {
  /** Only this Tray user's instances (the whole user id). */
  owner?: string;
  /** Only instances whose owner's user id contains this text, in any case. */
  ownerContains?: string;
  solutionId?: string;
}

export interface AdminInstancesPage {
  instances: AdminInstance[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number | null;
}

export interface AdminClientOptions {
  /** Where the handler is mounted (its `basePath`). @default '/api/tray' */
  apiBase?: string;
  /** Extra request headers, e.g. a CSRF token. */
  headers?: Record<string, string>;
  /** @default globalThis.fetch, read at call time */
  fetch?: typeof fetch;
}

export interface AdminClient {
  listInstances(query: AdminInstanceFilters & { first?: number; after?: string | null }): Promise<AdminInstancesPage>;
  /**
   * Every solution of the catalog (`viewer.solutions` through the handler's GraphQL route, a
   * page of 100 at a time, up to 1,000), for a solution filter that is not limited to the rows
   * loaded so far. Optional: a client without it gets the solutions of the loaded rows.
   */
  listSolutions?(): Promise<Array<{ id: string; title: string }>>;
  /** Enables (with `errorOnEnablingWithMissingValues`) or disables as the owner; resolves to the server's answer. */
  setEnabled(input: { solutionInstanceId: string; owner: string; enabled: boolean }): Promise<AdminInstance>;
}

type Data = Record<string, any>;

// The catalog's ids and titles, a page at a time: the console needs nothing else of it.
const CATALOG_QUERY = `query ConsoleSolutions($first: Int, $after: String) {
viewer { solutions(first: $first, after: $after) { edges { node { id title } } pageInfo { endCursor hasNextPage } } }
}`;
const CATALOG_PAGES = 10;

export function createAdminClient(options: AdminClientOptions = {}): AdminClient {
  const base = (options.apiBase ?? '/api/tray').replace(/\/+$/, '');
  const post = async (path: string, payload: unknown, isEnable = false): Promise<Data> => {
    const response = await (options.fetch ?? fetch)(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(payload),
    }).catch((cause: unknown) => {
      throw errorFrom(0, null, false, cause);
    });
    const body = (await response.json().catch(() => undefined)) as { data?: Data | null } | undefined;
    if (!response.ok || errorsOf(body)) throw errorFrom(response.status, body, isEnable);
    if (!body?.data) throw new TrayEmbeddedError('graphql', `The server answered ${response.status} without data.`, { status: response.status });
    return body.data;
  };

  return {
    async listInstances({ owner, ownerContains, solutionId, first, after }) {
      const data = await post('/admin/instances', { owner: owner || undefined, ownerContains: ownerContains || undefined, solutionId: solutionId || undefined, first, after: after ?? undefined });
      const connection = data['viewer']?.solutionInstances;
      return {
        instances: (connection?.edges ?? []).map((edge: { node: AdminInstance }) => edge.node),
        endCursor: connection?.pageInfo?.endCursor ?? null,
        hasNextPage: connection?.pageInfo?.hasNextPage === true,
        totalCount: typeof connection?.totalCount === 'number' ? connection.totalCount : null,
      };
    },
    async listSolutions() {
      const solutions: Array<{ id: string; title: string }> = [];
      let after: string | null = null;
      for (let page = 0; page < CATALOG_PAGES; page += 1) {
        const data = await post('/graphql', { query: CATALOG_QUERY, variables: { first: 100, after }, operationName: 'ConsoleSolutions' });
        const connection = data['viewer']?.solutions;
        for (const edge of connection?.edges ?? []) solutions.push({ id: edge.node.id, title: edge.node.title });
        if (connection?.pageInfo?.hasNextPage !== true) break;
        after = connection.pageInfo.endCursor;
      }
      return solutions;
    },
    async setEnabled(input) {
      const data = await post('/admin/set-enabled', input, input.enabled);
      return confirmEnabled(data['updateSolutionInstance']?.solutionInstance as AdminInstance | undefined, input.enabled);
    },
  };
}
