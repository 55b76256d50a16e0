/**
 * The sandbox as a partner runs it from the packed tarball: `react-tray-embedded mock-tray`
 * with plain Node, graphql (our peer) installed, and graphql-http (its optional dependency)
 * installed or left out. Nothing here reads src/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { installTarball, packInto } from './support/consumerApp.js';
import { ensureBuilt } from './support/dist.js';
import { runToExit, startSandbox } from './support/sandboxProcess.js';

let root: string;
/** The tarball with graphql-http installed beside it, and without. */
let withOptional: string;
let withoutOptional: string;
const BIN = 'node_modules/react-tray-embedded/dist/cli/react-tray-embedded.js';

beforeAll(() => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'rte-sandbox-'));
  const tarball = packInto(root);
  withOptional = join(root, 'with');
  withoutOptional = join(root, 'without');
  installTarball(tarball, withOptional, ['graphql', 'graphql-http']);
  installTarball(tarball, withoutOptional, ['graphql']);
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

async function graphql(url: string, token: string, query: string): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return response.json();
}

describe('npx react-tray-embedded mock-tray', () => {
  it('starts the mock API and wizard, prints what createTrayHandler needs, and serves it', async () => {
    const sandbox = await startSandbox(process.execPath, [BIN, 'mock-tray', '--api-port', '0', '--wizard-port', '0', '--host-origin', 'http://localhost:3000', '--json'], withOptional);
    onTestFinished(async () => void (await sandbox.stop()));
    const settings = sandbox.settings!;
    expect(settings).toMatchObject({ masterToken: 'mock-master-token', embeddedId: 'mock-embedded-id', userId: 'user-demo', hostOrigins: ['http://localhost:3000'] });
    expect(settings.graphqlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(settings.wizardHost).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // The master token authorizes the printed user; that user's token lists the seeded instances.
    const authorized = await graphql(settings.graphqlUrl, settings.masterToken, `mutation { authorize(input: { userId: "${settings.userId}" }) { accessToken } }`);
    const userToken = authorized.data.authorize.accessToken as string;
    const listed = await graphql(settings.graphqlUrl, userToken, '{ viewer { solutionInstances { edges { node { id enabled } } } } }');
    const ids = (listed.data.viewer.solutionInstances.edges as Array<{ node: { id: string } }>).map((edge) => edge.node.id);
    expect(ids).toEqual(expect.arrayContaining(Object.keys(settings.instances)));

    // The wizard is its own origin, and it says what it serves.
    const wizard = await fetch(`${settings.wizardHost}/external/solutions/${settings.embeddedId}/configure/si-warehouse-ready`);
    expect(wizard.headers.get('content-type')).toMatch(/text\/html/);

    expect(await sandbox.stop(), sandbox.output()).toBe(0);
  });

  it('prints the same settings for people, with a .env block to paste, without --json', async () => {
    const sandbox = await startSandbox(process.execPath, [BIN, 'mock-tray', '--api-port', '0', '--wizard-port', '0'], withOptional);
    onTestFinished(async () => void (await sandbox.stop()));
    expect(sandbox.env).toEqual({
      TRAY_MASTER_TOKEN: 'mock-master-token',
      TRAY_EMBEDDED_ID: 'mock-embedded-id',
      TRAY_GRAPHQL_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/),
      TRAY_WIZARD_HOST: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      TRAY_USER_ID: 'user-demo',
    });
    expect(sandbox.output()).toMatch(/master token +mock-master-token +createTrayHandler: masterToken/);
    expect(sandbox.output()).toContain('The wizard posts its messages only to: http://localhost:5173, http://127.0.0.1:5173');
    expect(await sandbox.stop()).toBe(0);
  });

  it('explains itself with --help', async () => {
    const text = await runToExit(process.execPath, [BIN, 'mock-tray', '--help'], withOptional);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('--host-origin <origin>');
    expect(text.stdout).toContain('npx react-tray-embedded mock-tray --api-port 4010 --wizard-port 4011 --host-origin http://localhost:3000');
  });

  it.each([
    [['mock-tray', '--api-port', 'abc'], /--api-port must be a port number from 0 to 65535 \(got "abc"\)/],
    [['mock-tray', '--hostorigin', 'http://localhost:3000'], /Unknown option --hostorigin\. Run `react-tray-embedded mock-tray --help`/],
    [['start'], /Unknown command "start"/],
    [[], /Usage: react-tray-embedded <command>/],
  ])('refuses %j with exit code 2 and says why', async (args, message) => {
    const result = await runToExit(process.execPath, [BIN, ...args], withOptional);
    expect(result.code, result.stdout).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('says which port is taken and how to pick another', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const { port } = blocker.address() as { port: number };
    const result = await runToExit(process.execPath, [BIN, 'mock-tray', '--api-port', String(port), '--wizard-port', '0'], withOptional);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is in use: stop what runs there, or pick another with --api-port (0 picks a free one).`);
  });

  it('without its optional dependency, says how to install it instead of a stack trace', async () => {
    const result = await runToExit(process.execPath, [BIN, 'mock-tray', '--api-port', '0', '--wizard-port', '0'], withoutOptional);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stderr).toContain('The mock Tray needs the package "graphql-http", an optional dependency of react-tray-embedded');
    expect(result.stderr).toMatch(/npm install --save-dev graphql-http@\d+\.\d+\.\d+/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
