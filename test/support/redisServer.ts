/**
 * A real `redis-server` (Debian's package) for the tests and the bench: started on a free
 * loopback port with nothing persisted, stopped by the caller (and at the latest when this
 * process exits). Never a mock.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisServer {
  port: number;
  url: string;
  /** Stops the server (SIGKILL: an outage, not a shutdown) and waits until it has gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, and waits until it accepts connections. */
  start(): Promise<void>;
}

/** `redis-server` on `$PATH` (or `$REDIS_SERVER`); throws, saying how to install it, when missing. */
export function redisServerExecutable(): string {
  const path = process.env['REDIS_SERVER'] || 'redis-server';
  const found = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(
      `redis-server not found (${path}). The Redis store tests and bench need it: run \`apt-get update && apt-get install -y redis-server\`, or set REDIS_SERVER.`,
    );
  }
  return path;
}

/** A port the kernel just handed out on 127.0.0.1, free again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

export async function startRedisServer(): Promise<RedisServer> {
  const executable = redisServerExecutable();
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const started = spawn(executable, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(started);
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          started.stdout!.off('data', onData);
          started.stdout!.resume();
          resolve();
        }
      };
      started.stdout!.on('data', onData);
      started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
    });
  }

  async function stop(): Promise<void> {
    const current = child;
    child = undefined;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill('SIGKILL');
    await gone;
    running.delete(current);
  }

  await start();
  return { port, url: `redis://127.0.0.1:${port}`, stop, start };
}
