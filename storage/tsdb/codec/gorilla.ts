import { loadWords, peek } from "./bit-reader.ts";
import { BitWriter } from "./bit-writer.ts";
import type { ByteBuffer } from "./byte-buffer.ts";
import type { ByteCursor } from "./byte-cursor.ts";

/**
 * Gorilla XOR compression (Pelkonen et al. 2015, as in Prometheus' chunkenc), the general float
 * path: each value is XORed with its predecessor; a repeat costs one bit, otherwise the
 * meaningful (non-zero-bounded) bits are stored, reusing the previous leading/trailing-zero
 * window when they fit inside it. Works on the raw 64-bit patterns, so every value including -0
 * and NaN payloads round-trips. Bits are LSB-first (see BitWriter), so control codes below are
 * written low bit first: 0 = repeat, 1 then 0 = same window, 1 then 1 = new window with 5 bits
 * of leading zeros and 6 bits of length (64 stored as 0).
 *
 * Layout after the tag: the bit stream, to the end of the buffer.
 */
const bits = new BitWriter();

function ctz(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/** Writes the `sig` bits of (hi:lo) starting at bit `shift`. */
function writeWindow(w: BitWriter, lo: number, hi: number, shift: number, sig: number): void {
  if (shift >= 32) {
    lo = hi >>> (shift - 32);
    hi = 0;
  } else if (shift > 0) {
    lo = (lo >>> shift) | (hi << (32 - shift));
    hi >>>= shift;
  }
  if (sig <= 32) {
    w.writeUnchecked(lo, sig);
  } else {
    w.writeUnchecked(lo, 32);
    w.writeUnchecked(hi, sig - 32);
  }
}

/**
 * Appends the Gorilla stream of values[0..n) if it fits in `budget` bytes; returns whether it
 * wrote. The budget lets the caller stop as soon as a cheaper encoding it already has wins,
 * which on decimal-friendly data is after a small fraction of the block.
 */
export function writeGorilla(out: ByteBuffer, values: Float64Array, n: number, budget: number): boolean {
  if (n === 0) return true;
  const limit = budget * 8;
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
  const w = bits.reset();
  let plo = words[0];
  let phi = words[1];
  w.write(plo, 32);
  w.write(phi, 32);
  // 64 leading zeros can never fit, so the first change always opens a window.
  let lead = 64;
  let trail = 0;
  for (let i = 1; i < n; i++) {
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    const xl = lo ^ plo;
    const xh = hi ^ phi;
    plo = lo;
    phi = hi;
    if (w.pos > limit) return false;
    w.reserve(13 + 64);
    if ((xl | xh) === 0) {
      w.writeUnchecked(0, 1);
      continue;
    }
    let l = xh !== 0 ? Math.clz32(xh) : 32 + Math.clz32(xl);
    const t = xl !== 0 ? ctz(xl) : 32 + ctz(xh);
    if (l >= lead && t >= trail) {
      w.writeUnchecked(0b01, 2);
      writeWindow(w, xl, xh, trail, 64 - lead - trail);
    } else {
      if (l > 31) l = 31;
      const sig = 64 - l - t;
      w.writeUnchecked(0b11 | (l << 2) | ((sig & 63) << 7), 13);
      writeWindow(w, xl, xh, t, sig);
      lead = l;
      trail = t;
    }
  }
  if (w.byteLength > budget) return false;
  w.appendTo(out);
  return true;
}

export function readGorilla(c: ByteCursor, n: number, out: Float64Array): void {
  if (n === 0) return;
  const byteLength = c.remaining;
  c.need(8, "gorilla floats");
  const words = loadWords(c.buf, c.pos, byteLength);
  c.pos += byteLength;
  const o = new Int32Array(out.buffer, out.byteOffset, 2 * n);
  let lo = words[0];
  let hi = words[1];
  o[0] = lo;
  o[1] = hi;
  let p = 64;
  let lead = -1;
  let trail = 0;
  let sig = 0;
  for (let i = 1; i < n; i++) {
    // One look at the next 32 bits covers the whole control code, however long.
    const control = peek(words, p);
    if ((control & 1) === 0) {
      p += 1;
    } else {
      if ((control & 2) === 0) {
        if (lead < 0) throw new Error("codec: corrupt gorilla stream (window reused before one was set)");
        p += 2;
      } else {
        lead = (control >>> 2) & 31;
        sig = (control >>> 7) & 63 || 64;
        trail = 64 - lead - sig;
        if (trail < 0) throw new Error("codec: corrupt gorilla window");
        p += 13;
      }
      let xl: number;
      let xh = 0;
      if (sig < 32) {
        xl = peek(words, p) & ((1 << sig) - 1);
      } else {
        xl = peek(words, p);
        if (sig === 64) xh = peek(words, p + 32);
        else if (sig > 32) xh = peek(words, p + 32) & ((1 << (sig - 32)) - 1);
      }
      p += sig;
      if (trail >= 32) {
        xh = xl << (trail - 32);
        xl = 0;
      } else if (trail > 0) {
        xh = (xh << trail) | (xl >>> (32 - trail));
        xl <<= trail;
      }
      lo ^= xl;
      hi ^= xh;
    }
    o[2 * i] = lo;
    o[2 * i + 1] = hi;
  }
  if (p > byteLength * 8) throw new Error("codec: truncated gorilla floats");
}
