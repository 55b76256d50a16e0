export interface TagFilterProps {
  /** The group's accessible name, e.g. "Filter by tag". */
  label: string;
  /** The chip that clears the filter, e.g. "All". */
  allLabel: string;
  tags: readonly string[];
  selected: string | null;
  onChange: (tag: string | null) => void;
}

/** One-of chips as toggle buttons (`aria-pressed`): reachable with Tab, chosen with Enter or Space. */
export function TagFilter({ label, allLabel, tags, selected, onChange }: TagFilterProps) {
  if (tags.length === 0) return null;
  const chip = (value: string | null, text: string) => (
    <button
      key={value ?? ''}
      type="button"
      className="rte-chip"
      aria-pressed={selected === value}
      onClick={() => onChange(selected === value ? null : value)}
    >
      {text}
    </button>
  );
  return (
    <div role="group" aria-label={label} className="rte-chips">
      {chip(null, allLabel)}
      {tags.map((tag) => chip(tag, tag))}
    </div>
  );
}
