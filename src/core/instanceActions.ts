import type { AuthValue } from '../graphql/types.js';
import type { EnableFlow } from './enableFlow.js';
import { TrayEmbeddedError } from './errors.js';
import type { InstancePort, InstanceStatus } from './instancePort.js';

/**
 * The marketplace's other changes, each one `EnableFlow.run` away: one at a time with the
 * enable and disable of the same instance, with the same outcome, retry and refresh. Kept out
 * of the flow itself so that the enabler, which needs none of them, does not carry them.
 */

export const renameInstance = <I extends InstanceStatus>(flow: EnableFlow<I>, port: InstancePort<I>, instanceName: string) =>
  flow.run('rename', (solutionInstanceId) => port.update({ solutionInstanceId, instanceName }));

/** To the solution's newest version; through the wizard (then enable) when Tray needs the user's input. */
export const upgradeInstance = <I extends InstanceStatus>(flow: EnableFlow<I>, port: InstancePort<I>, needsUserInput: boolean) =>
  needsUserInput ? flow.configure() : void flow.run('upgrade', (id) => port.upgrade!(id));

/** Resolves to `removed`, the instance as the caller showed it, once the server removed it. */
export const removeInstance = <I extends InstanceStatus>(flow: EnableFlow<I>, port: InstancePort<I>, removed: I) =>
  flow.run('remove', async (id) => {
    await port.remove!(id);
    return removed;
  });

/**
 * Sets one auth slot's authentication (after the auth-only dialog finished), keeping the
 * others: Tray's `authValues` replaces the whole list. Counts only when the server's answer
 * holds the new value. `authValues` are the instance's, as the server last reported them.
 */
export const reconnectInstance = <I extends InstanceStatus & { authValues?: readonly AuthValue[] }>(
  flow: EnableFlow<I>,
  port: InstancePort<I>,
  authValues: readonly AuthValue[],
  value: AuthValue,
) =>
  flow.run('reconnect', async (solutionInstanceId) => {
    const isSlot = (other: AuthValue) => other.externalId === value.externalId;
    const next = authValues.some(isSlot) ? authValues.map((other) => (isSlot(other) ? value : other)) : [...authValues, value];
    const instance = await port.update({ solutionInstanceId, authValues: next.map(({ externalId, authId }) => ({ externalId, authId })) });
    if (!instance.authValues?.some((other) => isSlot(other) && other.authId === value.authId)) {
      throw new TrayEmbeddedError('graphql', 'Tray did not confirm the new connection.', { details: instance });
    }
    return instance;
  });
