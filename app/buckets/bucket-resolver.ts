/**
 * Name → bucket resolution for every write and query request, cached in process (FoundCache): a
 * libSQL lookup costs more than a small query itself.
 */
import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Bucket, Dbrp } from "../../storage/meta/schema.ts";
import { notFound } from "../errors.ts";
import { FoundCache } from "../found-cache.ts";
import { findBucketByIdOrName, resolveDatabase, resolveDatabasePolicy } from "./resolve-bucket.ts";

/** What an org's InfluxDB 1.x catalog is made of: its buckets and DBRP mappings, in creation order. */
export interface OrgListing {
  buckets: readonly Bucket[];
  mappings: readonly Dbrp[];
}

export class BucketResolver {
  readonly #meta: MetaStore;
  readonly #cache: FoundCache<Bucket>;
  readonly #listings: FoundCache<OrgListing>;

  constructor(meta: MetaStore, options: { ttlMs?: number } = {}) {
    this.#meta = meta;
    this.#cache = new FoundCache(meta.bucketChanges, options);
    this.#listings = new FoundCache(meta.bucketChanges, options);
  }

  /**
   * The org's buckets and mappings: meta statements read them on every call, and two libSQL
   * queries cost ~0.4 ms. `fresh` reads past the cache, for statements that change them.
   */
  async listing(orgId: string, options: { fresh?: boolean } = {}): Promise<OrgListing> {
    const load = async () => ({ buckets: await this.#meta.buckets.list({ orgId }), mappings: await this.#meta.dbrps.list({ orgId }) });
    if (options.fresh) return load();
    return (await this.#listings.get(orgId, load))!;
  }

  /** A v2 `bucket` parameter (ID or name) within the org; the spec's 404 when there is none. */
  async bucket(orgId: string, bucket: string): Promise<Bucket> {
    const found = await this.#cache.get(`b\u0000${orgId}\u0000${bucket}`, () => findBucketByIdOrName(this.#meta, orgId, bucket));
    if (found === undefined) throw notFound(`bucket "${bucket}" not found`);
    return found;
  }

  /** The bucket a v1 `db`/`rp` pair names (see resolveDatabase); undefined when none does. */
  database(orgId: string, db: string, rp: string | undefined): Promise<Bucket | undefined> {
    return this.#cache.get(`d\u0000${orgId}\u0000${db}\u0000${rp ?? ""}`, () => resolveDatabase(this.#meta, orgId, db, rp));
  }

  /** The bucket of `db` with a policy named inside a statement (see resolveDatabasePolicy). */
  databasePolicy(orgId: string, db: string, rp: string): Promise<Bucket | undefined> {
    return this.#cache.get(`p\u0000${orgId}\u0000${db}\u0000${rp}`, () => resolveDatabasePolicy(this.#meta, orgId, db, rp));
  }

  close(): void {
    this.#cache.close();
    this.#listings.close();
  }
}
