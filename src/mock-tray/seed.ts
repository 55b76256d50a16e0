import type { MockSolution, MockSolutionInstance, MockSolutionVersionFlags, MockUser } from './types.js';

/** Ids of the seeded records, for tests, stories and docs. */
export const SEED_IDS = {
  demoUser: 'user-demo',
  otherUser: 'user-other',
  solutions: {
    salesforce: 'sol-salesforce-sync',
    slack: 'sol-slack-alerts',
    warehouse: 'sol-warehouse-export',
    zendesk: 'sol-zendesk-tickets',
    /** `disableAutoEnable`: the wizard's finish leaves it disabled, for the partner to enable. */
    reviewed: 'sol-hubspot-reviewed',
  },
  instances: {
    /** Demo user; enabled, every required value set. */
    enabledComplete: 'si-salesforce-enabled',
    /** Demo user; disabled, "Slack channel" (required, no default) unset. */
    disabledMissingValues: 'si-slack-missing-values',
    /** Demo user; disabled, complete: enabling works straight away. */
    disabledComplete: 'si-warehouse-ready',
    /** Demo user; enabled, complete, a newer solution version exists. */
    newerVersion: 'si-zendesk-newer-version',
    /** Owned by the other user: the demo user must never see or change it. */
    otherUsers: 'si-other-salesforce',
  },
} as const;

const json = JSON.stringify;

// Solution logos (the `image` custom field) as data URLs: they show offline, in the static demo too.
const logo = (color: string, letter: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="${color}"/><text x="20" y="27" font-family="sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`)}`;

export const seedSolutions: MockSolution[] = [
  {
    id: SEED_IDS.solutions.salesforce,
    title: 'Salesforce CRM sync',
    description: 'Keep contacts and deals in step between your account and Salesforce.',
    tags: ['crm', 'sales'],
    customFields: [
      { key: 'category', value: 'CRM' },
      { key: 'docsUrl', value: 'https://example.com/docs/salesforce' },
      { key: 'image', value: logo('#0b5fff', 'S') },
    ],
    configSlots: [
      { externalId: 'sf_instance_url', title: 'Salesforce instance URL', kind: 'text', required: true, description: 'For example https://acme.my.salesforce.com' },
      { externalId: 'sync_direction', title: 'Sync direction', kind: 'select', required: true, defaultValue: json('both'), options: ['to_salesforce', 'from_salesforce', 'both'] },
      { externalId: 'sync_interval_minutes', title: 'Sync interval (minutes)', kind: 'number', required: true, defaultValue: json(15) },
      { externalId: 'include_archived', title: 'Include archived records', kind: 'boolean', required: false, defaultValue: json(false) },
    ],
    authSlots: [{ externalId: 'salesforce_auth', title: 'Salesforce account', service: { id: 'salesforce', name: 'Salesforce' } }],
    workflowNames: ['Sync contacts', 'Sync deals'],
  },
  {
    id: SEED_IDS.solutions.slack,
    title: 'Slack alerts',
    description: 'Post an alert to a Slack channel when something needs attention.',
    tags: ['notifications', 'chat'],
    // A logo that fails to load (not an image; no network either): the card falls back to the title's initials.
    customFields: [{ key: 'category', value: 'Notifications' }, { key: 'image', value: 'data:image/png;base64,AAAA' }],
    configSlots: [
      { externalId: 'slack_channel', title: 'Slack channel', kind: 'text', required: true, description: 'The channel name, such as #alerts' },
      { externalId: 'alert_level', title: 'Minimum alert level', kind: 'select', required: true, defaultValue: json('error'), options: ['info', 'warning', 'error'] },
      { externalId: 'mention_here', title: 'Mention @here', kind: 'boolean', required: false, defaultValue: json(false) },
      { externalId: 'message_prefix', title: 'Message prefix', kind: 'text', required: false },
    ],
    authSlots: [{ externalId: 'slack_auth', title: 'Slack workspace', service: { id: 'slack', name: 'Slack' } }],
    workflowNames: ['Send alert'],
  },
  {
    id: SEED_IDS.solutions.warehouse,
    title: 'Warehouse export (CSV to S3)',
    description: 'Export your data every night as CSV files into an Amazon S3 bucket.',
    tags: ['data', 'storage'],
    customFields: [{ key: 'category', value: 'Data' }],
    configSlots: [
      { externalId: 's3_bucket', title: 'S3 bucket name', kind: 'text', required: true },
      { externalId: 's3_region', title: 'S3 region', kind: 'select', required: true, defaultValue: json('us-east-1'), options: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] },
      { externalId: 'path_prefix', title: 'Path prefix', kind: 'text', required: false, defaultValue: json('exports/') },
      { externalId: 'schedule_cron', title: 'Schedule (cron)', kind: 'text', required: true, defaultValue: json('0 2 * * *') },
      { externalId: 'include_header_row', title: 'Include a header row', kind: 'boolean', required: false, defaultValue: json(true) },
    ],
    authSlots: [{ externalId: 'aws_auth', title: 'AWS credentials', service: { id: 'aws', name: 'AWS' } }],
    workflowNames: ['Nightly export'],
  },
  {
    id: SEED_IDS.solutions.zendesk,
    title: 'Zendesk ticket sync',
    description: 'Create a Zendesk ticket for every support request raised in your account.',
    tags: ['support'],
    // One per user: the demo user has one, so the catalog shows "Added".
    customFields: [{ key: 'category', value: 'Support' }, { key: 'forceUnique', value: 'true' }, { key: 'image', value: logo('#03363d', 'Z') }],
    configSlots: [
      { externalId: 'zendesk_subdomain', title: 'Zendesk subdomain', kind: 'text', required: true },
      { externalId: 'only_open', title: 'Only sync open tickets', kind: 'boolean', required: false, defaultValue: json(true) },
    ],
    authSlots: [{ externalId: 'zendesk_auth', title: 'Zendesk account', service: { id: 'zendesk', name: 'Zendesk' } }],
    workflowNames: ['Create ticket'],
  },
  {
    id: SEED_IDS.solutions.reviewed,
    title: 'HubSpot contacts (reviewed)',
    description: 'Sync contacts to HubSpot once your account manager has reviewed the setup.',
    tags: ['contacts', 'review'],
    // Keys as the partner typed them: compared lower-cased.
    customFields: [{ key: 'DisableAutoEnable', value: 'true' }, { key: 'image', value: logo('#ff7a59', 'H') }],
    configSlots: [{ externalId: 'hubspot_list', title: 'HubSpot list', kind: 'text', required: false, defaultValue: json('All contacts') }],
    authSlots: [],
    workflowNames: ['Sync contacts'],
  },
];

