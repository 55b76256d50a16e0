import { useCallback, useEffect, useRef, useState } from 'react';
import { createAdminClient, type AdminClient, type AdminInstance, type AdminInstanceFilters } from '../../core/adminClient.js';
import { errorFrom } from '../../core/errorRules.js';
import { TrayEmbeddedError } from '../../core/errors.js';
import { useLatest } from '../useLatest.js';

export interface UseInstanceConsoleOptions {
  /** @default createAdminClient({ apiBase }) */
  client?: AdminClient;
  /** Where the handler is mounted, when no `client` is given. @default '/api/tray' */
  apiBase?: string;
  /** Rows per request (the handler allows up to 100). @default 50 */
  pageSize?: number;
  initialFilters?: AdminInstanceFilters;
}

export interface UseInstanceConsoleResult {
  rows: AdminInstance[];
  totalCount: number | null;
  filters: AdminInstanceFilters;
  /** Applies new filters and reloads from the first page. */
  setFilters: (filters: AdminInstanceFilters) => void;
  /** Every solution of the catalog, and any other a loaded row shows: the choices of a solution filter. */
  knownSolutions: Array<{ id: string; title: string }>;
  state: 'loading' | 'ready' | 'error';
  error: TrayEmbeddedError | null;
  /** The handler answered 403: the signed-in user is not an admin. */
  isForbidden: boolean;
  retry: () => void;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  isLoadingMore: boolean;
  loadMoreError: TrayEmbeddedError | null;
  /** Enables or disables one row; the row then shows the server's answer, which this resolves to (`null` on failure). */
  setEnabled: (row: AdminInstance, enabled: boolean) => Promise<AdminInstance | null>;
  /** Rows with a request in flight, by id. */
  pendingIds: ReadonlySet<string>;
  rowErrors: Readonly<Record<string, TrayEmbeddedError>>;
}

const MAX_PAGE = 100;
const asError = (error: unknown) => (error instanceof TrayEmbeddedError ? error : errorFrom(0, null, false, error));

/**
 * The partner admin's instance console: every user's instances through the handler's admin
 * routes, filtered by owner and solution, a page at a time. A reply that arrives after the
 * filters changed is dropped, so the table always matches the filters shown.
 */
