import { useEffect, useRef, type ReactNode } from 'react';
import type { FieldWiring } from './fields.js';
import type { ListingEditorLabels } from './labels.js';

export interface ListFieldProps<T> {
  legend: string;
  /** One item's noun, e.g. "URL": "Add URL", "Move URL 2 up", "Remove URL Docs". */
  noun: string;
  items: readonly T[] | undefined;
  onChange: (items: T[]) => void;
  createItem: () => T;
  /** The item's name in "Remove …" (falls back to its position when empty). */
  itemName: (item: T) => string | undefined;
  renderItem: (item: T, index: number, update: (next: T) => void) => ReactNode;
  labels: ListingEditorLabels;
  /** The list as a whole (its id, a problem with it), when it can have one. */
  wiring?: FieldWiring;
  /** Show Move up / Move down. @default true */
  isReorderable?: boolean;
}

type Focus = { key: string; action: 'up' | 'down' | 'remove' | 'first' } | { key: null; action: 'add' };

/**
 * An editable list: add, remove and reorder items (every array the API replaces whole).
 * Rows keep stable React keys across moves, and focus follows the moved row, or goes to a
 * neighbour after a removal, so keyboard users are never dropped at the top of the page.
 */
export function ListField<T>(props: ListFieldProps<T>) {
  const { legend, noun, onChange, createItem, itemName, renderItem, labels, wiring, isReorderable = true } = props;
  const items = props.items ?? [];
  const container = useRef<HTMLFieldSetElement>(null);
  const keys = useRef<string[]>([]);
  const nextKey = useRef(0);
  const pendingFocus = useRef<Focus | null>(null);
  const error = wiring?.error;
  const errorId = `${wiring?.id}-error`;

  // Items replaced from outside (load, reset) get fresh keys; our own edits keep theirs.
  if (keys.current.length !== items.length) {
    keys.current = items.map((_, index) => keys.current[index] ?? `k${nextKey.current++}`);
  }

  useEffect(() => {
    const focus = pendingFocus.current;
    pendingFocus.current = null;
    const root = container.current;
    if (!focus || !root) return;
    if (focus.key === null) {
      root.querySelector<HTMLElement>('[data-action="add"]')?.focus();
      return;
    }
    const row = root.querySelector(`[data-item-key="${focus.key}"]`);
    const selectors =
      focus.action === 'first'
        ? ['input, select, textarea']
        : // A move to either end disables the button just used: fall back to the other one.
          [`[data-action="${focus.action}"]`, '[data-action="up"]', '[data-action="down"]', '[data-action="remove"]'];
    for (const selector of selectors) {
      const target = row?.querySelector<HTMLElement>(selector);
      if (target && !target.matches(':disabled')) {
        target.focus();
        return;
      }
    }
  });

  const move = (from: number, to: number) => {
    const next = [...items];
    [next[from], next[to]] = [next[to]!, next[from]!];
    const k = keys.current;
    [k[from], k[to]] = [k[to]!, k[from]!];
    pendingFocus.current = { key: k[to]!, action: to < from ? 'up' : 'down' };
    onChange(next);
  };
  const remove = (index: number) => {
    keys.current.splice(index, 1);
    const neighbour = keys.current[Math.min(index, keys.current.length - 1)];
    pendingFocus.current = neighbour === undefined ? { key: null, action: 'add' } : { key: neighbour, action: 'remove' };
    onChange(items.filter((_, i) => i !== index));
  };
  const add = () => {
    const key = `k${nextKey.current++}`;
    keys.current.push(key);
    pendingFocus.current = { key, action: 'first' };
    onChange([...items, createItem()]);
  };

  return (
    <fieldset id={wiring?.id} tabIndex={wiring ? -1 : undefined} className="rte-listing-list" ref={container} aria-describedby={error ? errorId : undefined}>
      <legend className="rte-listing-legend">{legend}</legend>
      {error && (
        <p className="rte-listing-error" id={errorId}>
          {error}
        </p>
      )}
      <ol className="rte-listing-items">
        {items.map((item, index) => {
          const position = index + 1;
          const key = keys.current[index]!;
          return (
            <li key={key} className="rte-listing-item" data-item-key={key}>
              <div className="rte-listing-item-fields">
                {renderItem(item, index, (next) => onChange(items.map((old, i) => (i === index ? next : old))))}
              </div>
              <div className="rte-listing-item-actions">
                {isReorderable && (
                  <>
                    <IconButton
                      action="up"
                      label={labels.moveUp(noun, position)}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    >
                      ↑
                    </IconButton>
                    <IconButton
                      action="down"
                      label={labels.moveDown(noun, position)}
                      disabled={index === items.length - 1}
                      onClick={() => move(index, index + 1)}
                    >
                      ↓
                    </IconButton>
                  </>
                )}
                <button
                  type="button"
                  className="rte-listing-button rte-listing-button-remove"
                  data-action="remove"
                  onClick={() => remove(index)}
                >
                  {labels.remove(noun, itemName(item) || String(position))}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="rte-listing-button rte-listing-button-add" data-action="add" onClick={add}>
        {labels.add(noun)}
      </button>
    </fieldset>
  );
}

interface IconButtonProps {
  action: 'up' | 'down';
  label: string;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}

/** An arrow button whose accessible name (and tooltip) is the full "Move URL 2 up". */
function IconButton({ action, label, disabled, onClick, children }: IconButtonProps) {
  return (
    <button
      type="button"
      className="rte-listing-button rte-listing-button-icon"
      data-action={action}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}
