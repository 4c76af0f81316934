/**
 * InfluxDB 1.x answers meta queries with a time condition from the shards whose shard group
 * overlaps the range, not from the points in it. strata has no shards; a bucket's data in the
 * range widened to shard-group boundaries stands for them.
 */
import type { TimeBounds } from "./time-condition.ts";
import { MAX_TIME, MIN_TIME } from "./time-condition.ts";

/** Go's zero time (0001-01-01T00:00:00Z), which `time.Truncate` counts from, before the Unix epoch. */
const GO_ZERO_TIME_NS = -62135596800n * 1_000_000_000n;

/** Start of the shard group of duration `d` holding `t` (both ns). */
export function shardGroupStart(t: bigint, d: bigint): bigint {
  const since = t - GO_ZERO_TIME_NS;
  let q = since / d;
  if (since % d < 0n) q -= 1n;
  return q * d + GO_ZERO_TIME_NS;
}

/** Inclusive ns bounds covered by the shard groups that overlap `bounds`. */
export function shardGroupSpan(bounds: TimeBounds, d: bigint): { min: bigint; max: bigint } {
  return {
    min: bounds.min === null ? MIN_TIME : shardGroupStart(bounds.min, d),
    max: bounds.max === null ? MAX_TIME : shardGroupStart(bounds.max, d) + d - 1n,
  };
}

export const isBounded = (b: TimeBounds) => b.min !== null || b.max !== null;
