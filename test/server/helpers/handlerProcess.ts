/**
 * One backend process of a partner: its own `createTrayHandler` on the Redis store, behind
 * `node:http` on a free loopback port. Started by handlerProcesses.ts with its settings in
 * `HANDLER_CONFIG` (JSON); prints `{"port":…}` once listening, then one `{"log":…}` line per
 * logger call. Exits when its parent closes stdin, or when killed.
 */
import { createServer } from 'node:http';
import { createRedisStore, createTrayHandler, toNodeListener, type RedisClientLike, type TrayHandlerLimits } from '../../../src/server/index';

export interface HandlerProcessConfig {
  client: 'ioredis' | 'redis';
  /** 'memory': the default in-process store, for comparison (Redis is then not used). @default 'redis' */
  store?: 'redis' | 'memory';
  redisUrl: string;
  graphqlUrl: string;
  masterToken: string;
  encryptionKey?: string;
  timeoutMs?: number;
  limits?: TrayHandlerLimits;
}

// JSON has no Infinity (a limit turned off): it travels as the string.
const config = JSON.parse(process.env['HANDLER_CONFIG']!, (_key, value: unknown) => (value === 'Infinity' ? Infinity : value)) as HandlerProcessConfig;
const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function connect(): Promise<RedisClientLike> {
  if (config.client === 'ioredis') {
    const { Redis } = await import('ioredis');
    const client = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
    client.on('error', () => undefined); // the store reports outages itself
    return client;
  }
  const { createClient } = await import('redis');
  // A steady retry, so a restarted Redis is found again within a fraction of a second.
  const client = createClient({ url: config.redisUrl, socket: { reconnectStrategy: () => 100 } });
  client.on('error', () => undefined);
  await client.connect();
  return client as unknown as RedisClientLike;
}

const client = await connect();
const handler = createTrayHandler({
  masterToken: config.masterToken,
  graphqlUrl: config.graphqlUrl,
  embeddedId: 'emb-123',
  getUser: (request) => {
    const userId = request.headers.get('x-test-user');
    return userId ? { userId } : null;
  },
  ...(config.store === 'memory' ? {} : { store: createRedisStore(client, config.encryptionKey ? { encryptionKey: config.encryptionKey } : {}) }),
  ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
  ...(config.limits ? { limits: config.limits } : {}),
  logger: {
    warn: (message, details) => say({ log: { level: 'warn', message, details } }),
    error: (message, details) => say({ log: { level: 'error', message, details } }),
  },
});
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => say({ port: (server.address() as { port: number }).port }));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