export const seedUsers: MockUser[] = [
  { id: SEED_IDS.demoUser, name: 'Demo User', externalUserId: 'ext-demo-user' },
  { id: SEED_IDS.otherUser, name: 'Other Customer', externalUserId: 'ext-other-customer' },
];

/** A stored instance's own fields, with its values decoded and its flags in part (the store fills in the rest). */
export interface SeedInstance extends Pick<MockSolutionInstance, 'id' | 'name' | 'solutionId' | 'owner' | 'enabled' | 'created'> {
  /** Decoded values set on top of the slot defaults. */
  values: Record<string, unknown>;
  flags?: Partial<MockSolutionVersionFlags>;
}

export const seedInstances: SeedInstance[] = [
  {
    id: SEED_IDS.instances.enabledComplete, name: 'Salesforce CRM sync', solutionId: SEED_IDS.solutions.salesforce,
    owner: SEED_IDS.demoUser, enabled: true, created: '2025-01-06T09:15:00.000Z',
    values: { sf_instance_url: 'https://acme.my.salesforce.com', sync_direction: 'to_salesforce' },
  },
  {
    id: SEED_IDS.instances.disabledMissingValues, name: 'Slack alerts', solutionId: SEED_IDS.solutions.slack,
    owner: SEED_IDS.demoUser, enabled: false, created: '2025-01-08T14:30:00.000Z', values: {},
  },
  {
    id: SEED_IDS.instances.disabledComplete, name: 'Warehouse export', solutionId: SEED_IDS.solutions.warehouse,
    owner: SEED_IDS.demoUser, enabled: false, created: '2025-01-10T08:00:00.000Z', values: { s3_bucket: 'acme-exports' },
  },
  {
    id: SEED_IDS.instances.newerVersion, name: 'Zendesk ticket sync', solutionId: SEED_IDS.solutions.zendesk,
    owner: SEED_IDS.demoUser, enabled: true, created: '2024-11-20T16:45:00.000Z', values: { zendesk_subdomain: 'acme' },
    flags: { hasNewerVersion: true },
  },
  {
    id: SEED_IDS.instances.otherUsers, name: 'Salesforce CRM sync', solutionId: SEED_IDS.solutions.salesforce,
    owner: SEED_IDS.otherUser, enabled: true, created: '2025-01-07T10:00:00.000Z',
    values: { sf_instance_url: 'https://other.my.salesforce.com' },
  },
];
