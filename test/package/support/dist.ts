/**
 * Shared by the package tests: the repository root, a fresh dist/, and a way to run a
 * command and keep its output for the failure message.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Everything `npm run build` reads; dist/ older than any of these is rebuilt. */
const BUILD_INPUTS = [
  'src/index.ts',
  'src/core',
  'src/react',
  'src/server',
  'src/listing',
  'src/graphql',
  'src/mock-tray',
  'scripts/build.ts',
  'tsconfig.build.json',
  'package.json',
];

/** Files every build writes; all must exist and be newer than the inputs. */
const BUILD_OUTPUTS = ['dist/index.js', 'dist/index.d.ts', 'dist/server/index.js', 'dist/styles.css', 'dist/listing.css', 'dist/cli/react-tray-embedded.js'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; never throws, so a test can show what went wrong. */
export function run(command: string, args: string[], cwd = ROOT): RunResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The output of a finished command, for an assertion message. */
export function describeRun(what: string, result: RunResult): string {
  return `${what} exited ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** Builds dist/ unless a build newer than every input is already there (as `npm test` leaves it). */
export function ensureBuilt(): void {
  const inputs = Math.max(...BUILD_INPUTS.map((path) => newestMtime(join(ROOT, path))));
  const outputs = BUILD_OUTPUTS.map((path) => statSync(join(ROOT, path), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  if (Math.min(...outputs) > inputs) return;
  const result = run('npm', ['run', 'build']);
  if (result.status !== 0) throw new Error(describeRun('npm run build', result));
}

/** One file of `npm pack --json`. */
export interface PackedFile {
  path: string;
  size: number;
  mode: number;
}

/** What `npm pack --json` reports for the tarball. */
export interface PackReport {
  filename: string;
  /** The .tgz's size in bytes. */
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: PackedFile[];
}

/**
 * Runs `npm pack --json …` in `cwd` and returns its report. The JSON is the last thing on
 * stdout: a `prepack` script (our build) prints before it.
 */
export function pack(args: string[], cwd = ROOT): PackReport {
  const result = run('npm', ['pack', '--json', ...args], cwd);
  if (result.status !== 0) throw new Error(describeRun(`npm pack --json ${args.join(' ')}`, result));
  const start = result.stdout.search(/^\[\s*$/m);
  if (start === -1) throw new Error(describeRun('npm pack printed no JSON report', result));
  const [report] = JSON.parse(result.stdout.slice(start)) as PackReport[];
  return report!;
}
