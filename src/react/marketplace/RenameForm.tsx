import { useEffect, useRef, useState } from 'react';

export interface RenameFormProps {
  initialName: string;
  labels: { newName: string; save: string; cancel: string };
  onSave: (name: string) => void;
  onCancel: () => void;
}

/** An inline rename: the field takes focus with its text selected; Enter saves, Escape cancels. */
export function RenameForm({ initialName, labels, onSave, onCancel }: RenameFormProps) {
  const [name, setName] = useState(initialName);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const trimmed = name.trim();
  return (
    <form
      className="rte-rename"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed === initialName) onCancel();
        else if (trimmed) onSave(trimmed);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <input
        ref={input}
        className="rte-input"
        aria-label={labels.newName}
        value={name}
        required
        maxLength={200}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="rte-button rte-button--primary" disabled={!trimmed}>
        {labels.save}
      </button>
      <button type="button" className="rte-button" onClick={onCancel}>
        {labels.cancel}
      </button>
    </form>
  );
}
