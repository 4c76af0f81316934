/**
 * Timestamp precision of a write. The union holds the canonical names; the v1 API spells
 * nanoseconds and microseconds `n` and `u`, the v2 API `ns` and `us`.
 */
export type Precision = "ns" | "us" | "ms" | "s" | "m" | "h";

const BY_NAME: Record<string, Precision> = {
  "": "ns",
  n: "ns",
  ns: "ns",
  u: "us",
  us: "us",
  ms: "ms",
  s: "s",
  m: "m",
  h: "h",
};

/**
 * Maps a `precision` query parameter to its canonical name, or undefined when unknown. An empty
 * value means nanoseconds, as in InfluxDB. This accepts the union of both APIs' names; the v1
 * route should refuse `us` and the v2 route `n`, `u`, `m` and `h` if strictness is wanted there
 * (InfluxDB 1.6.7 itself treats every unknown name, `us` included, as nanoseconds; `µ` is only
 * an `epoch` value for queries, not a write precision).
 */
export function parsePrecision(name: string): Precision | undefined {
  return Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined;
}

/** Milliseconds per unit for the units of a millisecond or more. */
export const MS_PER_UNIT: Record<Precision, number> = { ns: 0, us: 0, ms: 1, s: 1e3, m: 6e4, h: 36e5 };

/**
 * The receive time truncated to the precision, as InfluxDB does for lines without a timestamp,
 * in the split form [ms, ns within the ms].
 */
export function truncateNow(nowMs: number, nowNs: number, precision: Precision): [number, number] {
  switch (precision) {
    case "ns":
      return [nowMs, nowNs];
    case "us":
      return [nowMs, nowNs - (nowNs % 1000)];
    default: {
      const unit = MS_PER_UNIT[precision];
      return [Math.floor(nowMs / unit) * unit, 0];
    }
  }
}
