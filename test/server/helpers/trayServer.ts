/**
 * The recording fake Tray (fakeTray.ts) behind a real HTTP server on 127.0.0.1, so handlers
 * in other processes can call it: every call of every process is recorded in this one.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { createFakeTray, type FakeTray } from './fakeTray';

export interface TrayServer {
  tray: FakeTray;
  graphqlUrl: string;
  /** When each call arrived (performance.now()), in the order of `tray.calls`. */
  arrivals: number[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTrayServer(masterToken: string, fake: Parameters<typeof createFakeTray>[1] = {}): Promise<TrayServer> {
  const tray = createFakeTray(masterToken, fake);
  const arrivals: number[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    arrivals.push(performance.now());
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
    const answer = await tray.fetch(`http://tray.test${request.url}`, { method: request.method!, headers, body });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    response.end(await answer.text());
  });
  // Longer than any client keeps an idle socket: a server that closes one first races the
  // client's next request on it, which then fails as "Tray unreachable".
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    tray,
    arrivals,
    graphqlUrl: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
