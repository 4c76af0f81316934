/**
 * RFC3339 times with up to nanosecond fractions, as Go's `time.Parse(time.RFC3339Nano, ...)`
 * reads the `start`/`stop` of a delete, into int64 nanoseconds since the epoch.
 */
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** InfluxDB's representable range (models.MinNanoTime, models.MaxNanoTime). */
export const MIN_NANO_TIME = -9223372036854775806n;
export const MAX_NANO_TIME = 9223372036854775806n;

/** Nanoseconds since the epoch, or undefined when the text isn't an RFC3339 time. */
export function parseRfc3339Nano(text: string): bigint | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  // setUTCFullYear, unlike Date.UTC, doesn't turn years 0-99 into 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return undefined; // 30 February and the like
  date.setUTCHours(hour, minute, second, 0);
  let ns = BigInt(date.getTime()) * 1_000_000n + BigInt((m[7] ?? "").padEnd(9, "0"));
  const zone = m[8]!;
  if (zone !== "Z") {
    const [h, mm] = zone.slice(1).split(":").map(Number) as [number, number];
    if (h > 23 || mm > 59) return undefined;
    const offsetNs = BigInt((h * 60 + mm) * 60) * 1_000_000_000n;
    ns += zone[0] === "+" ? -offsetNs : offsetNs;
  }
  return ns;
}

/** The (ms, ns-within-ms) split the storage engine keeps times in; ms is floored. */
export function splitNanos(ns: bigint): { ms: number; ns: number } {
  let ms = ns / 1_000_000n;
  let rest = ns % 1_000_000n;
  if (rest < 0n) {
    ms -= 1n;
    rest += 1_000_000n;
  }
  return { ms: Number(ms), ns: Number(rest) };
}
