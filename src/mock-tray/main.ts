/**
 * Runs the mock Tray on its own, for poking at it with curl or a GraphQL client:
 *   npx tsx src/mock-tray/main.ts
 * Environment: MOCK_TRAY_API_PORT (default 4010), MOCK_TRAY_WIZARD_PORT (default 4011), MOCK_TRAY_CONSENT_PORT (default 4012),
 * MOCK_TRAY_HOST_ORIGINS (comma separated; default http://localhost:5173,http://127.0.0.1:5173),
 * MOCK_TRAY_CRITERIA_ID (honour | ignore | reject: what solutionInstances(criteria: { id }) does; default honour).
 */
import { SEED_IDS } from './seed.js';
import { startMockTray } from './server.js';

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number (got "${process.env[name]}").`);
  return value;
}

const hostOrigins = (process.env['MOCK_TRAY_HOST_ORIGINS'] ?? 'http://localhost:5173,http://127.0.0.1:5173')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

const tray = await startMockTray({
  apiPort: port('MOCK_TRAY_API_PORT', 4010),
  wizardPort: port('MOCK_TRAY_WIZARD_PORT', 4011),
  consentPort: port('MOCK_TRAY_CONSENT_PORT', 4012),
  hostOrigins,
});

console.log(`mock Tray GraphQL:  ${tray.graphqlUrl}
mock Tray wizard:   ${tray.wizardOrigin}
mock consent page:  ${tray.consentOrigin}
master token:       ${tray.masterToken}
embedded id:        ${tray.embeddedId}
criteria { id }:    ${tray.store.criteriaId} (MOCK_TRAY_CRITERIA_ID)
demo user:          ${SEED_IDS.demoUser}
wizard posts to:    ${hostOrigins.join(', ')}
Ctrl+C to stop.`);

const stop = () => {
  void tray.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
