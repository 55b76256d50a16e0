/**
 * The shipped sandbox (`react-tray-embedded mock-tray`) as a child process: ready when it has
 * printed its settings (the JSON line with `--json`, else the text ending in "Ctrl+C stops
 * it."), stopped with SIGTERM (and killed if it does not exit by itself). Never a timer: the
 * printed settings are the signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { SandboxSettings } from '../../../src/mock-tray/cli/output.js';

export interface RunningSandbox {
  /** With `--json`: the settings line. */
  settings: SandboxSettings | null;
  /** The `.env` block a person copies (`TRAY_MASTER_TOKEN=…`), from the text output. */
  env: Record<string, string>;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** SIGTERM, then the exit code (null when it had to be killed). */
  stop(): Promise<number | null>;
}

export interface ExitedProcess {
  code: number | null;
  stdout: string;
  stderr: string;
}

const READY_TEXT = 'Ctrl+C stops it.';

/** Spawns `command args` in `cwd`; resolves once it printed its settings, or rejects with what it printed instead. */
export async function startSandbox(command: string, args: string[], cwd: string): Promise<RunningSandbox> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = () => `--- stdout\n${stdout}\n--- stderr\n${stderr}`;
  const exited = once(child, 'exit') as Promise<[number | null]>;

  const settings = await new Promise<SandboxSettings | null>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      const json = lines.find((text) => text.startsWith('{'));
      if (json) resolve(JSON.parse(json) as SandboxSettings);
      else if (lines.some((text) => text.includes(READY_TEXT))) resolve(null);
    });
    void exited.then(([code]) => reject(new Error(`${command} ${args.join(' ')} exited ${code} before it printed its settings\n${output()}`)));
    child.once('error', reject);
  });
  const env = Object.fromEntries([...stdout.matchAll(/^(TRAY_[A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
  return { settings, env, output, stop: () => stopChild(child, exited) };
}

async function stopChild(child: ChildProcess, exited: Promise<[number | null]>): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  // The sandbox closes its servers and exits 0 on SIGTERM; if it cannot, it is killed.
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [code] = await exited;
  clearTimeout(killer);
  return code;
}

/** Runs a command to its end (for the help and the refusals), keeping what it printed. */
export async function runToExit(command: string, args: string[], cwd: string): Promise<ExitedProcess> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

export interface RunningProcess {
  /** Everything it wrote so far, for failure messages. */
  output(): string;
  /** Resolves once its stdout or stderr contains `text` (rejects if it exits first). */
  printed(text: string): Promise<void>;
  /** SIGTERM, then the exit code (null when it had to be killed). */
  stop(): Promise<number | null>;
}

/** A long-running child (a server), stopped by the caller; its own pid, no shell left behind. */
export function startProcess(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): RunningProcess {
  const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env } });
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const output = () => `--- ${command} ${args.join(' ')}\n${text}`;
  return {
    output,
    printed: (wanted) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!text.includes(wanted)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
        void exited.then(([code]) => reject(new Error(`exited ${code} before printing "${wanted}"\n${output()}`)));
      }),
    stop: () => stopChild(child, exited),
  };
}
