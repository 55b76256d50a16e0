/**
 * Several handler processes (handlerProcess.ts, each `node --import tsx`) sharing one Redis
 * and one fake Tray: a partner's backend run as N containers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HandlerProcessConfig } from './handlerProcess';

const SCRIPT = fileURLToPath(new URL('./handlerProcess.ts', import.meta.url));

export interface ProcessLog {
  level: 'warn' | 'error';
  message: string;
  details?: Record<string, unknown>;
}

export interface HandlerProcess {
  port: number;
  logs: ProcessLog[];
  child: ChildProcess;
  /** POSTs JSON as `userId`; the status and parsed body. */
  post(path: string, body: unknown, userId: string): Promise<{ status: number; body: any }>;
  /** SIGKILL, as a crashed container; resolves once it has gone. */
  kill(): Promise<void>;
}

export interface HandlerGroup {
  processes: HandlerProcess[];
  /** Request `i` goes to process `i % n`. */
  post(i: number, path: string, body: unknown, userId: string): Promise<{ status: number; body: any }>;
  logs(): ProcessLog[];
  stop(): Promise<void>;
}

async function startOne(config: HandlerProcessConfig): Promise<HandlerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, HANDLER_CONFIG: JSON.stringify(config, (_key, value: unknown) => (value === Infinity ? 'Infinity' : value)) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const logs: ProcessLog[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as { port?: number; log?: ProcessLog };
        buffered = buffered.slice(newline + 1);
        if (line.port) resolve(line.port);
        if (line.log) logs.push(line.log);
      }
    });
    child.once('exit', (code) => reject(new Error(`a handler process exited (${code}) before it listened`)));
  });
  const post = async (path: string, body: unknown, userId: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-user': userId },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await gone;
  };
  return { port, logs, child, post, kill };
}

export async function startHandlers(count: number, config: HandlerProcessConfig): Promise<HandlerGroup> {
  const starting = Array.from({ length: count }, () => startOne(config));
  const settled = await Promise.allSettled(starting);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(settled.map((result) => (result.status === 'fulfilled' ? result.value.kill() : undefined)));
    throw failed.reason;
  }
  const processes = settled.map((result) => (result as PromiseFulfilledResult<HandlerProcess>).value);
  return {
    processes,
    post: (i, path, body, userId) => processes[i % processes.length]!.post(path, body, userId),
    logs: () => processes.flatMap((one) => one.logs),
    async stop() {
      await Promise.all(
        processes.map(async (one) => {
          if (one.child.exitCode !== null || one.child.signalCode !== null) return;
          const gone = new Promise<void>((resolve) => one.child.once('exit', () => resolve()));
          one.child.stdin!.end();
          await gone;
        }),
      );
    },
  };
}
