/**
 * Retention-policy arithmetic of InfluxDB 1.x (services/meta): default and normalised shard group
 * durations, the 1 h minimum, name rules; and how a policy's durations live in a bucket's
 * retention rule.
 */
import type { Bucket, RetentionRule } from "../../../storage/meta/schema.ts";

const NS_PER_SECOND = 1_000_000_000n;
export const HOUR_NS = 3600n * NS_PER_SECOND;
const DAY_NS = 24n * HOUR_NS;
export const MIN_RETENTION_POLICY_NS = HOUR_NS;
/** InfluxDB limits database and retention policy names to 255 bytes. */
const MAX_NAME_BYTES = 255;

/** `shardGroupDuration`: 7 d for infinite or ≥ 180 d, 1 d from 2 d, else 1 h. */
export function defaultShardGroupDuration(duration: bigint): bigint {
  if (duration === 0n || duration >= 180n * DAY_NS) return 7n * DAY_NS;
  if (duration >= 2n * DAY_NS) return DAY_NS;
  return HOUR_NS;
}

/** `normalisedShardDuration`: 0 means "the default"; anything under 1 h becomes 1 h. */
export function normalisedShardGroupDuration(shardGroup: bigint, duration: bigint): bigint {
  if (shardGroup === 0n) return defaultShardGroupDuration(duration);
  if (shardGroup < MIN_RETENTION_POLICY_NS) return defaultShardGroupDuration(MIN_RETENTION_POLICY_NS);
  return shardGroup;
}

export interface PolicyDurations {
  /** 0 = infinite. */
  duration: bigint;
  shardGroupDuration: bigint;
}

const toNs = (seconds: number) => BigInt(Math.round(seconds * 1e9));
const toSeconds = (ns: bigint) => Number(ns) / 1e9;

export function durationsOf(bucket: Bucket): PolicyDurations {
  const rule = bucket.retentionRules[0];
  const duration = rule === undefined ? 0n : toNs(rule.everySeconds);
  const shardGroup = rule?.shardGroupDurationSeconds;
  return { duration, shardGroupDuration: shardGroup === undefined ? defaultShardGroupDuration(duration) : toNs(shardGroup) };
}

export function retentionRulesFor(p: PolicyDurations): RetentionRule[] {
  return [{ type: "expire", everySeconds: toSeconds(p.duration), shardGroupDurationSeconds: toSeconds(p.shardGroupDuration) }];
}

/** `meta.ValidName`: printable, not `.` or `..`, no slash or backslash (names become paths). */
export function validName(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !/[/\\]/.test(name) && /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]*$/u.test(name);
}

export const isNameTooLong = (name: string) => Buffer.byteLength(name) > MAX_NAME_BYTES;
