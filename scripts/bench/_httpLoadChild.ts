/**
 * Child of the gateway bench's HTTP part: the load generator, in its own process so that it
 * runs on the other core and the server's process does only the server's work. It keeps
 * `users` keep-alive connections, each sending one request at a time, written as raw HTTP/1.1
 * bytes and read back with a minimal parser, so that the client costs far less per request
 * than the server it measures. On each message `{ port, total, users, body }` it answers
 * `{ ms }`, or `{ error }` for an answer other than 200.
 */
import { connect, type Socket } from 'node:net';

interface Job {
  port: number;
  total: number;
  users: number;
  body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const LAST_CHUNK = Buffer.from('\r\n0\r\n\r\n');

/** One connection: sends a request, resolves with the status once its whole answer arrived. */
class Connection {
  #buffered: Buffer = Buffer.alloc(0);
  #waiting: ((status: number) => void) | undefined;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.#buffered = this.#buffered.length === 0 ? chunk : Buffer.concat([this.#buffered, chunk]);
      this.#tryComplete();
    });
  }

  send(request: Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.#waiting = resolve;
      this.socket.write(request);
    });
  }

  #tryComplete(): void {
    const headerEnd = this.#buffered.indexOf(HEADER_END);
    if (headerEnd === -1 || !this.#waiting) return;
    const head = this.#buffered.subarray(0, headerEnd).toString('latin1');
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    let end: number;
    if (length) {
      end = headerEnd + 4 + Number(length[1]);
      if (this.#buffered.length < end) return;
    } else {
      const last = this.#buffered.indexOf(LAST_CHUNK, headerEnd);
      if (last === -1) return;
      end = last + LAST_CHUNK.length;
    }
    this.#buffered = this.#buffered.subarray(end);
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting(status);
  }
}

const pools = new Map<number, Connection[]>();

async function connections(port: number, users: number): Promise<Connection[]> {
  const pool = pools.get(port) ?? [];
  while (pool.length < users) {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const opened = connect(port, '127.0.0.1', () => resolve(opened));
      opened.once('error', reject);
    });
    socket.setNoDelay(true);
    pool.push(new Connection(socket));
  }
  pools.set(port, pool);
  return pool.slice(0, users);
}

async function drive(job: Job): Promise<number> {
  const pool = await connections(job.port, job.users);
  const body = Buffer.from(job.body);
  const requests = pool.map((_, i) =>
    Buffer.concat([
      Buffer.from(
        `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1:${job.port}\r\ncontent-type: application/json\r\nx-user: user-${i}\r\ncontent-length: ${body.length}\r\n\r\n`,
        'latin1',
      ),
      body,
    ]),
  );
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    pool.map(async (connection, i) => {
      while (sent < job.total) {
        sent += 1;
        const status = await connection.send(requests[i]!);
        if (status !== 200) throw new Error(`answered ${status}`);
      }
    }),
  );
  return performance.now() - started;
}

process.on('message', (job: Job) => {
  drive(job).then(
    (ms) => process.send!({ ms }),
    (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
