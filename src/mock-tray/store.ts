import { defaultConfigValues } from './configValues.js';
import { MockConsents, serviceOfSlot } from './consents.js';
import type { MockCriteriaIdMode } from './criteriaId.js';
import { MockCredentials } from './credentials.js';
import { addGeneratedInstances, type GeneratedInstancesOptions } from './generate.js';
import { MockTrayFaults } from './mockTrayFaults.js';
import { RateLimiter } from './rateLimiter.js';
import { seedInstances, seedSolutions, seedUsers } from './seed.js';
import type {
  MockAuthentication,
  MockService,
  MockSolution,
  MockSolutionInstance,
  MockSolutionVersionFlags,
  MockTrayAuth,
  MockTrayEvent,
  MockTrayEventType,
  MockTrayRequestLogEntry,
  MockUser,
} from './types.js';

export interface MockTrayStoreOptions {
  /** The partner's secret. @default 'mock-master-token' */
  masterToken?: string;
  /** The dashboard's "Embedded ID" the wizard URL must carry. @default 'mock-embedded-id' */
  embeddedId?: string;
  /** Milliseconds since the epoch; tests pass a fake clock to expire codes and tokens. @default Date.now */
  now?: () => number;
  /** Per token; `Infinity` turns rate limiting off. @default 30 */
  rateLimitPerSecond?: number;
  /** @default 50 */
  rateLimitBurst?: number;
  /** Load the seeded solutions, users and instances. @default true */
  seed?: boolean;
  /** What `solutionInstances(criteria: { id })` does: Tray's behaviour is unconfirmed. @default 'honour' */
  criteriaId?: MockCriteriaIdMode;
}

/** A solution for a custom-seeded store: everything but `id` and `title` has an empty default. */
export type CreateSolutionOptions = Pick<MockSolution, 'id' | 'title'> & Partial<Omit<MockSolution, 'id' | 'title'>>;

export interface CreateInstanceOptions {
  solutionId: string;
  name: string;
  owner: string;
  id?: string;
  enabled?: boolean;
  created?: string;
  /** JSON-encoded values; the slot defaults fill in the rest, as Tray does on creation. */
  configValues?: ReadonlyMap<string, string>;
  flags?: Partial<MockSolutionVersionFlags>;
}

/** All state of one mock Tray. Plain data and methods, no I/O, so it runs in a browser too. */
export class MockTrayStore {
  readonly masterToken: string;
  readonly embeddedId: string;
  readonly now: () => number;
  readonly credentials: MockCredentials;
  readonly rateLimiter: RateLimiter;
  readonly solutions = new Map<string, MockSolution>();
  readonly users = new Map<string, MockUser>();
  /** In creation order, which is the order connections list them in. */
  readonly instances = new Map<string, MockSolutionInstance>();
  /** Every GraphQL request, with its variables and root fields, in arrival order. */
  readonly requestLog: MockTrayRequestLogEntry[] = [];
  readonly events: MockTrayEvent[] = [];
  /** Knobs for failures and holds: the states tests and stories need. */
  readonly faults = new MockTrayFaults();
  /** The users' connected accounts (`viewer.authentications`), in creation order. */
  readonly authentications = new Map<string, MockAuthentication>();
  /** The consent round trips in flight between the wizard origin and the consent origin. */
  readonly consents: MockConsents;
  /**
   * Tray's enhanced session security for the auth-only dialog: when set, its pages ask the host
   * for the account (`tray.authpopup.accountIdRequest`) and open only when the answer is this.
   */
  authDialogAccountId: string | null = null;
  /** Whether `solutionInstances(criteria: { id })` is honoured, ignored or rejected; tests switch it. */
  criteriaId: MockCriteriaIdMode;

  constructor(options: MockTrayStoreOptions = {}) {
    this.masterToken = options.masterToken ?? 'mock-master-token';
    this.embeddedId = options.embeddedId ?? 'mock-embedded-id';
    this.now = options.now ?? Date.now;
    this.credentials = new MockCredentials(this.now);
    this.rateLimiter = new RateLimiter(this.now, { perSecond: options.rateLimitPerSecond, burst: options.rateLimitBurst });
    this.consents = new MockConsents(this.now);
    this.criteriaId = options.criteriaId ?? 'honour';
  }

  /** Who `token` belongs to; `null` for an unknown or expired token (the API answers 401). */
  authForToken(token: string): MockTrayAuth | null {
    if (token === this.masterToken) return { kind: 'master' };
    const userId = this.credentials.userForToken(token);
    return userId === null ? null : { kind: 'user', userId };
  }

  createUser(user: { name: string; externalUserId: string; id?: string }): MockUser {
    const created = { id: user.id ?? `user-${globalThis.crypto.randomUUID()}`, name: user.name, externalUserId: user.externalUserId };
    this.users.set(created.id, created);
    return created;
  }

