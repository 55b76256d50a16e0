import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { TrayEmbeddedError } from '../../core/errors.js';
import type { PopupSize } from '../../core/popup.js';
import type { SolutionInstance } from '../../graphql/types.js';
import { IntegrationRow } from './IntegrationRow.js';
import { defaultMyIntegrationsLabels, type MyIntegrationsLabels } from './integrationsLabels.js';
import { TrayAlert } from '../TrayAlert.js';
import { SkeletonList } from './SkeletonList.js';
import type { InstanceAction } from './useInstanceActions.js';
import { useMyIntegrations } from './useMyIntegrations.js';
import type { GetWizardUrl } from '../../core/instancePort.js';
import type { GetAuthUrl } from '../../core/fetchAuthUrl.js';
import type { Presentation } from '../../core/surface.js';
import { mergeLabels, type LabelsInput } from '../mergeLabels.js';

/** `labels` may replace single entries of the nested `pending` and `done` groups too. */
export type MyIntegrationsLabelsInput = LabelsInput<MyIntegrationsLabels>;

export interface MyIntegrationsProps {
  /** Instances per request. @default 20 */
  pageSize?: number;
  /** Reload when the window regains focus. @default true */
  refetchOnFocus?: boolean;
  /** Resolves to a wizard URL with a fresh code; from here, else from `TrayEmbeddedProvider`.
   *  @default createWizardUrlFetcher(): POST /api/tray/wizard-url */
  getWizardUrl?: GetWizardUrl;
  /** Reconnect's auth-only dialog URL with a fresh code; from here, else from `TrayEmbeddedProvider`.
   *  @default createAuthUrlFetcher(): POST /api/tray/auth-url */
  getAuthUrl?: GetAuthUrl;
  /** Where the wizard and Reconnect's auth dialog show: a popup, or a dialog in the page. @default 'popup' */
  presentation?: Presentation;
  /** How long a wizard may stay silent before the row says it is not responding. @default 20000 */
  noResponseMs?: number;
  /** Answered to the auth dialog's `tray.authpopup.accountIdRequest` (Tray's enhanced session security). */
  accountId?: string;
  /** After the empty-state text, e.g. a link to your catalog page. */
  emptyAction?: ReactNode;
  /** An action succeeded; `instance` is the server's answer. */
  onChange?: (action: Exclude<InstanceAction, 'reconfigure'>, instance: SolutionInstance) => void;
  onError?: (error: TrayEmbeddedError, action: InstanceAction) => void;
  popupSize?: PopupSize;
  /** Offers "Finish setup" when your server's `beforeEnable` refused an enable. @default false */
  offerSetupWhenRefused?: boolean;
  labels?: MyIntegrationsLabelsInput;
  className?: string;
}

/**
 * The user's integrations: status, Enable/Disable, Reconfigure, Reconnect (one per auth slot,
 * through Tray's auth-only dialog), Rename, Remove (confirmed), and "Update available". Outcomes are announced in one `role="status"` region; each row shows
 * its own error in a `role="alert"` with the next step.
 */
export function MyIntegrations(props: MyIntegrationsProps) {
  const labels = mergeLabels(defaultMyIntegrationsLabels, props.labels);
  const list = useMyIntegrations({ pageSize: props.pageSize, refetchOnFocus: props.refetchOnFocus });
  const [announcement, setAnnouncement] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [removedCount, setRemovedCount] = useState(0);
  const { instances, state, totalCount } = list;

  const isEmpty = instances.length === 0;
  useEffect(() => {
    // The removed row took the focus with it: the list (or, once empty, the view) keeps the user in place.
    if (removedCount > 0) (listRef.current ?? rootRef.current)?.focus();
  }, [removedCount, isEmpty]);

  const onDone = (action: Exclude<InstanceAction, 'reconfigure'>, instance: SolutionInstance) => {
    setAnnouncement(labels.done[action](instance.name));
    if (action === 'remove') setRemovedCount((count) => count + 1);
    props.onChange?.(action, instance);
  };
  // A notice belongs to the action that caused it: a later failure, in any row, takes its place
  // (that row's alert says what failed), so "“A” was removed." never stands beside B's error.
  const onError = (error: TrayEmbeddedError, action: InstanceAction) => {
    setAnnouncement('');
    props.onError?.(error, action);
  };
  const loadMore = () => {
    setAnnouncement('');
    void list.loadMore();
  };

  return (
    <div ref={rootRef} tabIndex={-1} className={`rte-root rte-integrations ${props.className ?? ''}`}>
      <div role="status" className="rte-status">
        {announcement}
      </div>
      {state === 'loading' && <SkeletonList label={labels.loading} count={3} />}
      {state === 'error' && list.error && (
        <TrayAlert error={list.error} labels={labels} prefix={labels.loadFailed} onRetry={() => void list.refresh()} />
      )}
      {state === 'ready' && instances.length === 0 && (
        <p className="rte-empty">
          {labels.empty} {props.emptyAction}
        </p>
      )}
      {state === 'ready' && instances.length > 0 && (
        <>
          <ul ref={listRef} tabIndex={-1} className="rte-rows" aria-label={labels.listName}>
            {instances.map((instance) => (
              <IntegrationRow
                key={instance.id}
                instance={instance}
                labels={labels}
                getWizardUrl={props.getWizardUrl}
                getAuthUrl={props.getAuthUrl}
                presentation={props.presentation}
                popupSize={props.popupSize}
                noResponseMs={props.noResponseMs}
                accountId={props.accountId}
                offerSetupWhenRefused={props.offerSetupWhenRefused}
                dialogLabels={labels}
                reconnectTitle={labels.reconnectSlot}
                refresh={list.refresh}
                onDone={onDone}
                onWizardCancel={() => setAnnouncement(labels.wizardCancelled)}
                onReconnectCancel={() => setAnnouncement(labels.reconnectCancelled)}
                onError={onError}
              />
            ))}
          </ul>
          {totalCount !== null && totalCount > instances.length && <p className="rte-muted">{labels.count(instances.length, totalCount)}</p>}
        </>
      )}
      {list.loadMoreError && <TrayAlert error={list.loadMoreError} labels={labels} onRetry={loadMore} />}
      {list.hasMore && state === 'ready' && (
        <button type="button" className="rte-button rte-load-more" onClick={loadMore} aria-disabled={list.isLoadingMore}>
          {labels.loadMore}
        </button>
      )}
    </div>
  );
}
