import { describe, expect, it } from 'vitest';
import { MOCK_TRAY_HELP, parseArgs, UsageError } from '../../src/mock-tray/cli/args';

const usageError = (argv: string[]): string => {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) accepted it`);
};

describe('react-tray-embedded mock-tray: the flags', () => {
  it('reads the command of the docs', () => {
    expect(parseArgs(['mock-tray', '--api-port', '4010', '--wizard-port', '4011', '--host-origin', 'http://localhost:3000'])).toEqual({
      command: 'mock-tray',
      host: '127.0.0.1',
      apiPort: 4010,
      wizardPort: 4011,
      hostOrigins: ['http://localhost:3000'],
      json: false,
    });
  });

  it('takes --flag=value, repeated or comma-separated origins, 0 for a free port, --json and --host', () => {
    const args = parseArgs(['mock-tray', '--api-port=0', '--wizard-port=0', '--host-origin=http://localhost:3000,https://app.test', '--host-origin', 'http://127.0.0.1:3000/', '--json', '--host', '::1']);
    expect(args).toMatchObject({ apiPort: 0, wizardPort: 0, json: true, host: '::1', hostOrigins: ['http://localhost:3000', 'https://app.test', 'http://127.0.0.1:3000'] });
  });

  it("defaults to ports 4010 and 4011 and Vite's dev server as the host page", () => {
    expect(parseArgs(['mock-tray'])).toMatchObject({ apiPort: 4010, wizardPort: 4011, hostOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'] });
  });

  it('gives help for --help, -h and no command', () => {
    expect(parseArgs([])).toEqual({ command: 'help', topic: 'main' });
    expect(parseArgs(['--help'])).toEqual({ command: 'help', topic: 'main' });
    expect(parseArgs(['mock-tray', '--api-port', '1', '-h'])).toEqual({ command: 'help', topic: 'mock-tray' });
    for (const flag of ['--api-port', '--wizard-port', '--host-origin', '--host', '--json', '--help']) expect(MOCK_TRAY_HELP).toContain(flag);
  });

  it.each([
    [['serve'], /Unknown command "serve".*mock-tray/],
    [['mock-tray', '--port', '1'], /Unknown option --port\. Run `react-tray-embedded mock-tray --help`/],
    [['mock-tray', 'extra'], /Unexpected argument "extra"/],
    [['mock-tray', '--api-port'], /--api-port needs a value, e\.g\. --api-port 4010/],
    [['mock-tray', '--api-port', '--json'], /--api-port needs a value/],
    [['mock-tray', '--api-port', 'abc'], /--api-port must be a port number from 0 to 65535 \(got "abc"\)/],
    [['mock-tray', '--wizard-port', '70000'], /--wizard-port must be a port number from 0 to 65535 \(got "70000"\)/],
    [['mock-tray', '--api-port', '4.5'], /--api-port must be a port number/],
    [['mock-tray', '--api-port', '4010', '--wizard-port', '4010'], /both 4010: the wizard needs its own port/],
    [['mock-tray', '--host-origin', 'localhost:3000'], /--host-origin must be an origin.*got "localhost:3000"/],
    [['mock-tray', '--host-origin', 'http://localhost:3000/app'], /no path.*got "http:\/\/localhost:3000\/app"/],
    [['mock-tray', '--host-origin', 'ftp://localhost'], /--host-origin must be an origin/],
    [['mock-tray', '--host-origin', 'http://a.test,,http://b.test'], /empty origin/],
    [['mock-tray', '--host', '0.0.0.0'], /--host must be one of 127\.0\.0\.1, localhost, ::1 \(got "0\.0\.0\.0"\)/],
    [['mock-tray', '--json=yes'], /--json takes no value/],
  ])('refuses %j clearly', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });
});
