// `npx tsx scripts/size-dump.mts enabler`: prints one entry of scripts/bench/entries bundled from
// the built package exactly as `npm run bench` measures it, then the modules it holds (for size work).
import { ENTRY_NAMES, withShippedLibrary } from './bench/support/shippedLibrary.js';

const name = process.argv[2];
if (!name || !ENTRY_NAMES.includes(name)) {
  console.error(`usage: npx tsx scripts/size-dump.mts <entry>; entries: ${ENTRY_NAMES.join(', ')}`);
  process.exit(2);
}
const { code, moduleIds } = await withShippedLibrary((library) => library.bundleEntry(name));
console.log(code);
console.error(`\n${moduleIds.length} modules:\n${moduleIds.map((id) => id.replace(/^.*\/node_modules\//, '')).join('\n')}`);
