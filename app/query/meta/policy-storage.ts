/** Retention policies as buckets plus DBRP mappings: creating, re-defaulting and dropping them. */
import { MetaConflictError } from "../../../storage/meta/conflict-error.ts";
import type { QueryContext } from "../query-context.ts";
import { StatementError } from "../statement-error.ts";
import { bucketNameFor, type Catalog, type RetentionPolicyInfo } from "./catalog.ts";
import { retentionRulesFor, type PolicyDurations } from "./retention-policy-rules.ts";

async function orStatementError<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (e) {
    if (e instanceof MetaConflictError) throw new StatementError(e.message);
    throw e;
  }
}

export async function createPolicy(qc: QueryContext, database: string, name: string, durations: PolicyDurations, isDefault: boolean): Promise<void> {
  const bucket = await orStatementError(
    qc.meta.buckets.create({ orgId: qc.orgId, name: bucketNameFor(database, name), retentionRules: retentionRulesFor(durations), rp: name }),
  );
  try {
    await orStatementError(qc.meta.dbrps.create({ orgId: qc.orgId, bucketId: bucket.id, database, retentionPolicy: name, isDefault }));
  } catch (e) {
    await qc.meta.buckets.delete(bucket.id);
    throw e;
  }
}

/** Makes the policy its database's default; a virtual one gets a real mapping for that. */
export async function makeDefault(qc: QueryContext, database: string, rp: RetentionPolicyInfo): Promise<void> {
  if (rp.mappingId !== undefined) await qc.meta.dbrps.update(rp.mappingId, { isDefault: true });
  else await orStatementError(qc.meta.dbrps.create({ orgId: qc.orgId, bucketId: rp.bucket.id, database, retentionPolicy: rp.name, isDefault: true }));
}

/**
 * Removes the policies' mappings, and the buckets (with their data) that no other policy routes to.
 */
export async function dropPolicies(qc: QueryContext, catalog: Catalog, rps: readonly RetentionPolicyInfo[]): Promise<void> {
  for (const rp of rps) if (rp.mappingId !== undefined) await qc.meta.dbrps.delete(rp.mappingId);
  const dropping = new Map<string, number>();
  for (const rp of rps) dropping.set(rp.bucket.id, (dropping.get(rp.bucket.id) ?? 0) + 1);
  for (const [bucketId, n] of dropping) {
    if (catalog.referencesTo(bucketId) > n) continue;
    await qc.engine.dropBucket(bucketId);
    await qc.meta.buckets.delete(bucketId);
  }
}
