/**
 * The org's InfluxDB 1.x view: databases and their retention policies, from DBRP mappings plus the
 * virtual mappings InfluxDB 2.x derives for unmapped buckets (`db` → db.autogen, `db/rp` → db.rp).
 * Both are ordered as 1.x orders them, by creation — here the creation order of their buckets.
 */
import type { Bucket } from "../../../storage/meta/schema.ts";
import type { QueryContext } from "../query-context.ts";

export interface RetentionPolicyInfo {
  name: string;
  bucket: Bucket;
  isDefault: boolean;
  /** Undefined for a virtual mapping. */
  mappingId: string | undefined;
}

export interface DatabaseInfo {
  name: string;
  retentionPolicies: RetentionPolicyInfo[];
}

/** The policy that statements without one use: the default mapping. */
export function defaultPolicy(db: DatabaseInfo): RetentionPolicyInfo | undefined {
  return db.retentionPolicies.find((rp) => rp.isDefault);
}

export function policyNamed(db: DatabaseInfo, name: string): RetentionPolicyInfo | undefined {
  return db.retentionPolicies.find((rp) => rp.name === name);
}

/** The bucket name strata gives a policy it creates (autogen gets the database's own name). */
export function bucketNameFor(db: string, rp: string): string {
  return rp === "autogen" ? db : `${db}/${rp}`;
}

export class Catalog {
  private constructor(readonly databases: readonly DatabaseInfo[]) {}

  /**
   * The catalog of the statement's org, from the resolver's cached listing; `fresh` for the
   * statements that change databases, policies or data, which must not act on a view another
   * server may have changed within the cache's TTL.
   */
  static async load(qc: Pick<QueryContext, "buckets" | "orgId">, options: { fresh?: boolean } = {}): Promise<Catalog> {
    const { buckets, mappings } = await qc.buckets.listing(qc.orgId, options);
    const position = new Map(buckets.map((b, i) => [b.id, i]));
    const byId = new Map(buckets.map((b) => [b.id, b]));
    const entries: { database: string; rp: RetentionPolicyInfo; order: number; createdAt: number }[] = [];
    for (const m of mappings) {
      const bucket = byId.get(m.bucketId);
      if (bucket === undefined) continue;
      const rp = { name: m.retentionPolicy, bucket, isDefault: m.isDefault, mappingId: m.id };
      entries.push({ database: m.database, rp, order: position.get(bucket.id)!, createdAt: m.createdAt.getTime() });
    }
    const mapped = new Set(mappings.map((m) => m.bucketId));
    const explicit = new Set(mappings.map((m) => `${m.database}\u0000${m.retentionPolicy}`));
    const explicitDefault = new Set(mappings.filter((m) => m.isDefault).map((m) => m.database));
    buckets.forEach((bucket, order) => {
      if (bucket.type !== "user" || mapped.has(bucket.id)) return;
      const slash = bucket.name.indexOf("/");
      const database = slash < 0 ? bucket.name : bucket.name.slice(0, slash);
      const name = slash < 0 ? "autogen" : bucket.name.slice(slash + 1);
      if (explicit.has(`${database}\u0000${name}`)) return;
      const isDefault = slash < 0 && !explicitDefault.has(database);
      entries.push({ database, rp: { name, bucket, isDefault, mappingId: undefined }, order, createdAt: bucket.createdAt.getTime() });
    });
    entries.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
    const databases = new Map<string, DatabaseInfo>();
    for (const { database, rp } of entries) {
      let db = databases.get(database);
      if (db === undefined) databases.set(database, (db = { name: database, retentionPolicies: [] }));
      db.retentionPolicies.push(rp);
    }
    return new Catalog([...databases.values()]);
  }

  database(name: string): DatabaseInfo | undefined {
    return this.databases.find((db) => db.name === name);
  }

  /** How many retention policies, of any database, keep their data in the bucket. */
  referencesTo(bucketId: string): number {
    let n = 0;
    for (const db of this.databases) for (const rp of db.retentionPolicies) if (rp.bucket.id === bucketId) n++;
    return n;
  }
}
