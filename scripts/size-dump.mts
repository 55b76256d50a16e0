// `npx tsx scripts/size-dump.mts src/index.ts`: prints the minified bundle of one entry as `npm run bench` measures it (for size work).
import { bundle } from './bench/size.js';
console.log(await bundle(process.argv[2]!));