  /** Removes the user, their instances and every token, code and session they held. */
  removeUser(userId: string): boolean {
    if (!this.users.delete(userId)) return false;
    for (const instance of this.instances.values()) if (instance.owner === userId) this.instances.delete(instance.id);
    for (const auth of this.authentications.values()) if (auth.owner === userId) this.authentications.delete(auth.id);
    this.credentials.revokeUser(userId);
    return true;
  }

  /** Adds (or replaces) a solution; with no `configSlots` its instances can be enabled at once. */
  createSolution(options: CreateSolutionOptions): MockSolution {
    const solution: MockSolution = {
      description: '',
      tags: [],
      customFields: [],
      configSlots: [],
      authSlots: [],
      workflowNames: [],
      ...structuredClone(options),
    };
    this.solutions.set(solution.id, solution);
    return solution;
  }

  createInstance(options: CreateInstanceOptions): MockSolutionInstance {
    const solution = this.solutions.get(options.solutionId);
    if (!solution) throw new Error(`No solution with id "${options.solutionId}".`);
    const id = options.id ?? `si-${globalThis.crypto.randomUUID()}`;
    const configValues = defaultConfigValues(solution);
    for (const [key, value] of options.configValues ?? []) configValues.set(key, value);
    const instance: MockSolutionInstance = {
      id,
      name: options.name,
      solutionId: solution.id,
      owner: options.owner,
      enabled: options.enabled ?? false,
      created: options.created ?? new Date(this.now()).toISOString(),
      configValues,
      authValues: [],
      workflows: solution.workflowNames.map((workflowName, index) => ({
        id: `${id}-wf-${index + 1}`,
        sourceWorkflowId: `${solution.id}-wf-${index + 1}`,
        sourceWorkflowName: workflowName,
        triggerUrl: index === 0 ? `https://mock-tray.invalid/webhooks/${id}` : null,
      })),
      solutionVersionFlags: {
        hasNewerVersion: false,
        requiresUserInputToUpdateVersion: false,
        requiresSystemInputToUpdateVersion: false,
        ...options.flags,
      },
    };
    this.instances.set(id, instance);
    return instance;
  }

  /** A connected account of `owner` for `service`. */
  createAuthentication(options: { owner: string; service: MockService; name?: string; id?: string }): MockAuthentication {
    const now = new Date(this.now()).toISOString();
    const user = this.users.get(options.owner);
    const authentication: MockAuthentication = {
      id: options.id ?? `auth-${globalThis.crypto.randomUUID()}`,
      name: options.name ?? `${user?.name ?? options.owner}’s ${options.service.name}`,
      owner: options.owner,
      service: { ...options.service },
      created: now,
      updated: now,
    };
    this.authentications.set(authentication.id, authentication);
    return authentication;
  }

  /** `owner`'s authentications, newest first; only those for `serviceId` when given. */
  listAuthentications(owner: string, serviceId?: string): MockAuthentication[] {
    return [...this.authentications.values()].filter((auth) => auth.owner === owner && (serviceId === undefined || auth.service.id === serviceId)).reverse();
  }

  /** Instances in creation order, optionally only `owner`'s. */
  listInstances(owner?: string): MockSolutionInstance[] {
    const all = [...this.instances.values()];
    return owner === undefined ? all : all.filter((instance) => instance.owner === owner);
  }

  /** Adds `count` complete instances (half of them enabled) for load tests; returns them. */
  addGeneratedInstances(count: number, options: GeneratedInstancesOptions = {}): MockSolutionInstance[] {
    return addGeneratedInstances(this, count, options);
  }

  record(event: MockTrayEvent): void {
    this.events.push(event);
  }

  /** How many events of `type` happened, e.g. `countEvents('updateSolutionInstance')`. */
  countEvents(type: MockTrayEventType): number {
    return this.events.filter((event) => event.type === type).length;
  }

  /** Empties the request log and events (state stays), for a test that counts from zero. */
  clearLogs(): void {
    this.requestLog.length = 0;
    this.events.length = 0;
  }
}

/** A fresh mock Tray state: seeded unless `seed: false`. */
export function createMockTrayStore(options: MockTrayStoreOptions = {}): MockTrayStore {
  const store = new MockTrayStore(options);
  if (options.seed === false) return store;
  for (const solution of seedSolutions) store.solutions.set(solution.id, structuredClone(solution));
  for (const user of seedUsers) store.createUser(user);
  for (const { values, ...instance } of seedInstances) {
    const configValues = new Map(Object.entries(values).map(([key, value]) => [key, JSON.stringify(value)]));
    const created = store.createInstance({ ...instance, configValues });
    // Every seeded instance is connected: one authentication of its owner per auth slot.
    created.authValues = store.solutions.get(created.solutionId)!.authSlots.map((slot) => ({
      externalId: slot.externalId,
      authId: store.createAuthentication({ id: `auth-${created.id}-${slot.externalId}`, owner: created.owner, service: serviceOfSlot(slot) }).id,
    }));
  }
  return store;
}
