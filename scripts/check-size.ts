/**
 * `npm run check:size`: the size budget, run by `npm test` (and so by CI).
 *
 * Measures exactly what `npm run bench` reports (same `bundle`: minified, peers external,
 * pure annotations dropped as a partner's production build would), gzip level 9, and exits 1
 * when an entry is over its budget. The budgets come from issue 7: a partner's enabler costs
 * at most 4 KB, `/core` at most 2 KB (react-plaid-link is 5.3 KB, Prismatic 5.0 KB).
 */
import { gzipSync } from 'node:zlib';
import { bundle } from './bench/size.js';

interface Budget {
  label: string;
  file: string;
  maxBytes: number;
}

const BUDGETS: Budget[] = [
  { label: 'enabler as a partner imports it', file: 'scripts/bench/entries/enabler.ts', maxBytes: 4096 },
  { label: 'react-tray-embedded/core', file: 'src/core/index.ts', maxBytes: 2048 },
];

let failed = false;
for (const { label, file, maxBytes } of BUDGETS) {
  const bytes = gzipSync(await bundle(file), { level: 9 }).length;
  const over = bytes > maxBytes;
  failed ||= over;
  const verdict = over ? `OVER by ${bytes - maxBytes} B` : `${maxBytes - bytes} B to spare`;
  console.log(`size: ${label} (${file}): ${bytes} B min+gzip, budget ${maxBytes} B: ${verdict}`);
}

if (failed) {
  console.error(
    'size: over budget. Run `npx tsx scripts/size-dump.mts <entry>` to see what the bundle holds, ' +
      'then trim it (or, if the growth is worth it, raise the budget in scripts/check-size.ts and say why).',
  );
  process.exit(1);
}
