import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../src/mock-tray/seed';
import { startMockTray } from '../../src/mock-tray/server';
import { HOST_ORIGIN, startTestTray, type TestTray } from './helpers';

let tray: TestTray;
const instanceId = SEED_IDS.instances.disabledMissingValues;
const pagePath = (embeddedId: string) => `/external/solutions/${embeddedId}/configure/${instanceId}?code=mock-code-x`;

beforeAll(async () => {
  tray = await startTestTray();
});
afterAll(() => tray.close());

describe('the wizard page', () => {
  it('is served on its own origin, not the API’s', async () => {
    expect(new URL(tray.wizardOrigin).port).not.toBe(new URL(tray.apiOrigin).port);
    expect((await fetch(`${tray.apiOrigin}${pagePath(tray.embeddedId)}`)).status).toBe(404);
    expect((await fetch(`${tray.wizardOrigin}/graphql`)).status).toBe(404);
  });

  it('serves a self-contained page with the form controls, the instance to load and the host origins', async () => {
    const response = await fetch(`${tray.wizardOrigin}${pagePath(tray.embeddedId)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    for (const fragment of ['<form id="form"', '>Next</button>', '>Back</button>', '>Cancel</button>', 'Simulate wizard error', 'role="alert"', 'role="status"']) {
      expect(html).toContain(fragment);
    }
    const config = JSON.parse(/<script type="application\/json" id="wizard-config">(.*?)<\/script>/s.exec(html)![1]!);
    expect(config).toEqual({ embeddedId: tray.embeddedId, solutionInstanceId: instanceId, hostOrigins: [HOST_ORIGIN] });
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
  });

  it('posts only to the exact host origins, never "*", and accepts validation only from the opener', async () => {
    const html = await (await fetch(`${tray.wizardOrigin}${pagePath(tray.embeddedId)}`)).text();
    expect(html).toContain("config.hostOrigins.indexOf(referrerOrigin) !== -1 ? [referrerOrigin] : config.hostOrigins.slice()");
    expect(html).toContain('host.postMessage(message, origin)');
    expect(html).toContain('event.source !== host || targetOrigins.indexOf(event.origin) === -1');
    expect(html).not.toMatch(/postMessage\([^)]*'\*'/);
  });

  it('runs its inline script and style under a per-response CSP nonce, framable only by host origins', async () => {
    const first = await fetch(`${tray.wizardOrigin}${pagePath(tray.embeddedId)}`);
    const csp = first.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await first.text()).toContain(`<script nonce="${nonce}">`);
    expect(csp).toContain(`frame-ancestors ${HOST_ORIGIN}`);
    expect(csp).toContain("connect-src 'self'");
    const second = await fetch(`${tray.wizardOrigin}${pagePath(tray.embeddedId)}`);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce!);
  });

  it('escapes the config so a hostile id cannot close the script element', async () => {
    const html = await (await fetch(`${tray.wizardOrigin}/external/solutions/x/configure/${encodeURIComponent('</script><script>alert(1)</script>')}`)).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('\\u003c/script>');
  });

  it('answers 404 for other paths and 405 for the wrong method', async () => {
    expect((await fetch(`${tray.wizardOrigin}/external/solutions/x`)).status).toBe(404);
    expect((await fetch(`${tray.wizardOrigin}/wizard-api/session`)).status).toBe(405);
  });

  it('refuses host origins that are not bare origins, and non-loopback hosts', async () => {
    await expect(startMockTray({ hostOrigins: ['http://127.0.0.1:5173/'] })).rejects.toThrow(/not an origin/);
    await expect(startMockTray({ hostOrigins: [] })).rejects.toThrow(/at least one origin/);
    await expect(startMockTray({ hostOrigins: [HOST_ORIGIN], host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });
});
