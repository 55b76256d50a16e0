import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { RateLimiter } from '../../src/mock-tray/rateLimiter';
import { fakeClock, startTestTray, type TestTray } from './helpers';

const TRAY_RATE_LIMIT_BODY = '{"data":null,"errors":[{"message":"Rate limit exceeded","extensions":{"name":"PreconditionError","code":"access_not_allowed"}}]}';
const QUERY = '{ viewer { details { name } } }';

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
    expect(limited).toEqual({ status: 200, text: TRAY_RATE_LIMIT_BODY });
    expect(tray.store.requestLog.at(-1)?.outcome).toBe('rate_limited');

    // Other tokens have their own allowance.
    expect((await rawRequest(tray.masterToken)).text).toContain('Mock Tray partner');

    // 30 per second refill: after 100 ms three more requests pass, the fourth does not.
    clock.advance(100);
    for (let i = 0; i < 3; i += 1) expect((await rawRequest(token)).text).toContain('Demo User');
    expect((await rawRequest(token)).text).toBe(TRAY_RATE_LIMIT_BODY);
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
