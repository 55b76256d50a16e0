/**
 * min / median / max of a set of timed runs: the one way every timing row of `npm run bench`
 * reports a figure, so no row shows a median without its spread or hides how many runs it had.
 */

export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number;
}

/** Throws on no runs or a non-finite value: either means the bench measured nothing. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('stats: no runs to summarize');
  const bad = values.find((v) => !Number.isFinite(v));
  if (bad !== undefined) throw new Error(`stats: a run measured ${bad}, not a time`);
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)!, runs: sorted.length };
}

/** The value at quantile `q` (0…1), nearest rank: for tails such as p95 beside the spread. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** `0.31 / 0.40 / 2.60 ms (50 runs)`: min / median / max, one unit, the run count. */
export function formatSpread(values: readonly number[], unit: 'ms' | 'µs', digits = 2): string {
  const { min, median, max, runs } = spread(values);
  return `${[min, median, max].map((v) => v.toFixed(digits)).join(' / ')} ${unit} (${runs} runs)`;
}

/** The column header that goes with formatSpread's value. */
export const SPREAD = 'min / median / max';
