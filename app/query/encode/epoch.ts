/**
 * The `epoch` query parameter of v1 `/query`: with it, times are integers in that unit instead of
 * RFC3339 text.
 */

export type Epoch = "ns" | "u" | "ms" | "s" | "m" | "h";

const DIVISORS: Record<Epoch, bigint> = {
  ns: 1n,
  u: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/**
 * The unit InfluxDB 1.6.7 applies for an `epoch` parameter; undefined (RFC3339 times) when absent
 * or empty. Any other value, `µ` included, leaves the divisor at 1: its `convertToEpoch` only
 * knows `u`, `ms`, `s`, `m` and `h`.
 */
export function parseEpoch(param: string | null | undefined): Epoch | undefined {
  if (param === null || param === undefined || param === "") return undefined;
  return Object.hasOwn(DIVISORS, param) ? (param as Epoch) : "ns";
}

/** Nanoseconds in `epoch` units, truncated toward zero as Go's integer division does. */
export function epochValue(ns: bigint, epoch: Epoch): bigint {
  return epoch === "ns" ? ns : ns / DIVISORS[epoch];
}
