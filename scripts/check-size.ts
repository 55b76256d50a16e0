/**
 * `npm run check:size`: the size budget, run by `npm test` (and so by CI).
 *
 * Measures exactly what `npm run bench` reports (support/shippedSizes.ts: the library built as
 * `npm run build` builds it, each partner import bundled from that build minified with peers
 * external and pure annotations dropped, gzip level 9), and exits 1 when an entry is over its
 * budget. The budgets are constants in scripts/bench/support/shippedSizes.ts.
 */
import { measureShippedSizes } from './bench/support/shippedSizes.js';

const { entries } = await measureShippedSizes();
let failed = false;
for (const { label, entry, gzip, budgetBytes } of entries) {
  if (budgetBytes === undefined) continue;
  const over = gzip > budgetBytes;
  failed ||= over;
  const verdict = over ? `OVER by ${gzip - budgetBytes} B` : `${budgetBytes - gzip} B to spare`;
  console.log(`size: ${label} (scripts/bench/entries/${entry}.js): ${gzip} B min+gzip, budget ${budgetBytes} B: ${verdict}`);
}

if (failed) {
  console.error(
    'size: over budget. Run `npx tsx scripts/size-dump.mts <entry>` to see what the bundle holds, ' +
      'then trim it (or, if the growth is worth it, raise the budget in scripts/bench/support/shippedSizes.ts and say why).',
  );
  process.exit(1);
}
