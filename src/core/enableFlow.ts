import { disableInput, enableInput } from '../graphql/inputs.js';
import { confirmEnabled, errorFrom } from './errorRules.js';
import { TrayEmbeddedError } from './errors.js';
import { reduceFlow, type EnableFlowState, type FlowAction, type FlowEvent, type FlowStep } from './enableFlowState.js';
import type { GetWizardUrl, InstancePort, InstanceStatus, WizardUrlRequest } from './instancePort.js';
import type { OpenWith } from './surface.js';
import { WizardPopup, type WizardPopupOptions, type WizardState } from './wizardPopup.js';

export interface EnableFlowOptions<I extends InstanceStatus = InstanceStatus> extends WizardPopupOptions {
  /** The GraphQL calls; the flow itself needs only `update`. */
  port: InstancePort<I>;
  /** The instance acted on; `null` until an `AddFlow` has created one. */
  instanceId: string | null;
  getWizardUrl: GetWizardUrl;
  /** Sent with every enable (renames the instance). */
  instanceName?: string;
  /**
   * Enable when the wizard finishes. `false` (a solution's `disableAutoEnable`) ends the flow
   * set up but disabled (outcome `setUp`): the partner enables it after its own checks. @default true
   */
  autoEnable?: boolean;
  /** The server confirmed a change; `instance` is its answer (for `remove`, the instance removed). */
  onDone?: (action: FlowAction, instance: I) => void;
  onError?: (error: TrayEmbeddedError, step: FlowStep) => void;
  /** The wizard was cancelled, or closed unfinished. */
  onCancel?: (reason: 'cancel' | 'closed') => void;
  /** The wizard finished and, `autoEnable` being `false`, nothing was enabled. */
  onSetUp?: () => void;
  /** Called after a failed change, so what is shown is reloaded from the server. */
  refresh?: () => unknown;
}

/**
 * The enable lifecycle of one instance, written once for every view: open the wizard, on
 * finish enable with
 * `errorOnEnablingWithMissingValues: true` exactly once, and count a change only when the
 * server's answer shows it. Changes run one at a time; a failure keeps its retry.
 * Framework-agnostic: React binds it with `subscribe`/`getSnapshot`; the GraphQL calls come in
 * as `port`. The wizard window itself is `WizardPopup`'s.
 */
export class EnableFlow<I extends InstanceStatus = InstanceStatus> extends WizardPopup<EnableFlowState<I>, EnableFlowOptions<I>> {
  #running: Promise<I | null> | null = null;
  #retry: (() => unknown) | null = null;

  constructor(options: EnableFlowOptions<I>) {
    super({ status: 'idle', instanceId: options.instanceId, outcome: null }, options);
  }

  /**
   * Callbacks may change every render. A new `instanceId` starts over for that instance: a
   * change still running for the old one is reported when it ends, but no longer shown.
   */
  override setOptions(options: EnableFlowOptions<I>): void {
    const changed = options.instanceId !== this.options.instanceId;
    super.setOptions(options);
    if (!changed) return;
    this.#running = null;
    this.dismiss();
  }

  /**
   * Opens the wizard; its finish enables. Call it synchronously in the click handler (popup
   * blockers). `'dialog'` (the alert's "Open here") shows it, and every later one, in the page.
   */
  configure = (presentation?: OpenWith): void => {
    if (this.getSnapshot().status !== 'busy') this.open(presentation);
  };

  /**
   * Runs one change of the instance, one at a time (a call while one runs gets its promise).
   * Resolves to the server's answer, or `null` after a failure, which becomes the outcome with
   * its retry; what is shown is then refreshed.
   */
  run = (action: FlowAction, work: (instanceId: string) => Promise<I>): Promise<I | null> => {
    const { instanceId } = this.getSnapshot();
    if (this.#running || !instanceId) return this.#running ?? Promise.resolve(null);
    this.close(); // a direct action ends an open wizard, reporting nothing
    this.dispatch({ type: 'start', action, instanceId });
    // Each end is shown only while this is still the flow's change (the instance did not change).
    const running: Promise<I | null> = work(instanceId).then(
      (instance) => {
        if (this.#running === running) {
          this.#running = null;
          this.dispatch({ type: 'end', outcome: { type: 'done', action, instance } });
        }
        this.options.onDone?.(action, instance);
        return instance;
      },
      (cause: unknown) => {
        const error = cause instanceof TrayEmbeddedError ? cause : errorFrom(0, null, false, cause);
        if (this.#running === running) {
          this.#running = null;
          this.fail(action, error, () => this.run(action, work));
        } else this.options.onError?.(error, action);
        void this.options.refresh?.();
        return null;
      },
    );
    return (this.#running = running);
  };

  /** Always with `errorOnEnablingWithMissingValues: true`; `instanceName` (default: the option's) renames it too. */
  enable = (instanceName?: string): Promise<I | null> => {
    // Not a string: called as an event handler; the option's name applies.
    const name = typeof instanceName === 'string' ? instanceName : this.options.instanceName;
    return this.run('enable', (id) => this.options.port.update(enableInput(id, name)).then((i) => confirmEnabled(i, true)));
  };

  disable = (): Promise<I | null> => this.run('disable', (id) => this.options.port.update(disableInput(id)).then((i) => confirmEnabled(i, false)));

  /** Repeats what failed last. Call it in a click handler: it may open the wizard. */
  retry = (): void => {
    this.#retry?.();
  };

  /**
   * Forgets the last outcome and closes the wizard. A change in flight keeps showing until the
   * server answers: its end is the next outcome.
   */
  dismiss = (): void => {
    this.close();
    this.#retry = null;
    if (!this.#running) this.dispatch({ type: 'reset', instanceId: this.options.instanceId });
  };

  protected wizardUrl(request: WizardUrlRequest): Promise<string> | string {
    return this.options.getWizardUrl(this.getSnapshot().instanceId!, request);
  }

  protected wizardChanged(wizard: WizardState): void {
    if (wizard.status === 'opening' || wizard.status === 'open') this.dispatch({ type: 'wizard', wizard });
  }

  protected finished(): void {
    if (this.options.autoEnable !== false) return void this.enable();
    this.dispatch({ type: 'end', outcome: { type: 'setUp' } });
    this.options.onSetUp?.();
  }

  protected cancelled(reason: 'cancel' | 'closed'): void {
    this.dispatch({ type: 'end', outcome: { type: 'cancelled', reason } });
    this.options.onCancel?.(reason);
  }

  protected failed(error: TrayEmbeddedError): void {
    this.fail('wizard', error, this.configure);
  }

  /** Ends the step with `error`, keeping `retry` for `retry()`. */
  protected fail(step: FlowStep, error: TrayEmbeddedError, retry: () => unknown): void {
    this.#retry = retry;
    this.dispatch({ type: 'end', outcome: { type: 'failed', step, error } });
    this.options.onError?.(error, step);
  }

  /** The only way the flow's state changes. */
  protected dispatch(event: FlowEvent<I>): void {
    this.set(reduceFlow(this.getSnapshot(), event));
  }
}
