import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { RateLimiter } from '../../src/mock-tray/rateLimiter';
import { createInProcessTray } from '../../src/mock-tray/inProcess';
import { createMockTrayStore } from '../../src/mock-tray/store';
import { fakeClock, startTestTray, type TestTray } from './helpers';

const QUERY = '{ viewer { details { name } } }';
const clockStart = Date.parse('2025-02-01T12:00:00.000Z');
/** Tray's whole body: path and locations of the refused field, extensions with the time it was thrown. */
const trayRateLimitBody = (at: number) =>
  JSON.stringify({
    data: null,
    errors: [
      {
        message: 'Rate limit exceeded',
        locations: [{ line: 1, column: 3 }],
        path: ['viewer'],
        extensions: { name: 'PreconditionError', code: 'access_not_allowed', time_thrown: new Date(at).toISOString() },
      },
    ],
  });

const clock = fakeClock();
let tray: TestTray;

beforeAll(async () => {
  tray = await startTestTray({ now: clock.now });
});
afterAll(() => tray.close());

async function rawRequest(token: string) {
  const response = await fetch(tray.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  });
  return { status: response.status, text: await response.text() };
}

describe('rate limit (clock frozen, so only the request count matters)', () => {
  it('lets a burst of 50 through, then answers HTTP 200 with exactly Tray’s body', async () => {
    const token = await tray.userToken(SEED_IDS.demoUser);
    for (let i = 0; i < 50; i += 1) expect((await rawRequest(token)).text).toContain('Demo User');
    const limited = await rawRequest(token);
    expect(limited).toEqual({ status: 200, text: trayRateLimitBody(clockStart) });
    expect(tray.store.requestLog.at(-1)?.outcome).toBe('rate_limited');

    // Other tokens have their own allowance.
    expect((await rawRequest(tray.masterToken)).text).toContain('Mock Tray partner');

    // 30 per second refill: after 100 ms three more requests pass, the fourth does not.
    clock.advance(100);
    for (let i = 0; i < 3; i += 1) expect((await rawRequest(token)).text).toContain('Demo User');
    expect((await rawRequest(token)).text).toBe(trayRateLimitBody(clockStart + 100));
  });

  it('is still recognised by our handler: after its one retry, a 429 carrying Tray’s whole error', async () => {
    const store = createMockTrayStore({ now: clock.now, rateLimitBurst: 1 });
    const inProcess = createInProcessTray({ store, user: { userId: SEED_IDS.demoUser } });
    const ask = () => inProcess.fetch('/api/tray/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect((await ask()).status).toBe(200);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await limited.json()).errors[0]).toEqual({
      message: 'Rate limit exceeded',
      locations: [{ line: 1, column: 2 }], // the handler forwards the document printed compactly: `{viewer{…}}`
      path: ['viewer'],
      extensions: { name: 'PreconditionError', code: 'access_not_allowed', time_thrown: new Date(clock.now()).toISOString() },
    });
  });

  it('is configurable, and Infinity turns it off', async () => {
    const strict = new RateLimiter(clock.now, { perSecond: 1, burst: 2 });
    expect([strict.tryTake('t'), strict.tryTake('t'), strict.tryTake('t')]).toEqual([true, true, false]);
    clock.advance(1000);
    expect([strict.tryTake('t'), strict.tryTake('t')]).toEqual([true, false]);

    const off = new RateLimiter(clock.now, { perSecond: Infinity });
    expect(Array.from({ length: 200 }, () => off.tryTake('t')).every(Boolean)).toBe(true);
    expect(() => new RateLimiter(clock.now, { perSecond: 0 })).toThrow(/Infinity/);
  });
});
