import { useEffect, useId, useRef, useState } from 'react';
import type { SolutionInstance } from '../../graphql/types.js';
import { InlineConfirm } from './InlineConfirm.js';
import type { MyIntegrationsLabels } from './integrationsLabels.js';
import { TrayAlert } from '../TrayAlert.js';
import { RenameForm } from './RenameForm.js';
import { useInstanceActions, type UseInstanceActionsOptions } from './useInstanceActions.js';

export interface IntegrationRowProps extends UseInstanceActionsOptions {
  instance: SolutionInstance;
  labels: MyIntegrationsLabels;
}

/** One of the user's instances: status, update badge, and its actions (a Reconnect per auth slot) with their own errors. */
export function IntegrationRow({ instance, labels, ...options }: IntegrationRowProps) {
  const nameId = useId();
  const actions = useInstanceActions(instance, options);
  const [mode, setMode] = useState<'actions' | 'rename' | 'confirm-remove'>('actions');
  const focusAfter = useRef<'rename' | 'remove' | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const reconfigureButton = useRef<HTMLButtonElement>(null);
  const reconnectButtons = useRef(new Map<string, HTMLButtonElement>());
  const { pending, error } = actions;
  const authSlots = instance.solution.authSlots ?? [];
  const isBusy = pending !== null;
  const hasUpdate = instance.solutionVersionFlags.hasNewerVersion;
  // One primary action: what this row most likely needs next. The others stay plain and in a
  // fixed order (a button that moved in the DOM would drop the keyboard focus), Remove apart at the end.
  const primary = hasUpdate ? 'update' : instance.enabled ? 'reconfigure' : 'toggle';
  const style = (action: typeof primary) => (action === primary ? 'rte-button rte-button--primary' : 'rte-button');
  // The solution's title only when the name does not already say it.
  const sameAsName = instance.solution.title.trim().toLowerCase() === instance.name.trim().toLowerCase();

  useEffect(() => {
    // Back from the rename form or the confirm, focus returns to the button that opened it.
    if (mode === 'actions' && focusAfter.current) {
      (focusAfter.current === 'rename' ? renameButton : removeButton).current?.focus();
      focusAfter.current = null;
    }
  }, [mode]);

  // Which window of this row is open: the wizard, or one slot's auth dialog.
  const openWindow = pending === 'reconfigure' ? 'wizard' : actions.reconnecting ? `auth:${actions.reconnecting.externalId}` : null;
  const lastWindow = useRef<string | null>(null);
  useEffect(() => {
    // The popup or dialog is gone: give focus back to the button that opened it.
    const was = lastWindow.current;
    lastWindow.current = openWindow;
    if (was && was !== openWindow) (was === 'wizard' ? reconfigureButton.current : reconnectButtons.current.get(was.slice(5)))?.focus();
  }, [openWindow]);

  // Buttons stay focusable while an action runs (aria-disabled, not disabled), so keyboard focus
  // is not thrown to the page; the hook ignores a second action meanwhile.
  const back = (button: 'rename' | 'remove') => {
    focusAfter.current = button;
    setMode('actions');
  };

  return (
    <li className="rte-row" aria-labelledby={nameId} data-state={instance.enabled ? 'enabled' : 'disabled'} aria-busy={isBusy}>
      <div className="rte-row__main">
        <h3 id={nameId} className="rte-row__name">
          {instance.name}
        </h3>
        <p className="rte-row__meta">
          {!sameAsName && `${instance.solution.title} · `}
          {labels.created(instance.created)}
        </p>
        <p className="rte-row__badges">
          <span className="rte-badge rte-badge--state">
            {pending ? labels.pending[pending] : actions.isAwaitingActivation ? labels.awaitingActivation : labels[instance.enabled ? 'enabled' : 'disabled']}
          </span>
          {hasUpdate && <span className="rte-badge rte-badge--update">{labels.updateAvailable}</span>}
        </p>
        {actions.wizard.isNotResponding && (
          <p role="status" className="rte-row__meta">
            {labels.notResponding}
          </p>
        )}
      </div>
      {mode === 'rename' ? (
        <RenameForm
          initialName={instance.name}
          labels={labels}
          onCancel={() => back('rename')}
          onSave={(name) => {
            back('rename');
            void actions.rename(name);
          }}
        />
      ) : mode === 'confirm-remove' ? (
        <InlineConfirm
          message={labels.removeQuestion(instance.name)}
          confirmLabel={labels.confirmRemove}
          cancelLabel={labels.cancel}
          onCancel={() => back('remove')}
          onConfirm={() => {
            back('remove');
            void actions.remove();
          }}
        />
      ) : (
        <div className="rte-actions rte-actions--row" role="group" aria-labelledby={nameId}>
          {hasUpdate && (
            <button type="button" className={style('update')} onClick={actions.upgrade} aria-disabled={isBusy}>
              {labels.update}
            </button>
          )}
          <button type="button" className={style('toggle')} onClick={instance.enabled ? actions.disable : actions.enable} aria-disabled={isBusy}>
            {labels[instance.enabled ? 'disable' : 'enable']}
          </button>
          <button ref={reconfigureButton} type="button" className={style('reconfigure')} onClick={actions.reconfigure} aria-disabled={isBusy}>
            {labels.reconfigure}
          </button>
          {authSlots.map((slot) => (
            <button
              key={slot.externalId}
              ref={(button) => void (button ? reconnectButtons.current.set(slot.externalId, button) : reconnectButtons.current.delete(slot.externalId))}
              type="button"
              className="rte-button"
              aria-label={labels.reconnectSlot(slot.title)}
              onClick={() => actions.reconnect(slot)}
              aria-disabled={isBusy}
            >
              {labels.reconnect}
            </button>
          ))}
          <button ref={renameButton} type="button" className="rte-button" onClick={() => !isBusy && setMode('rename')} aria-disabled={isBusy}>
            {labels.rename}
          </button>
          <button ref={removeButton} type="button" className="rte-button rte-button--danger rte-actions__end" onClick={() => !isBusy && setMode('confirm-remove')} aria-disabled={isBusy}>
            {labels.remove}
          </button>
        </div>
      )}
      {error && !isBusy && (
        <TrayAlert
          error={error}
          labels={labels}
          onRetry={actions.retry}
          onFinishSetup={actions.failedAction === 'enable' || actions.failedAction === 'reconfigure' ? actions.reconfigure : undefined}
          onOpenHere={actions.openHere}
          offerSetupWhenRefused={options.offerSetupWhenRefused}
        />
      )}
    </li>
  );
}
