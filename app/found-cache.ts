/**
 * An in-process cache of lookups against the metadata database, for the lookups every request
 * makes (credentials, bucket names). Metadata writes that can change an answer clear it at once
 * (the ChangeListeners it follows); entries expire after a TTL so that changes made through another
 * node sharing the metadata database are seen within it. Only found values are kept: a miss is
 * asked again next time, so something created elsewhere is never hidden by an earlier miss.
 */
import type { ChangeListeners } from "../storage/meta/change-listeners.ts";

const DEFAULT_TTL_MS = 10_000;
/** Bounds memory against many distinct keys; past it the cache starts over. */
const MAX_ENTRIES = 10_000;

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class FoundCache<V> {
  readonly #ttlMs: number;
  readonly #entries = new Map<string, Entry<V>>();
  /** Bumped on every invalidation, so a lookup that raced with a change doesn't cache stale results. */
  #generation = 0;
  readonly #unsubscribe: () => void;

  constructor(changes: ChangeListeners, options: { ttlMs?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#unsubscribe = changes.add(() => this.invalidate());
  }

  /** The cached value of `key`, else what `load` finds (kept when found). */
  async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.expiresAt > Date.now()) return hit.value;
    const generation = this.#generation;
    const value = await load();
    if (value === undefined) {
      this.#entries.delete(key);
    } else if (generation === this.#generation) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
      this.#entries.set(key, { value, expiresAt: Date.now() + this.#ttlMs });
    }
    return value;
  }

  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
  }

  close(): void {
    this.#unsubscribe();
  }
}
