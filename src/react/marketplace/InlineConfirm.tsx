import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface InlineConfirmProps {
  /** The question, e.g. "Remove “CRM sync”? Its settings are deleted." */
  message: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Further choices between confirm and cancel, e.g. "Continue setup". */
  children?: ReactNode;
  /** A destructive confirm gets the danger style. @default true */
  isDestructive?: boolean;
  /** `notice`: a question after nothing went wrong (an unfinished setup), so not dressed as a warning. @default 'warning' */
  tone?: 'warning' | 'notice';
}

/**
 * An inline confirmation: a labelled group that takes focus on its safe choice (Cancel) when it
 * appears, so keyboard and screen reader users land on the question, and Escape cancels. The
 * caller returns focus to the control that asked.
 */
export function InlineConfirm({ message, confirmLabel, cancelLabel, onConfirm, onCancel, children, isDestructive = true, tone = 'warning' }: InlineConfirmProps) {
  const messageId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  return (
    <div
      role="group"
      aria-labelledby={messageId}
      className={tone === 'notice' ? 'rte-confirm rte-confirm--notice' : 'rte-confirm'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={messageId} className="rte-confirm__text">
        {message}
      </p>
      <div className="rte-actions">
        <button type="button" className={`rte-button ${isDestructive ? 'rte-button--danger' : 'rte-button--primary'}`} onClick={onConfirm}>
          {confirmLabel}
        </button>
        {children}
        <button ref={cancelRef} type="button" className="rte-button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
