/**
 * A `Map` with least-recently-used eviction: reading an entry refreshes it, and past
 * `maxEntries` (or `maxWeight`, when entries are weighed) the least recently used go first.
 * Every per-user structure in the handler is one of these, so a server that sees millions of
 * users keeps a bounded amount of state.
 */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #weights = new Map<K, number>();
  readonly #maxEntries: number;
  readonly #maxWeight: number;
  readonly #weigh: ((value: V, key: K) => number) | undefined;
  readonly #onRemove: ((key: K, value: V) => void) | undefined;
  #weight = 0;

  constructor(options: {
    maxEntries: number;
    maxWeight?: number;
    weigh?: (value: V, key: K) => number;
    /** Called for every entry that leaves, evicted or deleted. */
    onRemove?: (key: K, value: V) => void;
  }) {
    this.#maxEntries = Math.max(1, options.maxEntries);
    this.#maxWeight = options.maxWeight ?? Infinity;
    this.#weigh = options.weigh;
    this.#onRemove = options.onRemove;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value, refreshed to most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** The value without refreshing it. */
  peek(key: K): V | undefined {
    return this.#entries.get(key);
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  set(key: K, value: V): this {
    this.delete(key);
    const weight = this.#weigh?.(value, key) ?? 0;
    // An entry heavier than the whole budget would only evict everything else; keep it out.
    if (weight > this.#maxWeight) return this;
    this.#entries.set(key, value);
    if (weight > 0) {
      this.#weights.set(key, weight);
      this.#weight += weight;
    }
    while (this.#entries.size > this.#maxEntries || this.#weight > this.#maxWeight) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    return this;
  }

  delete(key: K): boolean {
    if (!this.#entries.has(key)) return false;
    const value = this.#entries.get(key) as V;
    const weight = this.#weights.get(key);
    if (weight !== undefined) {
      this.#weight -= weight;
      this.#weights.delete(key);
    }
    this.#entries.delete(key);
    this.#onRemove?.(key, value);
    return true;
  }

  /** Oldest first. */
  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }
}
