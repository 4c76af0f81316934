import type { ColumnData } from "../column-data.ts";
import { FieldType } from "../point-batch.ts";

export interface BlockStats {
  min: number;
  max: number;
  sum: number;
  first: number;
  last: number;
}

const TWO_32 = 4294967296;

/** The numeric value of slot `i` as a double; int64/uint64 are exact below 2^53. */
export function numericValue(d: ColumnData, i: number): number {
  if (d.type === FieldType.Integer) return d.words[2 * i + 1] * TWO_32 + (d.words[2 * i] >>> 0);
  if (d.type === FieldType.Unsigned) return (d.words[2 * i + 1] >>> 0) * TWO_32 + (d.words[2 * i] >>> 0);
  return d.values[i];
}

/**
 * Summary of values [from, to) so aggregates can skip decoding; undefined when it would not be
 * exact (strings, or integers whose sum leaves the range where doubles are exact).
 */
export function computeBlockStats(d: ColumnData, from: number, to: number): BlockStats | undefined {
  if (d.type === FieldType.String || to <= from) return undefined;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = numericValue(d, i);
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const integral = d.type === FieldType.Integer || d.type === FieldType.Unsigned;
  if (integral && !(Number.isSafeInteger(min) && Number.isSafeInteger(max) && Number.isSafeInteger(sum))) return undefined;
  return { min, max, sum, first: numericValue(d, from), last: numericValue(d, to - 1) };
}
