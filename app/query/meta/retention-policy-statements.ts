/** SHOW, CREATE, ALTER and DROP RETENTION POLICY, with InfluxDB 1.6's checks in 1.6's order. */
import type {
  AlterRetentionPolicyStatement,
  CreateRetentionPolicyStatement,
  DropRetentionPolicyStatement,
  ShowRetentionPoliciesStatement,
} from "../../influxql/parser.ts";
import { goDurationString } from "../../influxql/duration.ts";
import type { QueryContext } from "../query-context.ts";
import { requireCreate, requireWrite, visibleDatabase } from "./access.ts";
import { Catalog, defaultPolicy, policyNamed } from "./catalog.ts";
import type { MetaResult } from "./meta-result.ts";
import * as errors from "./meta-errors.ts";
import { createPolicy, dropPolicies, makeDefault } from "./policy-storage.ts";
import {
  durationsOf,
  isNameTooLong,
  MIN_RETENTION_POLICY_NS,
  normalisedShardGroupDuration,
  retentionRulesFor,
  validName,
} from "./retention-policy-rules.ts";

const tooShort = (d: bigint) => d < MIN_RETENTION_POLICY_NS && d !== 0n;

/** Unnamed series, policies in creation order; strata's replication factor is always 1. */
export async function showRetentionPolicies(s: ShowRetentionPoliciesStatement, qc: QueryContext): Promise<MetaResult> {
  const name = s.database || qc.db;
  if (name === "") throw errors.databaseNameRequired();
  const db = visibleDatabase(qc, await Catalog.load(qc), name);
  if (db === undefined) throw errors.databaseNotFound(name);
  const columns = ["name", "duration", "shardGroupDuration", "replicaN", "default"];
  const values = db.retentionPolicies.map((rp) => {
    const d = durationsOf(rp.bucket);
    return [rp.name, goDurationString(d.duration), goDurationString(d.shardGroupDuration), 1n, rp.isDefault];
  });
  return { series: [{ columns, values }] };
}

/** Creating an identical policy again is no error; a different one with the same name is. */
export async function createRetentionPolicy(s: CreateRetentionPolicyStatement, qc: QueryContext): Promise<MetaResult> {
  if (!validName(s.name)) throw errors.invalidName();
  if (tooShort(s.duration)) throw errors.durationTooLow();
  if (isNameTooLong(s.name)) throw errors.nameTooLong();
  if (s.replication < 1) throw errors.replicationTooLow();
  const policy = { duration: s.duration, shardGroupDuration: normalisedShardGroupDuration(s.shardGroupDuration, s.duration) };
  if (policy.duration > 0n && policy.duration < policy.shardGroupDuration) throw errors.incompatibleDurations();
  const db = (await Catalog.load(qc, { fresh: true })).database(s.database);
  if (db === undefined) throw errors.databaseNotFound(s.database);
  const existing = policyNamed(db, s.name);
  if (existing !== undefined) {
    const current = durationsOf(existing.bucket);
    if (current.duration !== policy.duration || current.shardGroupDuration !== policy.shardGroupDuration) throw errors.retentionPolicyExists();
    if (s.isDefault && !existing.isDefault) throw errors.retentionPolicyConflict();
    return {};
  }
  requireCreate(qc);
  await createPolicy(qc, s.database, s.name, policy, s.isDefault);
  return {};
}

/** `Data.UpdateRetentionPolicy`: a new shard duration is normalised against the new duration. */
export async function alterRetentionPolicy(s: AlterRetentionPolicyStatement, qc: QueryContext): Promise<MetaResult> {
  const db = (await Catalog.load(qc, { fresh: true })).database(s.database);
  if (db === undefined) throw errors.databaseNotFound(s.database);
  const rp = policyNamed(db, s.name);
  if (rp === undefined) throw errors.retentionPolicyNotFound(s.name);
  if (s.duration !== null && tooShort(s.duration)) throw errors.durationTooLow();
  const current = durationsOf(rp.bucket);
  const d = s.duration;
  const sgd = s.shardGroupDuration;
  if (
    (d !== null && d > 0n && ((sgd !== null && d < sgd) || (sgd === null && d < current.shardGroupDuration))) ||
    (d === null && current.duration > 0n && sgd !== null && current.duration < sgd)
  ) {
    throw errors.incompatibleDurations();
  }
  requireWrite(qc, rp.bucket);
  const duration = d ?? current.duration;
  const shardGroupDuration = sgd === null ? current.shardGroupDuration : normalisedShardGroupDuration(sgd, duration);
  if (duration !== current.duration || shardGroupDuration !== current.shardGroupDuration) {
    await qc.meta.buckets.update(rp.bucket.id, { retentionRules: retentionRulesFor({ duration, shardGroupDuration }) });
  }
  if (s.isDefault && defaultPolicy(db) !== rp) await makeDefault(qc, s.database, rp);
  return {};
}

/** Drops the policy and its data; a missing database or policy is no error (1.6.7). */
export async function dropRetentionPolicy(s: DropRetentionPolicyStatement, qc: QueryContext): Promise<MetaResult> {
  const catalog = await Catalog.load(qc, { fresh: true });
  const db = catalog.database(s.database);
  const rp = db === undefined ? undefined : policyNamed(db, s.name);
  if (rp === undefined) return {};
  requireWrite(qc, rp.bucket);
  await dropPolicies(qc, catalog, [rp]);
  return {};
}
