/**
 * Who may do what, in the terms of strata's tokens: reading a database's series needs read on its
 * buckets, changing it write on them, creating one write on the org's buckets. Refusals are
 * statement errors worded as the HTTP API words its 401s.
 */
import type { Bucket } from "../../../storage/meta/schema.ts";
import { can } from "../../auth/permissions.ts";
import type { QueryContext } from "../query-context.ts";
import { StatementError } from "../statement-error.ts";
import type { Catalog, DatabaseInfo, RetentionPolicyInfo } from "./catalog.ts";

const denied = (action: string, orgId: string, id?: string) =>
  new StatementError(`${action}:orgs/${orgId}/buckets${id === undefined ? "" : `/${id}`} is unauthorized`);

export const canRead = (qc: QueryContext, bucket: Bucket) => can(qc.principal, "read", "buckets", { orgId: bucket.orgId, id: bucket.id });
const canWrite = (qc: QueryContext, bucket: Bucket) => can(qc.principal, "write", "buckets", { orgId: bucket.orgId, id: bucket.id });

/** Whether the database shows up for the caller at all (1.x lists those it may read or write). */
export function canSee(qc: QueryContext, db: DatabaseInfo): boolean {
  return db.retentionPolicies.some((rp) => canRead(qc, rp.bucket) || canWrite(qc, rp.bucket));
}

/** The policies the caller may read; refuses when there are some but none readable. */
export function readablePolicies(qc: QueryContext, rps: readonly RetentionPolicyInfo[]): RetentionPolicyInfo[] {
  const ok = rps.filter((rp) => canRead(qc, rp.bucket));
  if (ok.length === 0 && rps.length > 0) throw denied("read", rps[0].bucket.orgId, rps[0].bucket.id);
  return ok;
}

export function requireRead(qc: QueryContext, bucket: Bucket): void {
  if (!canRead(qc, bucket)) throw denied("read", bucket.orgId, bucket.id);
}

export function requireWrite(qc: QueryContext, bucket: Bucket): void {
  if (!canWrite(qc, bucket)) throw denied("write", bucket.orgId, bucket.id);
}

export function requireCreate(qc: QueryContext): void {
  if (!can(qc.principal, "write", "buckets", { orgId: qc.orgId })) throw denied("write", qc.orgId);
}

/** A database the caller cannot see at all is, to them, not there. */
export function visibleDatabase(qc: QueryContext, catalog: Catalog, name: string): DatabaseInfo | undefined {
  const db = catalog.database(name);
  return db !== undefined && canSee(qc, db) ? db : undefined;
}
