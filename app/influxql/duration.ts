/**
 * InfluxQL durations: parsing `1h30m`, `10µs`, `2w` to int64 nanoseconds and printing them back.
 * Values are bigint because InfluxDB's durations span the whole int64 range (INF retention, week
 * counts), and arithmetic wraps at 64 bits exactly as Go's `time.Duration` does, so overflow is
 * detected (or missed) in the same cases.
 */

const NS = {
  ns: 1n,
  u: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
  d: 86_400_000_000_000n,
  w: 604_800_000_000_000n,
};

const INT64_MAX = 9223372036854775807n;
const wrap = (v: bigint) => BigInt.asIntN(64, v);

/** Error messages carry Go's text; callers add a position where InfluxDB does. */
export class DurationError extends Error {}

const invalid = () => new DurationError("invalid duration");

function utf8Length(s: string): number {
  let n = 0;
  for (const c of s) {
    const cp = c.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

const UNITS = new Map<string, bigint>([["ns", NS.ns], ["u", NS.u], ["µ", NS.u], ["ms", NS.ms], ["s", NS.s], ["m", NS.m], ["h", NS.h], ["d", NS.d], ["w", NS.w]]);

/**
 * `1m`, `10s`, `24h`: up to nine digits and one unit, the form GROUP BY time() nearly always has,
 * read without splitting the text into code points. Undefined for anything else (or an int64
 * overflow), which the full parse handles.
 */
function simpleDuration(s: string): bigint | undefined {
  let n = 0;
  let i = 0;
  for (; i < s.length && i < 9; i++) {
    const digit = s.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) break;
    n = n * 10 + digit;
  }
  const scale = i === 0 ? undefined : UNITS.get(s.slice(i));
  if (scale === undefined) return undefined;
  const d = BigInt(n) * scale;
  return d <= INT64_MAX ? d : undefined;
}

/** Go's `influxql.ParseDuration`: throws DurationError with InfluxDB's message. */
export function parseDuration(s: string): bigint {
  const simple = simpleDuration(s);
  if (simple !== undefined) return simple;
  if (utf8Length(s) < 2) throw invalid();
  const a = Array.from(s);
  let i = 0;
  const negative = a[0] === "-";
  if (negative) i++;

  let d = 0n;
  let measure = 0n;
  let unit = "";
  while (i < a.length) {
    const start = i;
    while (i < a.length && a[i] >= "0" && a[i] <= "9") i++;
    if (i >= a.length || i === start) throw invalid();
    const n = BigInt(a.slice(start, i).join(""));
    if (n > INT64_MAX) throw invalid();
    measure = n;
    unit = a[i];
    const next = a[i + 1];
    let scale: bigint;
    switch (a[i]) {
      case "n":
        if (next !== "s") throw invalid();
        unit = "ns";
        scale = NS.ns;
        i++;
        break;
      case "u":
      case "µ":
        scale = NS.u;
        break;
      case "m":
        if (next === "s") {
          unit = "ms";
          scale = NS.ms;
          i++;
        } else {
          scale = NS.m;
        }
        break;
      case "s":
        scale = NS.s;
        break;
      case "h":
        scale = NS.h;
        break;
      case "d":
        scale = NS.d;
        break;
      case "w":
        scale = NS.w;
        break;
      default:
        throw invalid();
    }
    d = wrap(d + n * scale);
    i++;
  }

  if (d < 0n && !negative) {
    throw new DurationError(`overflowed duration ${measure}${unit}: choose a smaller duration or INF`);
  }
  return negative ? wrap(-d) : d;
}

/** Go's `influxql.FormatDuration`: the largest unit that divides the value exactly. */
export function formatDuration(d: bigint): string {
  if (d === 0n) return "0s";
  for (const [unit, scale] of [["w", NS.w], ["d", NS.d], ["h", NS.h], ["m", NS.m], ["s", NS.s], ["ms", NS.ms], ["u", NS.u]] as const) {
    if (d % scale === 0n) return `${d / scale}${unit}`;
  }
  return `${d}ns`;
}

/** Go's `time.Duration.String()` (`1h30m0s`, `1.5s`, `250ms`), which CREATE DATABASE prints. */
export function goDurationString(d: bigint): string {
  const negative = d < 0n;
  let u = negative ? -d : d;
  if (u === 0n) return "0s";
  let out: string;
  if (u < NS.s) {
    const [unit, prec] = u < NS.u ? ["ns", 0] : u < NS.ms ? ["µs", 3] : ["ms", 6];
    const scale = 10n ** BigInt(prec);
    out = `${u / scale}${fraction(u % scale, prec)}${unit}`;
  } else {
    const seconds = u / NS.s;
    out = `${seconds % 60n}${fraction(u % NS.s, 9)}s`;
    u = seconds / 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return negative ? "-" + out : out;
}

/** `.123` for the low `digits` decimal digits of v, trailing zeros dropped; empty when zero. */
function fraction(v: bigint, digits: number): string {
  if (v === 0n) return "";
  return "." + v.toString().padStart(digits, "0").replace(/0+$/, "");
}
