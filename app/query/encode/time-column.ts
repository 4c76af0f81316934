import type { ResultSeries } from "../result.ts";

/**
 * Whether a series' first column holds times (bigint nanoseconds). InfluxDB converts a first
 * value that is a `time.Time`; in the result model that is a first column named `time`.
 */
export function hasTimeColumn(series: ResultSeries): boolean {
  return series.columns[0] === "time";
}

const NS_PER_SEC = 1_000_000_000n;

/** Whole Unix seconds at or before `ns` (floor, as Go's `Time.Unix`). */
export function unixSeconds(ns: bigint): bigint {
  const s = ns / NS_PER_SEC;
  return ns < 0n && s * NS_PER_SEC !== ns ? s - 1n : s;
}
