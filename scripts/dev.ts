/**
 * `npm run dev`: the demo page (Vite, Fast Refresh), our server handler at /api/tray, and
 * the mock Tray (GraphQL API + config wizard on its own origin), all on 127.0.0.1.
 * Ports: DEMO_PORT (5173), MOCK_TRAY_API_PORT (4010), MOCK_TRAY_WIZARD_PORT (4011); 0 = any free.
 * With TRAY_MASTER_TOKEN, TRAY_EMBEDDED_ID, TRAY_USER_ID (and TRAY_REGION) the same handler
 * talks to real Tray instead of the mock.
 */
import { startDemo } from '../src/demo/server/startDemo.js';

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name} must be a port number from 0 to 65535 (got "${process.env[name]}").`);
    process.exit(2);
  }
  return value;
}

const demo = await startDemo({
  mode: process.argv.includes('--preview') ? 'preview' : 'dev',
  port: port('DEMO_PORT', 5173),
  apiPort: port('MOCK_TRAY_API_PORT', 4010),
  wizardPort: port('MOCK_TRAY_WIZARD_PORT', 4011),
}).catch((error: unknown) => {
  console.error(`Could not start the demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const { config, tray } = demo.backend;
console.log(`
  react-tray-embedded demo   ${demo.url}
  server handler             ${demo.url}/api/tray  (${config.mode === 'real' ? 'real Tray' : 'mock Tray'})
${tray ? `  mock Tray GraphQL          ${tray.graphqlUrl}\n  mock config wizard         ${tray.wizardOrigin}\n` : ''}
  Ctrl+C to stop.
`);

const stop = () => void demo.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
