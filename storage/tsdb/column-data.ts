import type { FieldType } from "./point-batch.ts";
import { releaseMemory } from "./release-memory.ts";

/**
 * Decoded values of one (series, field) over a stretch of time: times are nanosecond offsets from
 * `baseMs` (exact doubles), ascending and unique. Values by type: Float in `values`; Integer and
 * Unsigned as int64 bits in `words` (lo, hi pairs over the same buffer as `values`); Boolean as 0/1
 * in `values`; String in `strings`.
 */
export interface ColumnData {
  type: FieldType;
  baseMs: number;
  n: number;
  times: Float64Array;
  values: Float64Array;
  words: Int32Array;
  strings: string[] | undefined;
}

export function emptyColumnData(type: FieldType, baseMs: number, capacity: number, withStrings: boolean): ColumnData {
  // Both views from one explicit ArrayBuffer: reading `.buffer` of a typed array is slow in JSC.
  const buf = new ArrayBuffer(capacity * 8);
  return {
    type,
    baseMs,
    n: 0,
    times: new Float64Array(capacity),
    values: new Float64Array(buf),
    words: new Int32Array(buf),
    strings: withStrings ? new Array<string>(capacity) : undefined,
  };
}

/** Copies value `i` of `src` to slot `j` of `dst` bit-exactly (int64 bits never pass through a double: JSC canonicalises NaN payloads). */
export function copyValue(src: ColumnData, i: number, dst: ColumnData, j: number): void {
  dst.words[2 * j] = src.words[2 * i];
  dst.words[2 * j + 1] = src.words[2 * i + 1];
  if (src.strings) dst.strings![j] = src.strings[i];
}

/**
 * One column from consecutive, non-overlapping runs in time order. The parts are given up: each
 * is freed once copied (a compaction concatenates a column's freshly decoded blocks, and left to
 * the collector they piled up by the hundreds of MiB; issue #5).
 */
export function concatColumns(parts: ColumnData[]): ColumnData {
  if (parts.length === 1) return parts[0];
  let total = 0;
  for (const p of parts) total += p.n;
  const out = emptyColumnData(parts[0].type, parts[0].baseMs, total, parts[0].strings !== undefined);
  for (const p of parts) {
    out.times.set(p.times.subarray(0, p.n), out.n);
    out.words.set(p.words.subarray(0, 2 * p.n), 2 * out.n);
    if (p.strings) for (let i = 0; i < p.n; i++) out.strings![out.n + i] = p.strings[i];
    out.n += p.n;
    releaseMemory(p.times, p.values);
  }
  return out;
}

/** The first of the `n` ascending times that is at or after `t` (`n` when none is). */
export function firstAtOrAfter(times: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
