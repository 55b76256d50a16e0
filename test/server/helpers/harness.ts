import { expect } from 'vitest';
import { createTrayHandler, type TrayHandlerOptions } from '../../../src/server/index';
import { createFakeTray, type FakeTray } from './fakeTray';

export const MASTER_TOKEN = 'MASTER-TOKEN-7f3c9a-secret';
export const GRAPHQL_URL = 'https://tray.test/graphql';

export interface LogEntry {
  level: 'warn' | 'error';
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Everything any harness in this test file has let out: response bodies, response headers
 * and logger calls. `expectNoTokenLeaks` greps it for every token the fake Tray ever issued.
 */
const observed: string[] = [];
const fakes: FakeTray[] = [];

/** How many texts (bodies, header sets, log calls) have been recorded in this file. */
export function observedCount(): number {
  return observed.length;
}

/** Every token the fake Trays of this file know: the master token and each issued user token. */
export function knownTokens(): string[] {
  return [MASTER_TOKEN, ...fakes.flatMap((tray) => tray.issuedTokens)];
}

/**
 * Every reading of `text` a browser or a log reader could make: the text itself, and when it
 * is JSON, every string and key in it after decoding (so `\u004d…` escapes count), each also
 * percent-decoded and backslash-unescaped.
 */
export function readingsOf(text: string): string[] {
  const readings = [text];
  const decode = (value: string) => {
    readings.push(value);
    try {
      readings.push(decodeURIComponent(value));
    } catch {
      // not percent-encoded
    }
    readings.push(value.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return readings;
  }
  const stack = [parsed];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') decode(value);
    else if (Array.isArray(value)) stack.push(...value);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        decode(key);
        stack.push(item);
      }
    }
  }
  return readings;
}

/** The texts that contain any of the secrets, in any reading. */
export function leaksIn(texts: string[], secrets: string[]): string[] {
  return texts.filter((text) => readingsOf(text).some((reading) => secrets.some((secret) => reading.includes(secret))));
}

export function expectNoTokenLeaks(): void {
  expect(leaksIn(observed, knownTokens())).toEqual([]);
}

export interface Harness {
  handler: (request: Request, context?: unknown) => Promise<Response>;
  tray: FakeTray;
  logs: LogEntry[];
  /** POSTs JSON as `userId` (null: signed out) and returns status, headers and parsed body. */
  post(path: string, body: unknown, as?: { userId: string | null; isAdmin?: boolean }, init?: RequestInit): Promise<Reply>;
  /** Sends a raw request through the handler, recording what comes back. */
  send(request: Request): Promise<Reply>;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export function createHarness(overrides: Partial<TrayHandlerOptions> = {}, fake: Parameters<typeof createFakeTray>[1] = {}): Harness {
  const tray = createFakeTray(MASTER_TOKEN, fake);
  fakes.push(tray);
  const logs: LogEntry[] = [];
  const record = (level: LogEntry['level']) => (message: string, details?: Record<string, unknown>) => {
    logs.push({ level, message, ...(details ? { details } : {}) });
    observed.push(JSON.stringify([level, message, details]));
  };
  const handler = createTrayHandler({
    masterToken: MASTER_TOKEN,
    graphqlUrl: GRAPHQL_URL,
    embeddedId: 'emb-123',
    getUser: (request) => {
      const userId = request.headers.get('x-test-user');
      return userId ? { userId, isAdmin: request.headers.get('x-test-admin') === 'yes' } : null;
    },
    fetch: tray.fetch,
    logger: { warn: record('warn'), error: record('error') },
    ...overrides,
  });

  async function send(request: Request): Promise<Reply> {
    const response = await handler(request);
    const text = await response.text();
    observed.push(text, JSON.stringify([...response.headers]));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, text, body };
  }

  return {
    handler,
    tray,
    logs,
    send,
    post(path, body, as = { userId: 'user-a' }, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      if (as.userId) headers.set('x-test-user', as.userId);
      if (as.isAdmin) headers.set('x-test-admin', 'yes');
      return send(
        new Request(`http://app.test${path}`, {
          method: 'POST',
          body: typeof body === 'string' ? body : JSON.stringify(body),
          ...init,
          headers,
        }),
      );
    },
  };
}

/**
 * The calls the wizard-url and auth-url routes make for the user's own instance, in order
 * (src/server/ownedInstance.ts, shared by both): the user's token, the instance looked up by
 * `id` with it (a document containing `lookupContains`), then a code for `userId` minted with
 * the master token.
 */
export function expectOwnedLookupThenMint(tray: FakeTray, { id, userId, lookupContains }: { id: string; userId: string; lookupContains: string }): void {
  const [authorize, lookup, mint] = tray.calls;
  expect(authorize!.field).toBe('authorize');
  expect(lookup!.field).toBe('viewer.solutionInstances');
  expect(lookup!.authorization).toBe(`Bearer ${tray.issuedTokens[0]}`);
  expect(lookup!.body.query).toContain(lookupContains);
  expect(lookup!.body.variables).toEqual({ id });
  expect(mint!.field).toBe('generateAuthorizationCode');
  expect(mint!.authorization).toBe(`Bearer ${MASTER_TOKEN}`);
  expect(mint!.body.variables).toEqual({ input: { userId } });
}
