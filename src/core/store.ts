/**
 * The little every store of ours shares (TanStack Query's `Subscribable`, zustand's vanilla
 * store): listeners, a snapshot that stays the same object until the next change, and one
 * setter that tells every listener. `useSyncExternalStore` binds it to React.
 */
export class Store<S> {
  #listeners = new Set<() => void>();
  #state: S;

  constructor(state: S) {
    this.#state = state;
  }

  /** For `useSyncExternalStore`: returns its own undo. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The same object until the next change. */
  getSnapshot = (): S => this.#state;

  /** Subclasses change state only through here. */
  protected set(state: S): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#listeners.forEach((listener) => listener());
  }
}
