/**
 * The package's `bin`: `npx react-tray-embedded mock-tray [options]` starts the mock Tray (the
 * sandbox) from an installed package, no clone of this repository needed. `npm run build`
 * bundles this file into dist/cli/; the mock's GraphQL server, graphql-http, is an optional
 * dependency, so the mock is loaded only after the flags were read, and a missing package
 * is reported with the command that installs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAIN_HELP, MOCK_TRAY_HELP, parseArgs, UsageError, type MockTrayArgs } from './args.js';
import { settingsText, type SandboxSettings } from './output.js';

/** Exit codes: 2 for a mistake on the command line, 1 for anything that stopped the start. */
const USAGE = 2;
const FAILED = 1;

/** Our own package.json (found upwards: dist/cli/ when installed, src/mock-tray/cli/ here). */
interface Manifest {
  name?: string;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function ownManifest(): Manifest {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (manifest.name === 'react-tray-embedded') return manifest;
  }
  return {};
}

/** `Cannot find package 'graphql-http'` → how to install it, or null for any other failure. */
function missingPackageMessage(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  const name = /Cannot find (?:package|module) '([^']+)'/.exec(String((error as Error | null)?.message))?.[1];
  if (code !== 'ERR_MODULE_NOT_FOUND' || !name || name.startsWith('.') || name.startsWith('/')) return null;
  const manifest = ownManifest();
  const range = manifest.optionalDependencies?.[name] ?? manifest.peerDependencies?.[name];
  const why = manifest.optionalDependencies?.[name]
    ? 'an optional dependency of react-tray-embedded that this install left out (npm install --omit=optional, or --no-optional)'
    : 'a peer dependency of react-tray-embedded';
  const spec = range && /^\d/.test(range) ? `${name}@${range}` : name;
  return `The mock Tray needs the package "${name}", ${why}.\nInstall it in your app, then run this again:\n\n  npm install --save-dev ${spec}`;
}

async function start(args: MockTrayArgs): Promise<void> {
  let sandbox: typeof import('./sandbox.js');
  try {
    sandbox = await import('./sandbox.js');
  } catch (error) {
    const message = missingPackageMessage(error);
    if (!message) throw error;
    console.error(message);
    process.exit(FAILED);
  }
  const { startMockTray, SEED_IDS } = sandbox;
  const tray = await startMockTray({ host: args.host, apiPort: args.apiPort, wizardPort: args.wizardPort, hostOrigins: args.hostOrigins }).catch((error: unknown) => {
    const { code, port } = (error ?? {}) as { code?: string; port?: number };
    if (code === 'EADDRINUSE') {
      const flag = port === args.wizardPort ? '--wizard-port' : '--api-port';
      console.error(`Port ${port} on ${args.host} is in use: stop what runs there, or pick another with ${flag} (0 picks a free one).`);
    } else {
      console.error(`The mock Tray could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(FAILED);
  });

  const { instances } = SEED_IDS;
  const settings: SandboxSettings = {
    graphqlUrl: tray.graphqlUrl,
    wizardHost: tray.wizardOrigin,
    masterToken: tray.masterToken,
    embeddedId: tray.embeddedId,
    userId: SEED_IDS.demoUser,
    hostOrigins: args.hostOrigins,
    instances: {
      [instances.disabledComplete]: 'disabled, every required value set: Configure, Finish, Enabled',
      [instances.disabledMissingValues]: 'disabled, "Slack channel" missing: the wizard asks for it',
      [instances.enabledComplete]: 'enabled',
      [instances.newerVersion]: 'enabled, a newer solution version exists',
    },
  };
  // Before printing: whoever waits for the settings may stop the sandbox the moment they appear.
  const stop = () => void tray.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(args.json ? JSON.stringify(settings) : settingsText(settings));
}

async function main(argv: readonly string[]): Promise<void> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exit(USAGE);
  }
  if (args.command === 'help') {
    // Asked for help: stdout, success. No command at all: the same text, as a usage error.
    const text = args.topic === 'main' ? MAIN_HELP : MOCK_TRAY_HELP;
    if (argv.length === 0) {
      console.error(text);
      process.exit(USAGE);
    }
    console.log(text);
    return;
  }
  await start(args);
}

await main(process.argv.slice(2));
