import { loadWords, peek } from "./bit-reader.ts";
import { BitWriter } from "./bit-writer.ts";
import type { ByteBuffer } from "./byte-buffer.ts";
import type { ByteCursor } from "./byte-cursor.ts";
import { MINIBLOCK } from "./delta-pack.ts";

/**
 * Exact 64-bit path for integer columns that do not fit delta-pack's 2^52 bound (ids, hashes,
 * counters near the int64/uint64 limits): deltas taken modulo 2^64 on (lo, hi) int32 word pairs
 * with a borrow, zigzagged across both words, and bit-packed with one width per miniblock. The
 * wrap-around arithmetic is the same for signed and unsigned columns, so both share it.
 *
 * Layout after the tag: the first value as 8 raw bytes (it would otherwise widen its whole
 * miniblock to 64 bits), one width byte (0..64) per miniblock of the n - 1 deltas, then the bits.
 */
const bits = new BitWriter();
let zigzags = new Int32Array(2048);
let widths = new Uint8Array(64);

/** Appends values[0..n) unless that would not beat `budget` bytes; returns whether it wrote. */
export function writeDelta64(out: ByteBuffer, words: Int32Array, n: number, budget: number): boolean {
  if (zigzags.length < 2 * n) zigzags = new Int32Array(2 * n);
  if (n === 0) return true;
  const z = zigzags;
  let plo = words[0];
  let phi = words[1];
  for (let i = 1; i < n; i++) {
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    const dlo = (lo - plo) | 0;
    const dhi = (hi - phi - ((lo >>> 0) < (plo >>> 0) ? 1 : 0)) | 0;
    const sign = dhi >> 31;
    z[2 * i - 2] = (dlo << 1) ^ sign;
    z[2 * i - 1] = ((dhi << 1) | (dlo >>> 31)) ^ sign;
    plo = lo;
    phi = hi;
  }
  const m = n - 1;
  const blocks = Math.ceil(m / MINIBLOCK);
  if (widths.length < blocks) widths = new Uint8Array(blocks);
  let bitCount = 0;
  for (let b = 0; b < blocks; b++) {
    const start = b * MINIBLOCK;
    const end = Math.min(m, start + MINIBLOCK);
    let orLo = 0;
    let orHi = 0;
    for (let i = start; i < end; i++) {
      orLo |= z[2 * i];
      orHi |= z[2 * i + 1];
    }
    const width = orHi !== 0 ? 64 - Math.clz32(orHi) : 32 - Math.clz32(orLo);
    widths[b] = width;
    bitCount += width * (end - start);
  }
  if (8 + blocks + ((bitCount + 7) >>> 3) >= budget) return false;
  out.append(new Uint8Array(words.buffer, words.byteOffset, 8));
  out.append(widths.subarray(0, blocks));
  const w = bits.reset();
  w.reserve(bitCount);
  for (let b = 0; b < blocks; b++) {
    const width = widths[b];
    const end = Math.min(m, (b + 1) * MINIBLOCK);
    for (let i = b * MINIBLOCK; i < end; i++) {
      if (width <= 32) {
        w.writeUnchecked(z[2 * i], width);
      } else {
        w.writeUnchecked(z[2 * i], 32);
        w.writeUnchecked(z[2 * i + 1], width - 32);
      }
    }
  }
  w.appendTo(out);
  return true;
}

export function readDelta64(c: ByteCursor, n: number, out: Int32Array): void {
  if (n === 0) return;
  const first = c.bytes(8, "64-bit integers");
  let lo = first[0] | (first[1] << 8) | (first[2] << 16) | (first[3] << 24);
  let hi = first[4] | (first[5] << 8) | (first[6] << 16) | (first[7] << 24);
  out[0] = lo;
  out[1] = hi;
  const m = n - 1;
  const blocks = Math.ceil(m / MINIBLOCK);
  const ws = c.bytes(blocks, "64-bit integer widths");
  let bitCount = 0;
  for (let b = 0; b < blocks; b++) {
    if (ws[b] > 64) throw new Error(`codec: bad 64-bit miniblock width ${ws[b]}`);
    bitCount += ws[b] * Math.min(MINIBLOCK, m - b * MINIBLOCK);
  }
  const byteLength = (bitCount + 7) >>> 3;
  c.need(byteLength, "64-bit integers");
  const words = loadWords(c.buf, c.pos, byteLength);
  c.pos += byteLength;
  let p = 0;
  for (let b = 0; b < blocks; b++) {
    const width = ws[b];
    const loBits = width < 32 ? width : 32;
    const loMask = loBits === 32 ? -1 : (1 << loBits) - 1;
    const hiBits = width - loBits;
    const hiMask = hiBits === 32 ? -1 : (1 << hiBits) - 1;
    const end = Math.min(n, (b + 1) * MINIBLOCK + 1);
    for (let i = b * MINIBLOCK + 1; i < end; i++) {
      const zlo = peek(words, p) & loMask;
      const zhi = peek(words, p + loBits) & hiMask;
      p += width;
      const sign = -(zlo & 1);
      const dlo = ((zlo >>> 1) | (zhi << 31)) ^ sign;
      const dhi = (zhi >>> 1) ^ sign;
      const sum = (lo >>> 0) + (dlo >>> 0);
      lo = sum | 0;
      hi = (hi + dhi + (sum > 0xffffffff ? 1 : 0)) | 0;
      out[2 * i] = lo;
      out[2 * i + 1] = hi;
    }
  }
}
