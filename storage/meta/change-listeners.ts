/**
 * Callbacks run after a metadata write that can change who may do what (tokens, users, orgs), so
 * in-process caches of credentials drop their entries at once instead of waiting to expire.
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
}
