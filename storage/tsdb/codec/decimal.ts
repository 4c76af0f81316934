import type { ByteBuffer } from "./byte-buffer.ts";
import type { ByteCursor } from "./byte-cursor.ts";
import { readDeltaPacked, readDeltaPackedDivided, writeDeltaPacked } from "./delta-pack.ts";

/**
 * Floats that are short decimals (sensor readings, percentages with two digits) stored as
 * integer mantissas m with one block-wide exponent x, value = m * 10^x, the mantissas going
 * through delta-pack. Powers of ten up to 10^22 are exact doubles, so decoding is one correctly
 * rounded division or multiplication; the encoder keeps a block here only after checking that
 * exact operation reproduces every value bit for bit. -0 has no mantissa (0 / p is +0), so a
 * block containing it is left to Gorilla.
 *
 * Layout after the tag: exponent byte (x + 22), then the delta-packed mantissas.
 */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_POW = 22;

let mantissas = new Float64Array(1024);

/** Appends the decimal form of values[0..n), or returns false, writing nothing, if some value has none. */
export function writeDecimal(out: ByteBuffer, values: Float64Array, n: number): boolean {
  if (mantissas.length < n) mantissas = new Float64Array(n);
  const m = mantissas;
  // Fewest fractional digits k that every value needs: a value that does not round-trip raises
  // k and restarts the scan, which on real data happens a few times near the start at most.
  let k = 0;
  let p = 1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const x = Math.round(v * p);
    if (x / p === v) {
      if (x === 0 && 1 / v < 0) return false;
      m[i] = x;
      continue;
    }
    do {
      if (++k > MAX_POW) return false;
      p = POW10[k];
    } while (Math.round(v * p) / p !== v);
    i = -1;
  }
  // Whole numbers may share trailing zeros (byte counts, large round values): divide them out.
  let e = 0;
  if (k === 0) {
    e = MAX_POW;
    for (let i = 0; i < n && e > 0; i++) {
      const v = values[i];
      if (v === 0) continue;
      const a = Math.abs(v);
      while (e > 0 && POW10[e] > a) e--;
      while (e > 0 && Math.round(v / POW10[e]) * POW10[e] !== v) e--;
    }
    if (e > 0) {
      const q = POW10[e];
      for (let i = 0; i < n; i++) {
        const x = Math.round(values[i] / q);
        // Exact decimals that passed a larger exponent pass this one too; only doubles beyond
        // 2^53, which could not be mantissas at e = 0 either, can fail here.
        if (x * q !== values[i]) return false;
        m[i] = x;
      }
    }
  }
  const start = out.length;
  out.u8(e - k + MAX_POW);
  if (writeDeltaPacked(out, m, n)) return true;
  out.length = start;
  return false;
}

export function readDecimal(c: ByteCursor, n: number, out: Float64Array): void {
  const x = c.u8() - MAX_POW;
  if (x < -MAX_POW || x > MAX_POW) throw new Error(`codec: bad decimal exponent ${x}`);
  if (x < 0) {
    readDeltaPackedDivided(c, n, out, POW10[-x]);
  } else {
    readDeltaPacked(c, n, out);
    if (x > 0) {
      const p = POW10[x];
      for (let i = 0; i < n; i++) out[i] *= p;
    }
  }
}
