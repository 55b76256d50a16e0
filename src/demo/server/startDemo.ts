import { createServer as createNetServer } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { build, createServer, preview, type Plugin } from 'vite';
import { toNodeListener } from '../../server/index.js';
import { DEMO_CONFIG_PATH } from '../config.js';
import { DEMO_EVENTS_PATH } from '../partner/partnerHooks.js';
import { API_BASE, startTrayBackend, type TrayBackend } from './trayBackend.js';

export interface StartDemoOptions {
  /** `dev`: Vite dev server with Fast Refresh; `preview`: a production build served statically. @default 'dev' */
  mode?: 'dev' | 'preview';
  /** 0 picks a free port. @default 5173 */
  port?: number;
  apiPort?: number;
  wizardPort?: number;
  extraInstances?: number;
  /** Build into (or serve from) this folder in preview mode. @default 'dist-demo' */
  outDir?: string;
  /** Preview mode: build first; false serves an earlier build. @default true */
  build?: boolean;
  /** The mock's per-token rate limit (Tray's is 30/s); benchmarks raise it. */
  rateLimitPerSecond?: number;
  env?: Record<string, string | undefined>;
}

export interface RunningDemo {
  url: string;
  backend: TrayBackend;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The demo page, our handler and the mock Tray, each on its own loopback port. */
export async function startDemo(options: StartDemoOptions = {}): Promise<RunningDemo> {
  const port = options.port === 0 ? await freePort() : (options.port ?? 5173);
  const url = `http://${HOST}:${port}`;
  const backend = await startTrayBackend({
    hostOrigins: [url, `http://localhost:${port}`],
    apiPort: options.apiPort,
    wizardPort: options.wizardPort,
    extraInstances: options.extraInstances,
    rateLimitPerSecond: options.rateLimitPerSecond,
    env: options.env,
  });
  const plugin = trayApiPlugin(backend);
  try {
    if (options.mode === 'preview') {
      const outDir = options.outDir ?? 'dist-demo';
      if (options.build !== false) await buildDemo(outDir);
      const server = await preview({ configFile: 'vite.config.ts', plugins: [plugin], build: { outDir }, preview: { host: HOST, port, strictPort: true } });
      return { url, backend, close: async () => { backend.events.close(); await closeHttp(server.httpServer); await backend.close(); } };
    }
    const server = await createServer({ configFile: 'vite.config.ts', plugins: [plugin], server: { host: HOST, port, strictPort: true } });
    await server.listen();
    // The events panel's waiting request is answered first, or the server would wait for it.
    return { url, backend, close: async () => { backend.events.close(); await server.close(); await backend.close(); } };
  } catch (error) {
    await backend.close();
    throw error;
  }
}

/** The static demo (index.html → src/demo) as `npm run build:demo` makes it. */
export async function buildDemo(outDir = 'dist-demo'): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** Mounts the handler at /api/tray and the demo's config at /api/demo-config, in dev and preview. */
function trayApiPlugin(backend: TrayBackend): Plugin {
  const listener = toNodeListener(backend.handler);
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url === DEMO_CONFIG_PATH) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(backend.config));
    } else if (req.url?.startsWith(`${DEMO_EVENTS_PATH}?`)) {
      const after = Number(new URL(req.url, 'http://demo.invalid').searchParams.get('after')) || 0; // -1: where history stands
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      void backend.events.next(after, gone.signal).then((events) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        res.end(JSON.stringify(events));
      });
    } else if (req.url?.startsWith(`${API_BASE}/`)) {
      listener(req, res);
    } else {
      next();
    }
  };
  return {
    name: 'react-tray-embedded-demo-api',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function closeHttp(server: { close(cb: () => void): void; closeAllConnections?: () => void } | null): Promise<void> {
  return new Promise((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}
