import { CREATE_EXTERNAL_USER_MUTATION, FIND_EXTERNAL_USER_QUERY } from '../graphql/serverOperations.js';
import { boundedIfAsync } from './deadline.js';
import type { HandlerStore } from './handlerStore.js';
import type { TrayHandlerLogger } from './options.js';
import { TrayHandlerError } from './responses.js';
import { createSingleFlight } from './singleFlight.js';
import { errorMessages, type PostToTray } from './trayClient.js';
import { pick, requireData } from './trayResults.js';

/** The Tray user id for one of the partner's own user ids, found or created on first sight. */
export type ResolveExternalUser = (externalUserId: string, name: string) => Promise<string>;

class StoreTimeout extends Error {}

/**
 * Maps `getUser`'s `{ externalUserId }` to a Tray user: from the store, else one shared
 * lookup (`users(criteria: { externalUserId })`) and, only when Tray has none, one
 * `createExternalUser`, both with the master token. Concurrent first requests of one user share
 * that work (`createSingleFlight`), so they cost one lookup and at most one creation in this
 * process; the store shares the answer with other processes afterwards. A creation Tray refuses
 * (another process created the user first) is followed by one more lookup.
 */
export function createExternalUsers(options: {
  store: HandlerStore;
  postToTray: PostToTray;
  masterToken: string;
  maxUsers: number;
  timeoutMs: number;
  logger: TrayHandlerLogger;
}): ResolveExternalUser {
  const { store, postToTray, masterToken, logger } = options;
  const flights = createSingleFlight({ maxKeys: options.maxUsers });

  async function remembered<T>(what: string, action: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await boundedIfAsync(action(), { ms: options.timeoutMs, onTimeout: () => new StoreTimeout() });
    } catch (error) {
      const reason = error instanceof StoreTimeout ? `no answer within ${options.timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      logger.warn(`The store failed on externalUsers.${what}; asking Tray instead.`, { reason });
      return undefined;
    }
  }

  async function lookUp(externalUserId: string): Promise<string | undefined> {
    const result = await postToTray(masterToken, { query: FIND_EXTERNAL_USER_QUERY, variables: { externalUserId } }, { priority: 'high' });
    const edges = pick(requireData(result, 'look up the Tray user for getUser’s externalUserId', logger), 'users', 'edges');
    const ids = Array.isArray(edges) ? edges.map((edge) => pick(edge, 'node')) : [];
    // Compared here too: a criteria Tray ignored must not hand out someone else's account.
    const found = ids.find((node) => pick(node, 'externalUserId') === externalUserId);
    const id = pick(found, 'id');
    return typeof id === 'string' && id !== '' ? id : undefined;
  }

  async function create(externalUserId: string, name: string): Promise<string | undefined> {
    const result = await postToTray(
      masterToken,
      { query: CREATE_EXTERNAL_USER_MUTATION, variables: { input: { externalUserId, name } } },
      { priority: 'high' },
    );
    if (result.status === 200 && result.body.errors?.length) {
      // Most likely another process created the user first: the caller looks it up again.
      logger.warn('Tray refused createExternalUser; looking the user up once more.', { externalUserId, errors: errorMessages(result) });
      return undefined;
    }
    const id = pick(requireData(result, 'create a Tray user for getUser’s externalUserId', logger), 'createExternalUser', 'userId');
    return typeof id === 'string' && id !== '' ? id : undefined;
  }

  async function findOrCreate(externalUserId: string, name: string): Promise<string> {
    const userId = (await lookUp(externalUserId)) ?? (await create(externalUserId, name)) ?? (await lookUp(externalUserId));
    if (userId === undefined) {
      logger.error('Tray neither found nor created a user for getUser’s externalUserId.', { externalUserId });
      throw new TrayHandlerError(502, 'upstream_error', 'The server could not set up your integrations account. Try again; if it persists, check the server logs.');
    }
    await remembered('set', () => store.externalUsers.set(externalUserId, userId));
    return userId;
  }

  return async (externalUserId, name) => {
    const known = await remembered('get', () => store.externalUsers.get(externalUserId));
    if (typeof known === 'string' && known !== '') return known;
    return flights.run(externalUserId, () => findOrCreate(externalUserId, name));
  };
}
