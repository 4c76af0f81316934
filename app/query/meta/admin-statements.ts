/**
 * InfluxDB 1.x's administrative statements. strata's v1 users are the org's legacy
 * authorizations (managed through /api/v2/legacy/authorizations); it has no continuous queries,
 * subscriptions, shards or query registry. Listings answer in 1.x's shape with what exists;
 * statements that would create or change such things are refused rather than faked.
 */
import type {
  DropContinuousQueryStatement,
  DropSubscriptionStatement,
  KillQueryStatement,
  ShowGrantsForUserStatement,
} from "../../influxql/parser.ts";
import type { Principal } from "../../auth/permissions.ts";
import { can } from "../../auth/permissions.ts";
import type { LegacyAuthorization } from "../../../storage/meta/schema.ts";
import type { QueryContext } from "../query-context.ts";
import { StatementError } from "../statement-error.ts";
import { canSee } from "./access.ts";
import { Catalog } from "./catalog.ts";
import type { MetaResult } from "./meta-result.ts";
import * as errors from "./meta-errors.ts";

const asPrincipal = (a: LegacyAuthorization): Principal => ({ authorizationId: a.id, orgId: a.orgId, userId: a.userId, permissions: a.permissions });

async function legacyUsers(qc: QueryContext): Promise<LegacyAuthorization[]> {
  if (!can(qc.principal, "read", "authorizations", { orgId: qc.orgId })) {
    throw new StatementError(`read:orgs/${qc.orgId}/authorizations is unauthorized`);
  }
  return qc.meta.legacyAuthorizations.list({ orgId: qc.orgId });
}

/** A v1 user counts as admin when it may manage the org's credentials, as a 1.x admin manages users. */
export async function showUsers(qc: QueryContext): Promise<MetaResult> {
  const values = (await legacyUsers(qc)).map((a) => [a.username, can(asPrincipal(a), "write", "authorizations", { orgId: a.orgId })]);
  return { series: [{ columns: ["user", "admin"], values }] };
}

/** Per database: READ, WRITE or ALL PRIVILEGES, from the user's bucket permissions. */
export async function showGrants(s: ShowGrantsForUserStatement, qc: QueryContext): Promise<MetaResult> {
  const user = (await legacyUsers(qc)).find((a) => a.username === s.user);
  if (user === undefined) throw new StatementError("user not found");
  const who = asPrincipal(user);
  const values: string[][] = [];
  for (const db of (await Catalog.load(qc)).databases) {
    const buckets = db.retentionPolicies.map((rp) => ({ orgId: rp.bucket.orgId, id: rp.bucket.id }));
    const read = buckets.some((b) => can(who, "read", "buckets", b));
    const write = buckets.some((b) => can(who, "write", "buckets", b));
    if (read || write) values.push([db.name, read && write ? "ALL PRIVILEGES" : read ? "READ" : "WRITE"]);
  }
  return { series: [{ columns: ["database", "privilege"], values }] };
}

/** One empty series per database, as 1.x lists databases without continuous queries. */
export async function showContinuousQueries(qc: QueryContext): Promise<MetaResult> {
  const dbs = (await Catalog.load(qc)).databases.filter((db) => canSee(qc, db));
  return { series: dbs.map((db) => ({ name: db.name, columns: ["name", "query"], values: [] })) };
}

export async function dropContinuousQuery(s: DropContinuousQueryStatement, qc: QueryContext): Promise<MetaResult> {
  if ((await Catalog.load(qc)).database(s.database) === undefined) throw errors.databaseNotFound(s.database);
  throw new StatementError("continuous query not found");
}

export async function dropSubscription(s: DropSubscriptionStatement, qc: QueryContext): Promise<MetaResult> {
  const db = (await Catalog.load(qc)).database(s.database);
  if (db === undefined) throw errors.databaseNotFound(s.database);
  if (!db.retentionPolicies.some((rp) => rp.name === s.retentionPolicy)) throw errors.retentionPolicyNotFound(s.retentionPolicy);
  throw new StatementError("subscription not found");
}

const SHARD_COLUMNS = ["id", "database", "retention_policy", "shard_group", "start_time", "end_time", "expiry_time", "owners"];

/** strata stores buckets in time windows, not shards: every database lists none. */
export async function showShards(qc: QueryContext): Promise<MetaResult> {
  const dbs = (await Catalog.load(qc)).databases.filter((db) => canSee(qc, db));
  return { series: dbs.map((db) => ({ name: db.name, columns: SHARD_COLUMNS, values: [] })) };
}

export function showShardGroups(): MetaResult {
  return { series: [{ name: "shard groups", columns: ["id", "database", "retention_policy", "start_time", "end_time", "expiry_time"], values: [] }] };
}

/** strata keeps no registry of running queries, so there is nothing to list or kill. */
export function showQueries(): MetaResult {
  return { series: [{ columns: ["qid", "query", "database", "duration", "status"], values: [] }] };
}

export function killQuery(s: KillQueryStatement): never {
  throw new StatementError(`no such query id: ${s.queryId}`);
}
