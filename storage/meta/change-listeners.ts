/**
 * Callbacks run after a metadata write that can change what an in-process cache holds (who may do
 * what; which bucket a name or database resolves to), so the cache drops its entries at once
 * instead of waiting for them to expire.
 */
export class ChangeListeners {
  readonly #listeners = new Set<() => void>();

  /** Returns a function that removes the listener. */
  add(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Notifies once `write` has settled, committed or failed, so no cache keeps what it may have changed. */
  async notifyAfter<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.notify();
    }
  }
}
