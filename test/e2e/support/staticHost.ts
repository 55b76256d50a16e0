/**
 * A plain static host for a built folder, mounted under a path prefix (`/some/where/`) as a
 * project page or a docs site would serve it: no backend, 404 for anything else, and a log of
 * every request, so a test can prove nothing was asked of the domain's root.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export interface HostRequest {
  method: string;
  /** With its query, as sent. */
  path: string;
  status: number;
}

export interface StaticHost {
  /** The page's URL: origin + prefix, e.g. `http://127.0.0.1:40123/some/where/`. */
  url: string;
  origin: string;
  /** Every request, in order. */
  requests: HostRequest[];
  close(): Promise<void>;
}

export async function startStaticHost(folder: string, prefix: string): Promise<StaticHost> {
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix must start and end with "/" (got "${prefix}")`);
  const root = normalize(folder);
  const requests: HostRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = req.url ?? '/';
      res.once('finish', () => requests.push({ method: req.method ?? 'GET', path, status: res.statusCode }));
      const pathname = decodeURIComponent(new URL(path, 'http://host').pathname);
      const file = pathname.startsWith(prefix) ? normalize(join(root, pathname.slice(prefix.length) || 'index.html')) : null;
      const found = file && (file === root || file.startsWith(root + sep)) ? await stat(file).catch(() => null) : null;
      if (!file || !found) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const target = found.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target).catch(() => null);
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(body);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
