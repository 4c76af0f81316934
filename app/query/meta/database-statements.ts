/** SHOW DATABASES, CREATE DATABASE and DROP DATABASE, with InfluxDB 1.6's outcomes. */
import type { CreateDatabaseStatement, DropDatabaseStatement } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import { canSee, requireCreate, requireWrite } from "./access.ts";
import { Catalog, defaultPolicy, policyNamed } from "./catalog.ts";
import type { MetaResult } from "./meta-result.ts";
import * as errors from "./meta-errors.ts";
import { createPolicy, dropPolicies } from "./policy-storage.ts";
import {
  durationsOf,
  isNameTooLong,
  MIN_RETENTION_POLICY_NS,
  normalisedShardGroupDuration,
  validName,
  type PolicyDurations,
} from "./retention-policy-rules.ts";

/** In creation order, those the caller may read or write. */
export async function showDatabases(qc: QueryContext): Promise<MetaResult> {
  const catalog = await Catalog.load(qc);
  const values = catalog.databases.filter((db) => canSee(qc, db)).map((db) => [db.name]);
  return { series: [{ name: "databases", columns: ["name"], values }] };
}

/**
 * Without WITH: creates the database with an infinite `autogen` policy unless it exists. With
 * WITH: the given policy becomes the default of a new database; for an existing one the statement
 * only succeeds when it restates the current default (`CreateDatabaseWithRetentionPolicy`).
 */
export async function createDatabase(s: CreateDatabaseStatement, qc: QueryContext): Promise<MetaResult> {
  if (!validName(s.name)) throw errors.invalidName();
  if (isNameTooLong(s.name)) throw errors.nameTooLong();
  const catalog = await Catalog.load(qc, { fresh: true });
  const existing = catalog.database(s.name);
  if (!s.retentionPolicyCreate) {
    if (existing !== undefined) return {};
    requireCreate(qc);
    await createPolicy(qc, s.name, "autogen", { duration: 0n, shardGroupDuration: normalisedShardGroupDuration(0n, 0n) }, true);
    return {};
  }
  if (s.retentionPolicyName !== "" && !validName(s.retentionPolicyName)) throw errors.invalidName();
  const duration = s.retentionPolicyDuration;
  if (duration !== null && duration < MIN_RETENTION_POLICY_NS && duration !== 0n) throw errors.durationTooLow();
  const name = s.retentionPolicyName === "" ? "autogen" : s.retentionPolicyName;
  if (existing !== undefined && existing.retentionPolicies.length > 0) {
    const current = policyNamed(existing, name);
    if (current === undefined || !restates(s, durationsOf(current.bucket))) throw errors.retentionPolicyConflict();
    if (defaultPolicy(existing)?.name !== name) throw errors.retentionPolicyConflict();
    return {};
  }
  const policy: PolicyDurations = { duration: duration ?? 0n, shardGroupDuration: normalisedShardGroupDuration(s.retentionPolicyShardGroupDuration, duration ?? 0n) };
  if (s.retentionPolicyReplication !== null && s.retentionPolicyReplication < 1) throw errors.replicationTooLow();
  if (isNameTooLong(name)) throw errors.nameTooLong();
  if (policy.duration > 0n && policy.duration < policy.shardGroupDuration) throw errors.incompatibleDurations();
  requireCreate(qc);
  await createPolicy(qc, s.name, name, policy, true);
  return {};
}

/**
 * `RetentionPolicySpec.Matches`: the durations given equal the policy's. strata keeps no
 * replication factor (it is always 1), so REPLICATION does not take part.
 */
function restates(s: CreateDatabaseStatement, current: PolicyDurations): boolean {
  if (s.retentionPolicyDuration !== null && s.retentionPolicyDuration !== current.duration) return false;
  return normalisedShardGroupDuration(s.retentionPolicyShardGroupDuration, current.duration) === current.shardGroupDuration;
}

/** Drops every policy of the database, with its data; a missing database is no error. */
export async function dropDatabase(s: DropDatabaseStatement, qc: QueryContext): Promise<MetaResult> {
  const catalog = await Catalog.load(qc, { fresh: true });
  const db = catalog.database(s.name);
  if (db === undefined) return {};
  for (const rp of db.retentionPolicies) requireWrite(qc, rp.bucket);
  await dropPolicies(qc, catalog, db.retentionPolicies);
  return {};
}
