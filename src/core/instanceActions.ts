import type { EnableFlow } from './enableFlow.js';
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
