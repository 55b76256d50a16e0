import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, expectNoTokenLeaks } from './helpers/harness';

afterAll(expectNoTokenLeaks);

const LIST = JSON.stringify({ query: '{ viewer { solutionInstances { totalCount } } }' });
const APP = 'https://app.example.com';
const CORS = { cors: { origins: [APP, 'http://localhost:5173'] } };

function fromOrigin(origin: string | null, init: { method?: string; headers?: Record<string, string>; url?: string } = {}) {
  const headers = new Headers({ 'content-type': 'application/json', 'x-test-user': 'user-a', ...init.headers });
  if (origin !== null) headers.set('origin', origin);
  const method = init.method ?? 'POST';
  return new Request(init.url ?? 'https://api.example.com/graphql', { method, headers, ...(method === 'POST' ? { body: LIST } : {}) });
}

describe('origins', () => {
  it('by default serves requests without Origin and from its own origin, with no CORS headers', async () => {
    const { send } = createHarness();
    for (const origin of [null, 'https://api.example.com']) {
      const reply = await send(fromOrigin(origin));
      expect(reply.status).toBe(200);
      expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('counts its own host as its own origin behind a proxy that terminates TLS', async () => {
    const { send } = createHarness();
    expect((await send(fromOrigin('https://api.example.com', { url: 'http://api.example.com/graphql' }))).status).toBe(200);
    expect((await send(fromOrigin('http://127.0.0.1:5173', { url: 'http://127.0.0.1:5173/graphql' }))).status).toBe(200);
  });

  it('counts a call the browser marks Sec-Fetch-Site: same-origin as its own, behind a proxy that rewrote Host', async () => {
    const { send } = createHarness();
    // Vite's dev proxy: the page is on :5173, the handler sees its own host 127.0.0.1:3001.
    const proxied = (site: string) => fromOrigin('http://localhost:5173', { url: 'http://127.0.0.1:3001/graphql', headers: { 'sec-fetch-site': site } });
    expect((await send(proxied('same-origin'))).status).toBe(200);
    for (const site of ['same-site', 'cross-site', 'none']) {
      const reply = await send(proxied(site));
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden_origin');
    }
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a look-alike host', 'https://api.example.com.evil.example'],
    ['its own host on another port', 'https://api.example.com:8443'],
    ['an opaque origin', 'null'],
    ['garbage', 'not an origin'],
  ])('refuses %s with 403 forbidden_origin before looking up the user or calling Tray', async (_name, origin) => {
    let asked = 0;
    const { send, tray } = createHarness({
      getUser: () => {
        asked += 1;
        return { userId: 'user-a' };
      },
    });
    const reply = await send(fromOrigin(origin));
    expect(reply.status).toBe(403);
    expect(reply.body.error).toEqual({ code: 'forbidden_origin', message: expect.stringMatching(/cors\.origins/) });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    expect(asked).toBe(0);
    expect(tray.calls).toEqual([]);
  });

  it('answers a preflight from a listed origin, and only from a listed origin', async () => {
    const { send } = createHarness({ cors: { origins: [APP], credentials: true } });
    const preflight = await send(
      fromOrigin(APP, { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-csrf-token' } }),
    );
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries([...preflight.headers].filter(([name]) => name.startsWith('access-control') || name === 'vary'))).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, x-csrf-token',
      'access-control-expose-headers': 'retry-after',
      'access-control-max-age': '600',
      vary: 'origin',
    });
    const foreign = await send(fromOrigin('https://evil.example', { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } }));
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves a listed origin with CORS headers, errors and 429s included, so the browser can read them', async () => {
    const { send } = createHarness({ ...CORS, limits: { userBurst: 1 } });
    const ok = await send(fromOrigin(APP));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    expect(ok.headers.get('vary')).toBe('origin');
    const limited = await send(fromOrigin('http://localhost:5173'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(limited.headers.get('access-control-expose-headers')).toBe('retry-after');
  });

  it('a preflight without cors configured is a 405, as any other method', async () => {
    const { send } = createHarness();
    const reply = await send(fromOrigin(null, { method: 'OPTIONS' }));
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('POST');
  });

  it.each([
    [{ origins: ['*'] }, /exact origins/],
    [{ origins: ['https://app.example.com/path'] }, /exact origins/],
    [{ origins: ['app.example.com'] }, /exact origins/],
    [{ origins: ['ftp://app.example.com'] }, /exact origins/],
    [{ origins: 'https://app.example.com' }, /cors must be/],
  ])('refuses cors %j at creation', (cors, message) => {
    expect(() => createHarness({ cors: cors as never })).toThrow(message);
  });

  it('accepts an origin written with a trailing slash', async () => {
    const { send } = createHarness({ cors: { origins: [`${APP}/`] } });
    expect((await send(fromOrigin(APP))).headers.get('access-control-allow-origin')).toBe(APP);
  });
});
