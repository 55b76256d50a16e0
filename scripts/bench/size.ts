/**
 * Bytes a partner ships: each entry bundled from the built package as their production build
 * would (support/shippedSizes.ts, the same figures `npm run check:size` holds to budget).
 */
import type { BenchRow } from '../bench.js';
import { formatBytes } from './support/partnerBundle.js';
import { measureShippedSizes } from './support/shippedSizes.js';

export default async function bench(): Promise<BenchRow[]> {
  const { entries, css } = await measureShippedSizes();
  const rows: BenchRow[] = [];
  for (const entry of entries) {
    const target = entry.budgetBytes === undefined ? undefined : `≤ ${entry.budgetBytes} B gzip`;
    rows.push({ name: `${entry.label}: min+gzip`, value: formatBytes(entry.gzip), target });
    rows.push({ name: `${entry.label}: min+brotli`, value: formatBytes(entry.brotli) });
  }
  for (const { file, gzip } of css) rows.push({ name: `${file}: gzip`, value: formatBytes(gzip) });
  return rows;
}
