/**
 * The command line of the shipped sandbox, `react-tray-embedded mock-tray [options]`: parsing
 * and the help text, with no import at all, so a bad flag is reported before anything loads.
 */

export const BIN = 'react-tray-embedded';

/** What the mock binds to; it hands out tokens to anyone who asks, so loopback only. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'] as const;
const DEFAULT_HOST_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

export interface MockTrayArgs {
  command: 'mock-tray';
  host: string;
  apiPort: number;
  wizardPort: number;
  /** The partner page's exact origins; the wizard posts its messages only to these. */
  hostOrigins: string[];
  /** Print the settings as one JSON line instead of the text for people. */
  json: boolean;
}

export type CliArgs = MockTrayArgs | { command: 'help'; topic: 'main' | 'mock-tray' };

/** A mistake on the command line: the message says what is wrong and how to see the options. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const MAIN_HELP = `Usage: ${BIN} <command> [options]

Commands:
  mock-tray   Start the sandbox: a local mock of Tray Embedded (its GraphQL API and
              config wizard), seeded with solutions, instances and a user.

Run \`${BIN} mock-tray --help\` for its options.`;

export const MOCK_TRAY_HELP = `Usage: ${BIN} mock-tray [options]

Starts a local mock of Tray Embedded for development and CI: the GraphQL API and the config
wizard, each on its own port (so the wizard is another origin, as with Tray), in memory,
seeded with solutions, instances and the user "user-demo". Prints the master token, embedded
ID, user id, graphqlUrl and wizardHost to give createTrayHandler. Never use it in production:
it hands a token to anyone who asks.

Options:
  --api-port <port>       The GraphQL API's port. 0 picks a free one.       (default 4010)
  --wizard-port <port>    The config wizard's port. 0 picks a free one.     (default 4011)
  --host-origin <origin>  Your app's page origin, e.g. http://localhost:3000: the wizard posts
                          its messages only there. Repeat it, or separate origins with commas.
                          (default ${DEFAULT_HOST_ORIGINS.join(',')}, Vite's dev server)
  --host <address>        Where to listen: ${LOOPBACK_HOSTS.join(', ')}.       (default 127.0.0.1)
  --json                  Print the settings as one line of JSON, for scripts.
  -h, --help              Show this help.

Example:
  npx ${BIN} mock-tray --api-port 4010 --wizard-port 4011 --host-origin http://localhost:3000`;

const MOCK_TRAY_FLAGS = new Set(['--api-port', '--wizard-port', '--host-origin', '--host', '--json', '--help', '-h']);
const FLAGS_WITH_VALUES = new Set(['--api-port', '--wizard-port', '--host-origin', '--host']);

const seeHelp = (command?: string) => `Run \`${BIN}${command ? ` ${command}` : ''} --help\` for the options.`;

function port(flag: string, text: string): number {
  const value = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= 65535)) throw new UsageError(`${flag} must be a port number from 0 to 65535 (got "${text}").`);
  return value;
}

function origin(text: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== text.replace(/\/$/, '')) {
    throw new UsageError(
      `--host-origin must be an origin: scheme, host and port, no path, e.g. http://localhost:3000 (got "${text}"). It is where your page runs, as the browser's address bar shows it.`,
    );
  }
  return url.origin;
}

/** Splits `--flag value` and `--flag=value` into pairs; every mistake is a UsageError. */
function readFlags(argv: readonly string[], command: string): Array<[string, string | undefined]> {
  const flags: Array<[string, string | undefined]> = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!MOCK_TRAY_FLAGS.has(name)) {
      throw new UsageError(name.startsWith('-') ? `Unknown option ${name}. ${seeHelp(command)}` : `Unexpected argument "${arg}". ${seeHelp(command)}`);
    }
    if (!FLAGS_WITH_VALUES.has(name)) {
      if (inline !== undefined) throw new UsageError(`${name} takes no value (got "${arg}"). ${seeHelp(command)}`);
      flags.push([name, undefined]);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('-'))) {
      throw new UsageError(`${name} needs a value, e.g. ${name} ${name === '--host-origin' ? 'http://localhost:3000' : name === '--host' ? '127.0.0.1' : '4010'}. ${seeHelp(command)}`);
    }
    if (inline === undefined) i += 1;
    flags.push([name, value]);
  }
  return flags;
}

/** `process.argv.slice(2)` → what to do. Throws a UsageError for anything it cannot run. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help', topic: 'main' };
  if (command !== 'mock-tray') {
    throw new UsageError(`Unknown command "${command}". The one command is mock-tray, e.g. \`${BIN} mock-tray --host-origin http://localhost:3000\`. ${seeHelp()}`);
  }
  const flags = readFlags(rest, command);
  if (flags.some(([name]) => name === '--help' || name === '-h')) return { command: 'help', topic: 'mock-tray' };

  const args: MockTrayArgs = { command, host: '127.0.0.1', apiPort: 4010, wizardPort: 4011, hostOrigins: [], json: false };
  for (const [name, value = ''] of flags) {
    if (name === '--api-port') args.apiPort = port(name, value);
    else if (name === '--wizard-port') args.wizardPort = port(name, value);
    else if (name === '--json') args.json = true;
    else if (name === '--host') {
      if (!(LOOPBACK_HOSTS as readonly string[]).includes(value)) {
        throw new UsageError(`--host must be one of ${LOOPBACK_HOSTS.join(', ')} (got "${value}"): the mock hands out tokens to anyone who asks, so it listens on this machine only.`);
      }
      args.host = value;
    } else {
      const origins = value.split(',').map((part) => part.trim());
      if (origins.includes('')) throw new UsageError(`--host-origin has an empty origin in "${value}". Separate origins with single commas.`);
      args.hostOrigins.push(...origins.map(origin));
    }
  }
  if (args.apiPort !== 0 && args.apiPort === args.wizardPort) {
    throw new UsageError(`--api-port and --wizard-port are both ${args.apiPort}: the wizard needs its own port (its own origin), e.g. --api-port 4010 --wizard-port 4011.`);
  }
  if (args.hostOrigins.length === 0) args.hostOrigins = [...DEFAULT_HOST_ORIGINS];
  args.hostOrigins = [...new Set(args.hostOrigins)];
  return args;
}
