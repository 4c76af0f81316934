/**
 * Name → bucket resolution for every write and query request, cached in process: a libSQL lookup
 * costs more than a small query itself. Metadata writes that can change an answer clear the cache
 * at once (MetaStore.bucketChanges); entries expire so that changes made through another node
 * sharing the metadata database are seen within the TTL. Only found buckets are cached, so a
 * bucket created elsewhere is never hidden by an earlier miss.
 */
import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Bucket } from "../../storage/meta/schema.ts";
import { notFound } from "../errors.ts";
import { findBucketByIdOrName, resolveDatabase, resolveDatabasePolicy } from "./resolve-bucket.ts";

const DEFAULT_TTL_MS = 10_000;
/** Bounds memory against many distinct names; past it the cache starts over. */
const MAX_ENTRIES = 10_000;

interface CacheEntry {
  bucket: Bucket;
  expiresAt: number;
}

export class BucketResolver {
  readonly #meta: MetaStore;
  readonly #ttlMs: number;
  readonly #cache = new Map<string, CacheEntry>();
  /** Bumped on every invalidation, so a lookup that raced with a change doesn't cache stale results. */
  #generation = 0;
  readonly #unsubscribe: () => void;

  constructor(meta: MetaStore, options: { ttlMs?: number } = {}) {
    this.#meta = meta;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#unsubscribe = meta.bucketChanges.add(() => this.invalidate());
  }

  /** A v2 `bucket` parameter (ID or name) within the org; the spec's 404 when there is none. */
  async bucket(orgId: string, bucket: string): Promise<Bucket> {
    const found = await this.#cached(`b\u0000${orgId}\u0000${bucket}`, () => findBucketByIdOrName(this.#meta, orgId, bucket));
    if (found === undefined) throw notFound(`bucket "${bucket}" not found`);
    return found;
  }

  /** The bucket a v1 `db`/`rp` pair names (see resolveDatabase); undefined when none does. */
  database(orgId: string, db: string, rp: string | undefined): Promise<Bucket | undefined> {
    return this.#cached(`d\u0000${orgId}\u0000${db}\u0000${rp ?? ""}`, () => resolveDatabase(this.#meta, orgId, db, rp));
  }

  /** The bucket of `db` with a policy named inside a statement (see resolveDatabasePolicy). */
  databasePolicy(orgId: string, db: string, rp: string): Promise<Bucket | undefined> {
    return this.#cached(`p\u0000${orgId}\u0000${db}\u0000${rp}`, () => resolveDatabasePolicy(this.#meta, orgId, db, rp));
  }

  invalidate(): void {
    this.#generation++;
    this.#cache.clear();
  }

  close(): void {
    this.#unsubscribe();
  }

  async #cached(key: string, load: () => Promise<Bucket | undefined>): Promise<Bucket | undefined> {
    const entry = this.#cache.get(key);
    if (entry !== undefined && entry.expiresAt > Date.now()) return entry.bucket;
    const generation = this.#generation;
    const bucket = await load();
    if (bucket !== undefined && generation === this.#generation) {
      if (this.#cache.size >= MAX_ENTRIES) this.#cache.clear();
      this.#cache.set(key, { bucket, expiresAt: Date.now() + this.#ttlMs });
    }
    return bucket;
  }
}
