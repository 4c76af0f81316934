import type { ByteBuffer } from "./byte-buffer.ts";
import type { ByteCursor } from "./byte-cursor.ts";
import { readDeltaPacked, writeDeltaPacked } from "./delta-pack.ts";

/**
 * The common case for integer columns: every int64 is well inside ±2^52, so the word pairs are
 * turned into exact doubles and delta-packed with double arithmetic, far cheaper than carrying
 * borrows between words. Word pairs are read as two's-complement int64 whether the column is
 * signed or unsigned: the bits round-trip identically, and uint64 values just below 2^64 (small
 * negatives in this view) stay on the fast path.
 */
const TWO32 = 4294967296;
const TWO_NEG32 = 1 / TWO32;
/** |hi| below 2^20 keeps the value below 2^52 in magnitude. */
const HI_LIMIT = 1 << 20;

let doubles = new Float64Array(1024);

/** Appends words[0..2n) as delta-packed doubles, or returns false, writing nothing, if out of range. */
export function writeSafeIntegers(out: ByteBuffer, words: Int32Array, n: number): boolean {
  if (doubles.length < n) doubles = new Float64Array(n);
  const d = doubles;
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1];
    if (hi >= HI_LIMIT || hi < -HI_LIMIT) return false;
    d[i] = hi * TWO32 + (words[2 * i] >>> 0);
  }
  return writeDeltaPacked(out, d, n);
}

export function readSafeIntegers(c: ByteCursor, n: number, out: Int32Array): void {
  if (doubles.length < n) doubles = new Float64Array(n);
  const d = doubles;
  readDeltaPacked(c, n, d);
  for (let i = 0; i < n; i++) {
    const v = d[i];
    // ToInt32 keeps exactly the low 32 bits of an integer; what remains is an exact multiple of
    // 2^32, so scaling by the power of two 2^-32 gives the high word without rounding.
    const lo = v | 0;
    out[2 * i] = lo;
    out[2 * i + 1] = (v - (lo >>> 0)) * TWO_NEG32;
  }
}