export function useInstanceConsole(options: UseInstanceConsoleOptions = {}): UseInstanceConsoleResult {
  const { apiBase, pageSize = 50 } = options;
  const [fallback, setFallback] = useState(() => ({ apiBase, client: createAdminClient({ apiBase }) }));
  if (fallback.apiBase !== apiBase) setFallback({ apiBase, client: createAdminClient({ apiBase }) });
  // The latest client is used for every call, but a new object on re-render reloads nothing;
  // a new apiBase (a different server) does.
  const latestClient = useLatest(options.client ?? fallback.client);
  const [filters, setFilters] = useState<AdminInstanceFilters>(options.initialFilters ?? {});
  const [page, setPage] = useState<{ rows: AdminInstance[]; endCursor: string | null; hasNextPage: boolean; totalCount: number | null } | null>(null);
  const [error, setError] = useState<TrayEmbeddedError | null>(null);
  const [reloads, setReloads] = useState(0);
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<TrayEmbeddedError | null>(null);
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(new Set());
  const [rowErrors, setRowErrors] = useState<Record<string, TrayEmbeddedError>>({});
  const [solutions, setSolutions] = useState<Map<string, string>>(new Map());
  const generation = useRef(0);
  // Guards against a second click before React re-renders; the state above is for display.
  const busy = useRef({ loadingMore: false, ids: new Set<string>() });

  const showPage = useCallback((next: NonNullable<typeof page>) => {
    setPage(next);
    setSolutions((known) => {
      const unseen = next.rows.filter((row) => known.get(row.solution.id) !== row.solution.title);
      return unseen.length === 0 ? known : new Map([...known, ...unseen.map((row) => [row.solution.id, row.solution.title] as const)]);
    });
  }, []);

  useEffect(() => {
    // The whole catalog, once per server, so the solution filter offers every solution, not
    // only those of the rows loaded so far. Without it (an older client, a failure), the rows'
    // solutions still fill the filter.
    let isCurrent = true;
    latestClient.current.listSolutions?.().then(
      (catalog) => {
        if (!isCurrent || catalog.length === 0) return;
        setSolutions((known) => new Map([...known, ...catalog.map((solution) => [solution.id, solution.title] as const)]));
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [latestClient, fallback.apiBase]);

  /** Loads the first `first` rows for the current filters; a stale reply (or its error) is dropped. */
  const fetchFirst = useCallback(
    (first: number, onError?: (error: TrayEmbeddedError) => void) => {
      const current = ++generation.current;
      return latestClient.current.listInstances({ ...filters, first }).then(
        (result) => {
          if (current === generation.current) showPage({ rows: result.instances, ...result });
        },
        (cause: unknown) => {
          if (current === generation.current) onError?.(asError(cause));
        },
      );
    },
    [latestClient, filters, showPage],
  );

  useEffect(() => {
    setPage(null);
    setError(null);
    setLoadMoreError(null);
    void fetchFirst(pageSize, setError);
    // Invalidate this load's reply when the filters change or the component unmounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a counter, not a DOM node: the cleanup must bump its live value
    return () => void generation.current++;
    // A new apiBase is another server: load from it (a new client object alone reloads nothing).
  }, [fetchFirst, pageSize, reloads, fallback.apiBase]);

  // Everything shown, in one request: after a failed change the rows show what the server has.
  const refreshShown = () => fetchFirst(Math.min(MAX_PAGE, Math.max(pageSize, page?.rows.length ?? 0)));

  const loadMore = async () => {
    if (!page?.hasNextPage || busy.current.loadingMore) return;
    const current = generation.current;
    busy.current.loadingMore = true;
    setIsLoadingMore(true);
    setLoadMoreError(null);
    try {
      const next = await latestClient.current.listInstances({ ...filters, first: pageSize, after: page.endCursor });
      if (current !== generation.current) return;
      const seen = new Set(page.rows.map((row) => row.id));
      showPage({ ...next, rows: [...page.rows, ...next.instances.filter((row) => !seen.has(row.id))] });
    } catch (cause) {
      setLoadMoreError(asError(cause));
    } finally {
      busy.current.loadingMore = false;
      setIsLoadingMore(false);
    }
  };

  const setEnabled = async (row: AdminInstance, enabled: boolean): Promise<AdminInstance | null> => {
    if (busy.current.ids.has(row.id)) return null;
    busy.current.ids.add(row.id);
    setPendingIds((ids) => new Set(ids).add(row.id));
    setRowErrors(({ [row.id]: _dropped, ...others }) => others);
    try {
      const answer = await latestClient.current.setEnabled({ solutionInstanceId: row.id, owner: row.owner, enabled });
      setPage((current) => current && { ...current, rows: current.rows.map((r) => (r.id === answer.id ? answer : r)) });
      return answer;
    } catch (cause) {
      setRowErrors((errors) => ({ ...errors, [row.id]: asError(cause) }));
      void refreshShown();
      return null;
    } finally {
      busy.current.ids.delete(row.id);
      setPendingIds((ids) => {
        const next = new Set(ids);
        next.delete(row.id);
        return next;
      });
    }
  };

  return {
    rows: page?.rows ?? [],
    totalCount: page?.totalCount ?? null,
    filters,
    setFilters: (next) =>
      setFilters({ owner: next.owner?.trim() || undefined, ownerContains: next.ownerContains?.trim() || undefined, solutionId: next.solutionId || undefined }),
    knownSolutions: [...solutions].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title)),
    state: error ? 'error' : page ? 'ready' : 'loading',
    error,
    isForbidden: error?.code === 'forbidden',
    retry: () => setReloads((count) => count + 1),
    hasMore: page?.hasNextPage === true,
    loadMore,
    isLoadingMore,
    loadMoreError,
    setEnabled,
    pendingIds,
    rowErrors,
  };
}
