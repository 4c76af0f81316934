/**
 * Org, user and bucket names for one response. Authorizations store IDs only; the API shows names
 * beside them (`org`, `user`, a permission's `name` and `org`), so a list looks each one up once.
 */
import type { MetaStore } from "../../storage/meta/meta-store.ts";

export class NameLookup {
  readonly #meta: MetaStore;
  readonly #cache = new Map<string, Promise<string | undefined>>();

  constructor(meta: MetaStore) {
    this.#meta = meta;
  }

  org(id: string): Promise<string | undefined> {
    return this.#once(`org:${id}`, async () => (await this.#meta.orgs.findById(id))?.name);
  }

  user(id: string): Promise<string | undefined> {
    return this.#once(`user:${id}`, async () => (await this.#meta.users.findById(id))?.name);
  }

  bucket(id: string): Promise<string | undefined> {
    return this.#once(`bucket:${id}`, async () => (await this.#meta.buckets.findById(id))?.name);
  }

  #once(key: string, lookup: () => Promise<string | undefined>): Promise<string | undefined> {
    let name = this.#cache.get(key);
    if (name === undefined) {
      name = lookup();
      this.#cache.set(key, name);
    }
    return name;
  }
}
