/**
 * The partner admin's calls to our server handler's admin routes, as plain `fetch` (no Apollo:
 * these routes are not GraphQL). The handler lets them through only when `getUser` marks the
 * caller as admin; everyone else gets 403.
 */

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
  /** Only this Tray user's instances. */
  owner?: string;
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
  /** Enables (with `errorOnEnablingWithMissingValues`) or disables as the owner; resolves to the server's answer. */
  setEnabled(input: { solutionInstanceId: string; owner: string; enabled: boolean }): Promise<AdminInstance>;
}

/**
 * Why an admin call failed. `status` is the HTTP status (0 when the server was not reached);
 * `code` is the handler's `error.code` (`forbidden` for a non-admin, `unauthenticated`, …), or
 * `network`, `missing_values` or `graphql` (Tray refused).
 */
export class AdminRequestError extends Error {
  override readonly name = 'AdminRequestError';
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.status = status;
    this.code = code;
  }
}

type Body = { data?: Record<string, any> | null; errors?: Array<{ message?: string }>; error?: { code?: string; message?: string } };

export function createAdminClient(options: AdminClientOptions = {}): AdminClient {
  const base = (options.apiBase ?? '/api/tray').replace(/\/+$/, '');
  const post = async (path: string, payload: unknown): Promise<Record<string, any>> => {
    const response = await (options.fetch ?? fetch)(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(payload),
    }).catch((cause: unknown) => {
      throw new AdminRequestError(0, 'network', 'Could not reach the server.', { cause });
    });
    const body = (await response.json().catch(() => ({}))) as Body;
    if (!response.ok && body.error) {
      throw new AdminRequestError(response.status, body.error.code ?? 'error', body.error.message ?? `The server answered ${response.status}.`);
    }
    if (body.errors?.length) {
      const text = JSON.stringify(body.errors);
      throw new AdminRequestError(response.status, /missing|required/i.test(text) ? 'missing_values' : 'graphql', body.errors[0]?.message ?? 'Tray refused.');
    }
    if (!response.ok || !body.data) throw new AdminRequestError(response.status, 'error', `The server answered ${response.status} without data.`);
    return body.data;
  };

  return {
    async listInstances({ owner, solutionId, first, after }) {
      const data = await post('/admin/instances', { owner: owner || undefined, solutionId: solutionId || undefined, first, after: after ?? undefined });
      const connection = data.viewer?.solutionInstances;
      return {
        instances: (connection?.edges ?? []).map((edge: { node: AdminInstance }) => edge.node),
        endCursor: connection?.pageInfo?.endCursor ?? null,
        hasNextPage: connection?.pageInfo?.hasNextPage === true,
        totalCount: typeof connection?.totalCount === 'number' ? connection.totalCount : null,
      };
    },
    async setEnabled(input) {
      const data = await post('/admin/set-enabled', input);
      const instance = data.updateSolutionInstance?.solutionInstance as AdminInstance | undefined;
      if (!instance) throw new AdminRequestError(200, 'graphql', 'Tray answered without the instance.');
      if (instance.enabled !== input.enabled) throw new AdminRequestError(200, input.enabled ? 'missing_values' : 'graphql', 'Tray did not confirm the change.');
      return instance;
    },
  };
}
