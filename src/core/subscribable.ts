type Listener = () => void;

/**
 * A value that changes over time and tells its subscribers, in the shape
 * React's `useSyncExternalStore` expects: `subscribe` returns its own undo, and
 * `getSnapshot` returns the same object until the next change.
 */
export class Subscribable<T> {
  #listeners = new Set<Listener>();
  #snapshot: T;

  constructor(initial: T) {
    this.#snapshot = initial;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  getSnapshot = (): T => this.#snapshot;

  /** How many subscribers are attached; tests use it to prove cleanup. */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  protected setSnapshot(next: T): void {
    if (Object.is(next, this.#snapshot)) return;
    this.#snapshot = next;
    for (const listener of [...this.#listeners]) listener();
  }
}
