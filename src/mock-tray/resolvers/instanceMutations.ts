import { GraphQLError } from 'graphql';
import { describeSlots, findMissingRequiredSlots, mergeConfigValues, type ConfigValueInput } from '../configValues.js';
import { serviceOfSlot } from '../consents.js';
import type { MockSolution, MockSolutionInstance, MockTrayEvent } from '../types.js';
import { ownInstance, requireUser, trayError, type MockTrayContext } from './access.js';
import { presentInstance } from './present.js';

type UpdateOutcome = Extract<MockTrayEvent, { type: 'updateSolutionInstance' }>['outcome'];

interface AuthValueInput {
  externalId: string;
  authId: string;
}

interface UpdateInput {
  solutionInstanceId: string;
  instanceName?: string | null;
  enabled?: boolean | null;
  authValues?: AuthValueInput[] | null;
  configValues?: ConfigValueInput[] | null;
  errorOnEnablingWithMissingValues?: boolean | null;
  clientMutationId?: string | null;
}

function solutionOf(context: MockTrayContext, instance: MockSolutionInstance): MockSolution {
  const solution = context.store.solutions.get(instance.solutionId);
  if (!solution) throw trayError('NOT_FOUND', `The solution of instance "${instance.id}" no longer exists.`);
  return solution;
}

/**
 * `authValues` as Tray would take them: each for one of the solution's auth slots, each an
 * authentication of the instance's owner for that slot's service. The list replaces the old one.
 */
function checkAuthValues(context: MockTrayContext, solution: MockSolution, owner: string, values: AuthValueInput[]): AuthValueInput[] {
  return values.map(({ externalId, authId }) => {
    const slot = solution.authSlots.find((candidate) => candidate.externalId === externalId);
    if (!slot) throw trayError('BAD_USER_INPUT', `"${externalId}" is not an auth slot of "${solution.title}".`);
    const auth = context.store.authentications.get(authId);
    if (!auth || auth.owner !== owner || auth.service.id !== serviceOf(slot)) {
      throw trayError('BAD_USER_INPUT', `Authentication "${authId}" is not one of your ${slot.title} accounts.`);
    }
    return { externalId, authId };
  });
}

const serviceOf = (slot: MockSolution['authSlots'][number]) => serviceOfSlot(slot).id;

/** Wraps `mergeConfigValues`' plain errors as a GraphQL input error. */
function mergeOrThrow(instance: MockSolutionInstance, solution: MockSolution, inputs: ConfigValueInput[] | null | undefined) {
  try {
    return mergeConfigValues(instance, solution, inputs);
  } catch (error) {
    throw trayError('BAD_USER_INPUT', (error as Error).message);
  }
}

function createSolutionInstance({ input }: { input: { solutionId: string; instanceName: string; authValues?: AuthValueInput[] | null; configValues?: ConfigValueInput[] | null; clientMutationId?: string | null } }, context: MockTrayContext) {
  const owner = requireUser(context, 'createSolutionInstance');
  const solution = context.store.solutions.get(input.solutionId);
  if (!solution) throw trayError('NOT_FOUND', `No solution with id "${input.solutionId}".`);
  const instance = context.store.createInstance({ solutionId: solution.id, name: input.instanceName, owner });
  try {
    instance.configValues = mergeOrThrow(instance, solution, input.configValues);
  } catch (error) {
    context.store.instances.delete(instance.id);
    throw error;
  }
  try {
    instance.authValues = checkAuthValues(context, solution, owner, input.authValues ?? []);
  } catch (error) {
    context.store.instances.delete(instance.id);
    throw error;
  }
  return { solutionInstance: presentInstance(context.store, instance), clientMutationId: input.clientMutationId ?? null };
}

const OUTCOME_BY_CODE: Record<string, UpdateOutcome> = {
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  MISSING_VALUES: 'missing_values',
};

/**
 * Applies the whole input or nothing. With `enabled: true` and
 * `errorOnEnablingWithMissingValues: true`, missing required values refuse the mutation and the
 * instance stays as it was; without the flag Tray enables anyway, and so does the mock.
 */
function applyUpdate(input: UpdateInput, context: MockTrayContext) {
  const userId = requireUser(context, 'updateSolutionInstance');
  const instance = ownInstance(context, userId, input.solutionInstanceId);
  const solution = solutionOf(context, instance);
  const configValues = mergeOrThrow(instance, solution, input.configValues);
  const authValues = input.authValues == null ? null : checkAuthValues(context, solution, userId, input.authValues);
  if (input.enabled === true && input.errorOnEnablingWithMissingValues === true) {
    const missing = findMissingRequiredSlots(solution, configValues);
    if (missing.length > 0) {
      throw trayError(
        'MISSING_VALUES',
        `Cannot enable solution instance "${instance.name}": required config values are missing: ${describeSlots(missing)}. Open the config wizard to fill them in.`,
        { missingConfigSlots: missing.map((slot) => ({ externalId: slot.externalId, title: slot.title })) },
      );
    }
  }
  instance.configValues = configValues;
  if (input.instanceName != null) instance.name = input.instanceName;
  if (authValues) instance.authValues = authValues;
  if (input.enabled != null) instance.enabled = input.enabled;
  return { solutionInstance: presentInstance(context.store, instance), clientMutationId: input.clientMutationId ?? null };
}

/** Every call is recorded in `store.events` with its outcome, refused ones included. */
function updateSolutionInstance({ input }: { input: UpdateInput }, context: MockTrayContext) {
  const record = (outcome: UpdateOutcome) =>
    context.store.record({ type: 'updateSolutionInstance', solutionInstanceId: input.solutionInstanceId, input: { ...input }, outcome });
  try {
    const result = applyUpdate(input, context);
    record('updated');
    return result;
  } catch (error) {
    const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
    record(OUTCOME_BY_CODE[String(code)] ?? 'invalid_input');
    throw error;
  }
}

/** Moves the instance onto the solution's newest version: the version flags clear. */
function upgradeSolutionInstance({ input }: { input: Omit<UpdateInput, 'enabled' | 'instanceName' | 'errorOnEnablingWithMissingValues'> }, context: MockTrayContext) {
  const userId = requireUser(context, 'upgradeSolutionInstance');
  const instance = ownInstance(context, userId, input.solutionInstanceId);
  const solution = solutionOf(context, instance);
  const configValues = mergeOrThrow(instance, solution, input.configValues);
  if (input.authValues != null) instance.authValues = checkAuthValues(context, solution, userId, input.authValues);
  instance.configValues = configValues;
  instance.solutionVersionFlags = { hasNewerVersion: false, requiresUserInputToUpdateVersion: false, requiresSystemInputToUpdateVersion: false };
  return { solutionInstance: presentInstance(context.store, instance), clientMutationId: input.clientMutationId ?? null };
}

function removeSolutionInstance({ input }: { input: { solutionInstanceId: string; clientMutationId?: string | null } }, context: MockTrayContext) {
  const userId = requireUser(context, 'removeSolutionInstance');
  const instance = ownInstance(context, userId, input.solutionInstanceId);
  context.store.instances.delete(instance.id);
  return { clientMutationId: input.clientMutationId ?? null };
}

/** The user-token mutations on solution instances. */
export function createInstanceMutationResolvers(): Record<string, unknown> {
  return { createSolutionInstance, updateSolutionInstance, upgradeSolutionInstance, removeSolutionInstance };
}
