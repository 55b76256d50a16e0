import { EnableFlow } from './enableFlow.js';
import type { TrayEmbeddedError } from './errors.js';
import type { InstanceStatus, WizardUrlRequest } from './instancePort.js';

/**
 * The catalog's Add: the enable flow for an instance that does not exist yet. `add(create)`
 * opens the popup in the click, blank, while `create` (`createSolutionInstance`) runs; the
 * wizard of the new instance then loads in it, and its finish enables as everywhere. Closing
 * the wizard while the create still runs waits for its answer, so the outcome says whether
 * anything was made. A kept-for-later instance is forgotten by `dismiss`.
 */
export class AddFlow<I extends InstanceStatus = InstanceStatus> extends EnableFlow<I> {
  #create: (() => Promise<I>) | null = null;
  #creating: Promise<I> | null = null;

  /** Call it synchronously in the click handler (popup blockers). */
  add = (create: () => Promise<I>): void => {
    const { status } = this.getSnapshot();
    // One Add at a time: while its wizard is up, asking again brings it forward.
    if (status === 'wizard') return this.open();
    if (status === 'busy') return;
    this.#create = create;
    this.#creating = null;
    this.dispatch({ type: 'reset', instanceId: null });
    this.open();
  };

  /** Acts on no instance until the next add; a change in flight keeps showing until the server answers. */
  override dismiss = (): void => {
    this.close();
    if (this.getSnapshot().status === 'busy') return;
    this.#create = this.#creating = null;
    this.dispatch({ type: 'reset', instanceId: null });
  };

  protected override async wizardUrl(request: WizardUrlRequest): Promise<string> {
    // A failed create is tried again on the next open (`retry`, "Try again").
    this.#creating ??= this.#create!().then(
      (instance) => {
        this.dispatch({ type: 'created', instanceId: instance.id });
        return instance;
      },
      (error: unknown) => {
        this.#creating = null;
        throw error;
      },
    );
    return this.options.getWizardUrl((await this.#creating).id, request);
  }

  protected override cancelled(reason: 'cancel' | 'closed'): void {
    const end = () => super.cancelled(reason);
    if (this.#creating && !this.getSnapshot().instanceId) void this.#creating.then(end, end);
    else end();
  }

  protected override failed(error: TrayEmbeddedError): void {
    // Before the create answered, the wizard never opened: it is the create that failed.
    this.fail(this.getSnapshot().instanceId ? 'wizard' : 'create', error, this.configure);
  }
}
