/**
 * The two Redis clients partners use, behind one function: `ioredis` (`client.call(name,
 * ...args)`) and node-redis 4+ (`client.sendCommand([name, ...args])`). Told apart by what
 * they have, never imported: the partner passes the client it already runs.
 */

/** An `ioredis` client (`new Redis(…)`), or a node-redis 4+ client (`createClient(…)`, connected). */
export type RedisClientLike = IoRedisLike | NodeRedisLike;

interface IoRedisLike {
  call(command: string, ...args: string[]): Promise<unknown>;
  /** 'ready' when connected; 'reconnecting', 'end' or 'close' when not. */
  status?: string;
}

interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
  isReady?: boolean;
}

export interface RedisCommands {
  /** Sends one command; its reply as the client gives it (strings, numbers, arrays, null). */
  send(args: string[]): Promise<unknown>;
  /** True when the client itself knows it has no connection: fail at once rather than queue. */
  isDown(): boolean;
}

const IOREDIS_DOWN = new Set(['reconnecting', 'end', 'close']);

export function redisCommands(client: RedisClientLike): RedisCommands {
  if (typeof client !== 'object' || client === null) throw notAClient();
  if (typeof (client as IoRedisLike).call === 'function' && typeof (client as IoRedisLike).status === 'string') {
    const io = client as IoRedisLike;
    return {
      send: ([command, ...args]) => io.call(command!, ...args),
      isDown: () => IOREDIS_DOWN.has(io.status!),
    };
  }
  if (typeof (client as NodeRedisLike).sendCommand === 'function' && typeof (client as NodeRedisLike).isReady === 'boolean') {
    const node = client as NodeRedisLike;
    return {
      send: (args) => node.sendCommand(args),
      isDown: () => node.isReady === false,
    };
  }
  throw notAClient();
}

function notAClient(): Error {
  return new Error(
    'createRedisStore: client must be an ioredis client (new Redis(url)) or a connected node-redis 4+ client (await createClient({ url }).connect()).',
  );
}
