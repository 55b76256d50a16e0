/**
 * `npm run bench`: runs every scripts/bench/*.ts and prints one table of figures.
 * Each module's default export returns rows; none of them is a test, and none fails the run
 * for missing a target: the table shows the target beside the figure.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRow {
  name: string;
  value: string;
  target?: string;
}

const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const started = Date.now();
  process.stderr.write(`bench: ${file}…\n`);
  try {
    const mod = (await import(pathToFileURL(dir + file).href)) as { default: () => Promise<BenchRow[]> };
    rows.push(...(await mod.default()));
  } catch (error) {
    rows.push({ name: `${file} FAILED`, value: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
    process.exitCode = 1;
  }
  process.stderr.write(`bench: ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const width = (key: keyof BenchRow) => Math.max(key.length, ...rows.map((r) => (r[key] ?? '').length));
const [w1, w2, w3] = [width('name'), width('value'), width('target')];
const line = (a: string, b: string, c: string) => `| ${a.padEnd(w1)} | ${b.padStart(w2)} | ${c.padEnd(w3)} |`;
console.log(line('name', 'value', 'target'));
console.log(`|${'-'.repeat(w1 + 2)}|${'-'.repeat(w2 + 1)}:|${'-'.repeat(w3 + 2)}|`);
for (const r of rows) console.log(line(r.name, r.value, r.target ?? ''));
