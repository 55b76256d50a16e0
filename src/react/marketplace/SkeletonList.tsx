export interface SkeletonListProps {
  /** Read to screen readers while loading, e.g. "Loading integrations…". */
  label: string;
  /** How many placeholders. @default 3 */
  count?: number;
  /** Card placeholders (catalog) or rows (lists, tables). @default 'row' */
  variant?: 'card' | 'row';
}

/**
 * Grey placeholders in the shape of what is coming, so the layout does not jump. Hidden from
 * assistive technology, which hears the label instead.
 */
export function SkeletonList({ label, count = 3, variant = 'row' }: SkeletonListProps) {
  return (
    <div className={`rte-skeleton rte-skeleton--${variant}`} aria-busy="true">
      <span className="rte-visually-hidden">{label}</span>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="rte-skeleton__item" aria-hidden="true">
          <span className="rte-skeleton__line rte-skeleton__line--title" />
          <span className="rte-skeleton__line" />
        </div>
      ))}
    </div>
  );
}
