import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Bucket } from "../../storage/meta/schema.ts";
import { isId } from "../../storage/meta/id.ts";
import type { Principal } from "../auth/permissions.ts";
import { reachesOrg } from "../auth/resource-access.ts";
import { notFound } from "../errors.ts";

/**
 * The organization a request acts in: the token's own, unless `org` (name) or `orgID` names
 * another one the token may reach (DECISIONS.md #2) — the same rule that hides other orgs'
 * resources, so a token that may write a bucket of another org can name that org.
 */
export async function resolveOrgId(meta: MetaStore, principal: Principal, org: string | undefined, orgID: string | undefined): Promise<string> {
  if (!org && !orgID) return principal.orgId;
  const found = orgID ? await meta.orgs.findById(orgID) : await meta.orgs.findByName(org!);
  if (!found || !reachesOrg(principal, found.id)) {
    throw notFound(orgID ? "organization not found" : `organization name "${org}" not found`);
  }
  return found.id;
}

/** A v2 `bucket` parameter: an ID or a name, within the org. */
export async function findBucketByIdOrName(meta: MetaStore, orgId: string, bucket: string): Promise<Bucket | undefined> {
  if (isId(bucket)) {
    const byId = await meta.buckets.findById(bucket);
    if (byId && byId.orgId === orgId) return byId;
  }
  return meta.buckets.findByName(orgId, bucket);
}

/**
 * The bucket a v1 `db`/`rp` pair names: through a DBRP mapping, else a bucket named `db/rp` or
 * `db` (InfluxDB 2.x's virtual mappings). Undefined when neither exists.
 */
export async function resolveDatabase(meta: MetaStore, orgId: string, db: string, rp: string | undefined): Promise<Bucket | undefined> {
  const mapping = await meta.dbrps.resolve(orgId, db, rp);
  if (mapping) return meta.buckets.findById(mapping.bucketId);
  if (rp) {
    const named = await meta.buckets.findByName(orgId, `${db}/${rp}`);
    if (named) return named;
  }
  return meta.buckets.findByName(orgId, db);
}

/**
 * The bucket of database `db` with a named retention policy `rp` inside a statement (`db.rp.m`): a
 * named policy must be mapped or have a `db/rp` bucket; only `autogen` falls back to a bucket named
 * after the database, so an unknown policy is "not found" as in InfluxDB rather than read as the
 * default.
 */
export async function resolveDatabasePolicy(meta: MetaStore, orgId: string, db: string, rp: string): Promise<Bucket | undefined> {
  const mapping = await meta.dbrps.resolve(orgId, db, rp);
  if (mapping) return meta.buckets.findById(mapping.bucketId);
  const named = await meta.buckets.findByName(orgId, `${db}/${rp}`);
  if (named || rp !== "autogen") return named;
  return meta.buckets.findByName(orgId, db);
}

/** The v1 spec: writing to an unknown database creates a bucket with a 3-day retention. */
export const V1_AUTO_BUCKET_RETENTION_SECONDS = 3 * 24 * 3600;

/** Creates the bucket and DBRP mapping for a database that does not exist yet (0 s retention = forever). */
export async function createDatabaseBucket(meta: MetaStore, orgId: string, db: string, rp: string | undefined, retentionSeconds: number): Promise<Bucket> {
  const bucket = await meta.buckets.create({
    orgId,
    name: rp ? `${db}/${rp}` : db,
    retentionRules: [{ type: "expire", everySeconds: retentionSeconds }],
    rp: rp ?? "autogen",
  });
  await meta.dbrps.create({ orgId, bucketId: bucket.id, database: db, retentionPolicy: rp || "autogen" });
  return bucket;
}
