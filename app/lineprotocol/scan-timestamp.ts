/**
 * Timestamp digits → int64 nanoseconds in split form (floored milliseconds + nanoseconds within
 * the millisecond), exactly and without BigInt: the digits are read as two exact halves (all
 * but the last six, and the last six), which is all the precision scaling needs.
 */
import type { Precision } from "./precision.ts";
import { MS_PER_UNIT } from "./precision.ts";
import { Reason, timestampOutOfRange, timestampSyntax } from "./reasons.ts";
import { decodeUtf8 } from "./utf8.ts";

// InfluxDB's valid range is [-(2^63) + 2, 2^63 - 2] ns; its bounds in split form:
const MIN_MS = -9223372036855;
const MIN_NS = 224194;
const MAX_MS = 9223372036854;
const MAX_NS = 775806;
const INT64_MAX = "9223372036854775807";
const INT64_MIN_ABS = "9223372036854775808";

export class TimestampScanner {
  ms = 0;
  ns = 0;

  /**
   * Reads the validated `-?[0-9]*` text bytes[start, end) at `precision` into `ms`/`ns`.
   * Returns undefined or the reason the timestamp is refused, checked in InfluxDB's order:
   * int64 syntax and range first, then the valid time range.
   */
  read(bytes: Uint8Array, start: number, end: number, precision: Precision): string | undefined {
    const negative = bytes[start] === 45;
    let i = negative ? start + 1 : start;
    if (i === end) return timestampSyntax(decodeUtf8(bytes, start, end));
    while (i < end - 1 && bytes[i] === 48) i++;
    const digits = end - i;
    if (digits > 19 || (digits === 19 && exceedsInt64(bytes, i, negative))) {
      return timestampOutOfRange(decodeUtf8(bytes, start, end));
    }
    const loStart = digits > 6 ? end - 6 : i;
    let hi = 0;
    for (let j = i; j < loStart; j++) hi = hi * 10 + (bytes[j] - 48);
    let lo = 0;
    for (let j = loStart; j < end; j++) lo = lo * 10 + (bytes[j] - 48);
    // The text is hi * 1e6 + lo units; |ms| below stays exact whenever it can be in range.
    let ms: number;
    let ns: number;
    switch (precision) {
      case "ns":
        ms = hi;
        ns = lo;
        break;
      case "us":
        ms = hi * 1000 + Math.floor(lo / 1000);
        ns = (lo % 1000) * 1000;
        break;
      default:
        ms = (hi * 1e6 + lo) * MS_PER_UNIT[precision];
        ns = 0;
    }
    if (negative && (ms !== 0 || ns !== 0)) {
      if (ns === 0) {
        ms = -ms;
      } else {
        ms = -ms - 1;
        ns = 1e6 - ns;
      }
    }
    if (ms < MIN_MS || (ms === MIN_MS && ns < MIN_NS) || ms > MAX_MS || (ms === MAX_MS && ns > MAX_NS)) {
      return Reason.timeOutOfRange;
    }
    this.ms = ms;
    this.ns = ns;
    return undefined;
  }
}

/** For 19 significant digits at bytes[i]: is the value beyond int64? */
function exceedsInt64(bytes: Uint8Array, i: number, negative: boolean): boolean {
  const limit = negative ? INT64_MIN_ABS : INT64_MAX;
  for (let k = 0; k < 19; k++) {
    const d = bytes[i + k] - limit.charCodeAt(k);
    if (d !== 0) return d > 0;
  }
  return false;
}
