import { request as httpRequest } from 'node:http';

export interface RawAnswer {
  status: number;
  contentType: string | undefined;
  text: string;
}

/**
 * One HTTP/1.1 request to 127.0.0.1 with exactly the headers given: no Host unless one is
 * (fetch would not let us send a wrong one, or none), and any method, target and bytes.
 * A body goes with its `content-length`, so node:http never sends it as a second request.
 */
export function rawHttp(port: number, request: { method?: string; path: string; headers: Record<string, string>; body?: string | Buffer }): Promise<RawAnswer> {
  const { method = 'POST', path, body } = request;
  const headers = body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers, setHost: false, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode!, contentType: incoming.headers['content-type'], text: Buffer.concat(chunks).toString() }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
