import { useId, useState } from 'react';
import type { AdminClient, AdminInstance, AdminInstanceFilters } from '../../core/adminClient.js';
import { mergeLabels, type LabelsInput } from '../mergeLabels.js';
import { TrayAlert } from '../TrayAlert.js';
import { ConsoleFilters } from './ConsoleFilters.js';
import { defaultInstanceConsoleLabels, type InstanceConsoleLabels } from './consoleLabels.js';
import { SkeletonList } from './SkeletonList.js';
import { useInstanceConsole } from './useInstanceConsole.js';

export interface InstanceConsoleProps {
  /** Where the server handler is mounted (its `basePath`). @default '/api/tray' */
  apiBase?: string;
  /** Replaces the fetch-based client, e.g. to add headers. A new object on re-render reloads nothing;
   *  the latest one is used for the next call. @default createAdminClient({ apiBase }) */
  client?: AdminClient;
  /** Rows per request (the handler allows up to 100). @default 50 */
  pageSize?: number;
  initialFilters?: AdminInstanceFilters;
  /** An instance was enabled or disabled; `instance` is the server's answer. */
  onChange?: (instance: AdminInstance) => void;
  labels?: LabelsInput<InstanceConsoleLabels>;
  className?: string;
}

/**
 * For the partner's own admins: every user's instances (owner, solution, name, created,
 * enabled) with filters and Enable/Disable per row, through the handler's admin routes.
 * A signed-in user who is not an admin is told so plainly.
 */
export function InstanceConsole(props: InstanceConsoleProps) {
  // `failed` is this view's older name of the shared `refused` label; it keeps working.
  const { failed } = (props.labels ?? {}) as { failed?: string };
  const labels = mergeLabels(defaultInstanceConsoleLabels, failed ? { refused: failed } : undefined, props.labels);
  const view = useInstanceConsole({ client: props.client, apiBase: props.apiBase, pageSize: props.pageSize, initialFilters: props.initialFilters });
  const [announcement, setAnnouncement] = useState('');
  const baseId = useId();
  const { rows, state, error, totalCount } = view;
  const columns = labels.columns;

  const toggle = async (row: AdminInstance) => {
    // The last notice belongs to the last change: it gives way as the next one starts, so a
    // failed change (its alert in the row) never stands beside "“A” is enabled."
    setAnnouncement('');
    const answer = await view.setEnabled(row, !row.enabled);
    if (!answer) return;
    setAnnouncement(labels.changed(answer.name, answer.enabled));
    props.onChange?.(answer);
  };

  return (
    <div className={`rte-root rte-console ${props.className ?? ''}`}>
      {!view.isForbidden && (
        <ConsoleFilters filters={view.filters} solutions={view.knownSolutions} labels={labels} onApply={view.setFilters} />
      )}
      <div role="status" className="rte-status">
        {announcement}
      </div>
      {state === 'error' && error && <TrayAlert error={error} labels={labels} onRetry={view.retry} />}
      {state === 'loading' && <SkeletonList label={labels.loading} count={5} />}
      {state === 'ready' && (
        <div className="rte-table-wrap">
          <table className="rte-table">
            <caption>
              {labels.caption}
              {totalCount !== null && <span className="rte-muted"> ({labels.count(rows.length, totalCount)})</span>}
            </caption>
            <thead>
              <tr>
                <th scope="col">{columns.owner}</th>
                <th scope="col">{columns.solution}</th>
                <th scope="col">{columns.name}</th>
                <th scope="col">{columns.created}</th>
                <th scope="col">{columns.enabled}</th>
                <th scope="col">{columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={6}>{labels.empty}</td>
                </tr>
              )}
              {rows.map((row) => {
                const isPending = view.pendingIds.has(row.id);
                const rowError = view.rowErrors[row.id];
                return (
                  <tr key={row.id} data-state={row.enabled ? 'enabled' : 'disabled'}>
                    {/* data-label: on a narrow screen each row is a stacked card that names its cells. */}
                    <td data-label={columns.owner}>{row.owner}</td>
                    <td data-label={columns.solution}>{row.solution.title}</td>
                    <th scope="row" id={`${baseId}-${row.id}`} data-label={columns.name}>
                      {row.name}
                    </th>
                    <td data-label={columns.created}>
                      <time dateTime={row.created}>{labels.created(row.created)}</time>
                    </td>
                    <td data-label={columns.enabled}>{isPending ? labels[row.enabled ? 'disabling' : 'enabling'] : labels[row.enabled ? 'yes' : 'no']}</td>
                    <td data-label={columns.actions}>
                      <button
                        type="button"
                        className="rte-button"
                        aria-disabled={isPending}
                        aria-describedby={`${baseId}-${row.id}`}
                        onClick={() => void toggle(row)}
                      >
                        {labels[row.enabled ? 'disable' : 'enable']}
                      </button>
                      {rowError && <TrayAlert error={rowError} labels={labels} onRetry={() => void toggle(row)} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {view.loadMoreError && <TrayAlert error={view.loadMoreError} labels={labels} onRetry={() => void view.loadMore()} />}
      {state === 'ready' && view.hasMore && (
        <button type="button" className="rte-button rte-load-more" onClick={() => void view.loadMore()} aria-disabled={view.isLoadingMore}>
          {labels.loadMore}
        </button>
      )}
    </div>
  );
}
