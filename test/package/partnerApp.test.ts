/**
 * The README's figure, tried as a partner would: examples/partner-app (Vite + React, an Express
 * backend with `toNodeListener`) installed with `npm ci` from its lockfile, our package from
 * the freshly packed tarball, run against the shipped sandbox, and clicked from the page to
 * **Enabled** in Chromium. Everything on free loopback ports, stopped when the file ends.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { completeWizard } from '../e2e/support/demo';
import { packInto } from './support/consumerApp.js';
import { ROOT, describeRun, ensureBuilt, run } from './support/dist.js';
import { startProcess, startSandbox, type RunningProcess, type RunningSandbox } from './support/sandboxProcess.js';

const EXAMPLE = 'examples/partner-app';
/** The files the partner writes; the README's "at most 20 lines" counts these. */
const PARTNER_CODE = ['server.js', 'main.jsx', 'index.html', 'vite.config.js'];
/** Written by npm or the sandbox, or documentation: not the partner's code. */
const NOT_CODE = ['package.json', 'package-lock.json', '.env.example', 'README.md'];
const INSTANCE = 'si-warehouse-ready';

interface Manifest {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const exampleFiles = (): string[] => {
  const listed = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', EXAMPLE]);
  if (listed.status !== 0) throw new Error(describeRun('git ls-files', listed));
  return listed.stdout.split('\n').filter((path) => path && existsSync(join(ROOT, path))).map((path) => path.slice(EXAMPLE.length + 1));
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Until something answers HTTP on the port: the server's own signal that it listens. */
async function answers(url: string, process: RunningProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(url).catch(() => null);
    if (response) return;
    if (Date.now() > deadline) throw new Error(`Nothing answered at ${url}\n${process.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25)); // between attempts, not a wait for the result
  }
}

describe('the partner app of the README, from npm ci to Enabled', () => {
  let root: string;
  let app: string;
  let manifest: Manifest;
  const running: Array<RunningProcess | RunningSandbox> = [];
  let browser: Browser | undefined;

  beforeAll(() => {
    ensureBuilt();
    root = mkdtempSync(join(tmpdir(), 'rte-partner-'));
    // The repository's layout: the example's package.json names ../../react-tray-embedded-<version>.tgz.
    packInto(root);
    app = join(root, EXAMPLE);
    for (const file of exampleFiles()) {
      mkdirSync(dirname(join(app, file)), { recursive: true });
      copyFileSync(join(ROOT, EXAMPLE, file), join(app, file));
    }
    // npm keeps a tarball it has seen under its integrity: without one it reads the fresh file.
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { integrity?: string }> };
    delete lock.packages['node_modules/react-tray-embedded']!.integrity;
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lock, null, 2));
    const install = run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], app);
    if (install.status !== 0) throw new Error(describeRun('npm ci (examples/partner-app)', install));
    manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as Manifest;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(running.map((process) => process.stop()));
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('is at most 20 lines of the partner’s own code, and nothing else that is code', () => {
    const files = exampleFiles();
    expect(files.filter((file) => !PARTNER_CODE.includes(file) && !NOT_CODE.includes(file))).toEqual([]);
    const lines = PARTNER_CODE.map((file) => readFileSync(join(ROOT, EXAMPLE, file), 'utf8').split('\n').filter((line) => line.trim() !== '').length);
    expect(lines.reduce((sum, count) => sum + count, 0), PARTNER_CODE.map((file, i) => `${file}: ${lines[i]}`).join(', ')).toBeLessThanOrEqual(20);
  });

  it('is what the README shows, file by file, and the README runs the same sandbox command', () => {
    // The README's steps are a list: its code blocks are indented by three spaces.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/^ {3}/gm, '');
    for (const file of PARTNER_CODE) expect(readme, `README.md shows ${EXAMPLE}/${file} as it is`).toContain(readFileSync(join(ROOT, EXAMPLE, file), 'utf8'));
    const scripts = (JSON.parse(readFileSync(join(ROOT, EXAMPLE, 'package.json'), 'utf8')) as Manifest).scripts;
    expect(readme).toContain(`npx ${scripts['sandbox']!}`);
    expect(readme).toContain(scripts['api']!);
  });

  it('installs the versions its package.json pins and the tarball just packed', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, EXAMPLE, 'package-lock.json'), 'utf8')) as { packages: Record<string, { integrity?: string }> };
    expect(committed.packages['node_modules/react-tray-embedded']?.integrity, 'the committed lockfile names the tarball without a hash (see its README)').toBeUndefined();
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (name === 'react-tray-embedded') continue;
      expect(version, `${name} is pinned exactly`).toMatch(/^\d+\.\d+\.\d+$/);
      const installed = JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(installed.version, name).toBe(version);
    }
    expect(readFileSync(join(app, 'node_modules/react-tray-embedded/dist/index.js'), 'utf8')).toBe(readFileSync(join(ROOT, 'dist/index.js'), 'utf8'));
    expect(existsSync(join(app, 'node_modules/graphql-http/package.json')), 'the optional dependency came along').toBe(true);
  });

  it('runs against the sandbox and, clicked in Chromium, ends Enabled, as Tray (the sandbox) confirms', async () => {
    const [apiPort, vitePort] = [await freePort(), await freePort()];
    const pageOrigin = `http://127.0.0.1:${vitePort}`;
    const bin = join(app, 'node_modules/.bin');
    const env = { PATH: `${bin}${delimiter}${process.env['PATH']}`, PORT: String(apiPort) };

    // 1. The sandbox, as `npx react-tray-embedded mock-tray` runs it (the bin, by its shebang).
    const sandbox = await startSandbox(join(bin, 'react-tray-embedded'), ['mock-tray', '--api-port', '0', '--wizard-port', '0', '--host-origin', pageOrigin], app);
    running.push(sandbox);
    // 2. Its .env block, pasted as the README says.
    writeFileSync(join(app, '.env'), `${Object.entries(sandbox.env).map(([name, value]) => `${name}=${value}`).join('\n')}\n`);
    expect(Object.keys(sandbox.env)).toEqual(['TRAY_MASTER_TOKEN', 'TRAY_EMBEDDED_ID', 'TRAY_GRAPHQL_URL', 'TRAY_WIZARD_HOST', 'TRAY_USER_ID']);
    // 3. `npm run api` and `npm run dev`, the scripts' own commands (exec: one process each to stop).
    const api = startProcess('sh', ['-c', `exec ${manifest.scripts['api']}`], { cwd: app, env });
    running.push(api);
    const vite = startProcess('sh', ['-c', `exec ${manifest.scripts['dev']} --host 127.0.0.1 --port ${vitePort} --strictPort`], { cwd: app, env });
    running.push(vite);
    await answers(`http://127.0.0.1:${apiPort}/api/tray/graphql`, api);
    await vite.printed(`${pageOrigin}/`);

    // 4. The page, a click, the wizard, Finish.
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pageOrigin}/`);
    const status = page.getByRole('status');
    await status.filter({ hasText: 'Disabled' }).waitFor({ timeout: 30_000 }).catch((error: unknown) => {
      throw new Error(`The page never showed Disabled: ${String(error)}\n${api.output()}\n${vite.output()}`);
    });
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Configure' }).click()]);
    await popup.locator('#form:not([hidden])').waitFor();
    expect(new URL(popup.url()).origin, 'the wizard is the sandbox’s, on its own origin').toBe(sandbox.env['TRAY_WIZARD_HOST']);
    await completeWizard(popup);
    await status.filter({ hasText: 'Enabled' }).waitFor();
    expect(await page.getByRole('button', { name: 'Reconfigure' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);

    // 5. Enabled because Tray said so: the sandbox holds the instance enabled.
    const response = await fetch(sandbox.env['TRAY_GRAPHQL_URL']!, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.env['TRAY_MASTER_TOKEN']}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ viewer { solutionInstances(criteria: { owner: "${sandbox.env['TRAY_USER_ID']}" }) { edges { node { id enabled } } } } }` }),
    });
    const { data } = (await response.json()) as { data: { viewer: { solutionInstances: { edges: Array<{ node: { id: string; enabled: boolean } }> } } } };
    expect(data.viewer.solutionInstances.edges.find((edge) => edge.node.id === INSTANCE)?.node.enabled).toBe(true);
  });
});
