/**
 * What the sandbox prints once it listens: everything a partner's backend needs to talk to it,
 * named as `createTrayHandler` names it, and the same as a `.env` block to paste.
 */

export interface SandboxSettings {
  /** → `createTrayHandler({ graphqlUrl })` */
  graphqlUrl: string;
  /** → `createTrayHandler({ wizardHost })` */
  wizardHost: string;
  masterToken: string;
  embeddedId: string;
  /** The seeded end user: what `getUser` returns as `{ userId }`. */
  userId: string;
  hostOrigins: string[];
  /** Seeded instances of that user, by what each is good for trying. */
  instances: Record<string, string>;
}

/** The environment the README's partner app and docs/mock-tray.md read. */
export function envBlock(settings: SandboxSettings): string {
  return [
    `TRAY_MASTER_TOKEN=${settings.masterToken}`,
    `TRAY_EMBEDDED_ID=${settings.embeddedId}`,
    `TRAY_GRAPHQL_URL=${settings.graphqlUrl}`,
    `TRAY_WIZARD_HOST=${settings.wizardHost}`,
    `TRAY_USER_ID=${settings.userId}`,
  ].join('\n');
}

export function settingsText(settings: SandboxSettings): string {
  const rows: Array<[string, string, string]> = [
    ['GraphQL API', settings.graphqlUrl, 'graphqlUrl'],
    ['config wizard', settings.wizardHost, 'wizardHost'],
    ['master token', settings.masterToken, 'masterToken'],
    ['embedded ID', settings.embeddedId, 'embeddedId'],
    ['user id', settings.userId, 'getUser → { userId }'],
  ];
  const width = Math.max(...rows.map(([, value]) => value.length));
  const table = rows.map(([label, value, option]) => `  ${label.padEnd(16)}${value.padEnd(width + 3)}createTrayHandler: ${option}`);
  const instances = Object.entries(settings.instances).map(([id, what]) => `  ${id.padEnd(26)}${what}`);
  return [
    'The mock Tray (react-tray-embedded sandbox) is running. For development and CI only.',
    '',
    ...table,
    '',
    `  The wizard posts its messages only to: ${settings.hostOrigins.join(', ')}`,
    '  (your page\'s origin; change it with --host-origin)',
    '',
    `Instances of ${settings.userId} to try (pass one as solutionInstanceId):`,
    ...instances,
    '',
    'For your backend\'s .env:',
    '',
    envBlock(settings),
    '',
    'Everything is in memory and starts afresh each run. Ctrl+C stops it.',
  ].join('\n');
}
