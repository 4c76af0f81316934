import { loadWords, peek } from "./bit-reader.ts";
import { BitWriter } from "./bit-writer.ts";
import type { ByteBuffer } from "./byte-buffer.ts";
import type { ByteCursor } from "./byte-cursor.ts";

/**
 * Integers held exactly in doubles, stored as residuals of a chosen delta order (0 = the values,
 * 1 = deltas, 2 = delta-of-delta), bit-packed frame-of-reference in miniblocks: each miniblock
 * keeps its own minimum and bit width (as Parquet's DELTA_BINARY_PACKED does), so one outlier
 * widens only its own miniblock. The order is picked per call by exact size: deltas suit random
 * walks and counters, delta-of-delta suits drifting intervals, order 0 suits noise around a level.
 * A residual stream that is one repeated number (regular timestamps, constants, linear counters)
 * is stored as that number alone.
 *
 * Layout: mode byte (order | CONSTANT), the first `order` values as zigzag varints, then either
 * the constant residual, or per miniblock a width byte and a zigzag-varint minimum, followed by
 * all miniblocks' bits back to back.
 */
export const MINIBLOCK = 64;
const CONSTANT = 4;
/** Residuals stay below 2^52 so a miniblock's range stays below 2^53 and zigzag(min) is exact. */
const LIMIT = 2 ** 52;
const MAX_WIDTH = 53;
const TWO32 = 4294967296;

const bits = new BitWriter();
/** One miniblock's residuals, between measuring its range and packing it. */
const chunk = new Float64Array(MINIBLOCK);
let blockMin = new Float64Array(64);
let blockWidth = new Uint8Array(64);

export function bitWidth(x: number): number {
  return x < TWO32 ? 32 - Math.clz32(x) : 64 - Math.clz32(Math.floor(x / TWO32));
}

function zigzagLength(v: number): number {
  let z = v >= 0 ? v * 2 : -v * 2 - 1;
  let len = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    len++;
  }
  return len;
}

/** Whole number strictly inside ±2^52 (false for NaN and infinities too). */
function fits(x: number): boolean {
  return x < LIMIT && x > -LIMIT && Math.floor(x) === x;
}

/**
 * Fills chunk[0..count) with residuals start.. of the given order. With every value a whole
 * number below 2^52, deltas are exact; a delta-of-delta may round only beyond 2^53, and rounding
 * never carries a result back below 2^52, so checking each miniblock's extremes is enough.
 */
function fillChunk(values: Float64Array, start: number, count: number, order: number): void {
  if (order === 0) {
    for (let j = 0; j < count; j++) chunk[j] = values[start + j];
  } else if (order === 1) {
    for (let j = 0; j < count; j++) chunk[j] = values[start + j] - values[start + j - 1];
  } else {
    for (let j = 0; j < count; j++) {
      const i = start + j;
      chunk[j] = values[i] - values[i - 1] - (values[i - 1] - values[i - 2]);
    }
  }
}

/** Set by measure: whether every residual of the measured order is the same number. */
let measuredConstant = false;

/** Exact encoded size of values[0..n) at `order`, or -1 if some residual does not fit. */
function measure(values: Float64Array, n: number, order: number): number {
  let size = 1;
  if (order >= 1) size += zigzagLength(values[0]);
  if (order === 2) {
    const d1 = values[1] - values[0];
    if (!(d1 > -LIMIT && d1 < LIMIT)) return -1;
    size += zigzagLength(d1);
  }
  let lo = Infinity;
  let hi = -Infinity;
  let bitCount = 0;
  let headerBytes = 0;
  for (let start = order; start < n; start += MINIBLOCK) {
    const end = Math.min(n, start + MINIBLOCK);
    let mn = Infinity;
    let mx = -Infinity;
    // Same residuals as fillChunk, inlined per order: this runs three times per block.
    if (order === 0) {
      for (let i = start; i < end; i++) {
        const r = values[i];
        if (r < mn) mn = r;
        if (r > mx) mx = r;
      }
    } else if (order === 1) {
      for (let i = start; i < end; i++) {
        const r = values[i] - values[i - 1];
        if (r < mn) mn = r;
        if (r > mx) mx = r;
      }
    } else {
      for (let i = start; i < end; i++) {
        const r = values[i] - values[i - 1] - (values[i - 1] - values[i - 2]);
        if (r < mn) mn = r;
        if (r > mx) mx = r;
      }
    }
    if (!(mn > -LIMIT && mx < LIMIT)) return -1;
    bitCount += bitWidth(mx - mn) * (end - start);
    headerBytes += 1 + zigzagLength(mn);
    if (mn < lo) lo = mn;
    if (mx > hi) hi = mx;
  }
  measuredConstant = lo === hi || n === order;
  if (n === order) return size;
  if (lo === hi) return size + zigzagLength(lo);
  return size + headerBytes + ((bitCount + 7) >>> 3);
}

/**
 * Appends values[0..n) (integers) in the smallest form, or returns false, writing nothing, when
 * a value is not a whole number below 2^52 in magnitude or no order's residuals stay below it
 * (callers then use a wider encoding).
 */
export function writeDeltaPacked(out: ByteBuffer, values: Float64Array, n: number): boolean {
  if (n === 0) return true;
  for (let i = 0; i < n; i++) if (!fits(values[i])) return false;
  let best = -1;
  let bestSize = Infinity;
  let bestConstant = false;
  for (let order = 0; order <= 2 && (order === 0 || order < n); order++) {
    const size = measure(values, n, order);
    if (size >= 0 && size < bestSize) {
      best = order;
      bestSize = size;
      bestConstant = measuredConstant;
    }
  }
  if (best < 0) return false;
  out.u8(best | (bestConstant ? CONSTANT : 0));
  if (best >= 1) out.zigzag(values[0]);
  if (best === 2) out.zigzag(values[1] - values[0]);
  if (bestConstant) {
    if (n > best) {
      fillChunk(values, best, 1, best);
      out.zigzag(chunk[0]);
    }
    return true;
  }
  const w = bits.reset();
  for (let start = best; start < n; start += MINIBLOCK) {
    const count = Math.min(n - start, MINIBLOCK);
    fillChunk(values, start, count, best);
    let mn = chunk[0];
    let mx = mn;
    for (let j = 1; j < count; j++) {
      const r = chunk[j];
      if (r < mn) mn = r;
      else if (r > mx) mx = r;
    }
    const width = bitWidth(mx - mn);
    out.u8(width);
    out.zigzag(mn);
    w.reserve(width * count);
    if (width <= 32) {
      for (let j = 0; j < count; j++) w.writeUnchecked(chunk[j] - mn, width);
    } else {
      for (let j = 0; j < count; j++) {
        const x = chunk[j] - mn;
        const hi = Math.floor(x / TWO32);
        w.writeUnchecked(x - hi * TWO32, 32);
        w.writeUnchecked(hi, width - 32);
      }
    }
  }
  w.appendTo(out);
  return true;
}

/**
 * out[i] = v0 + i * r for 0 < i < n (regular timestamps). Every value is a whole number below
 * 2^53, so running sums are exact; four of them, each stepping by 4r, are independent add
 * chains, which measured ~2x faster than a multiply and add per value.
 */
function fillLinear(out: Float64Array, n: number, v0: number, r: number): void {
  const step = 4 * r;
  let a = v0 + r;
  let b = v0 + 2 * r;
  let c = v0 + 3 * r;
  let d = v0 + 4 * r;
  let i = 1;
  for (; i + 3 < n; i += 4) {
    out[i] = a;
    out[i + 1] = b;
    out[i + 2] = c;
    out[i + 3] = d;
    a += step;
    b += step;
    c += step;
    d += step;
  }
  for (; i < n; i++) out[i] = v0 + i * r;
}

/** Reads and checks the mode byte of a stream of n values. */
function readMode(c: ByteCursor, n: number): number {
  const mode = c.u8();
  const order = mode & 3;
  if (order > 2 || mode > (CONSTANT | 2)) throw new Error(`codec: bad packed-integer mode ${mode}`);
  if (order > 0 && n <= order) throw new Error(`codec: packed-integer order ${order} for ${n} values`);
  return mode;
}

/** Reads the miniblock headers and loads the bits of m residuals, leaving c after them. */
function readMiniblocks(c: ByteCursor, m: number): Int32Array {
  readMiniblockHeaders(c, m);
  const byteLength = (bitCount + 7) >>> 3;
  c.need(byteLength, "packed integers");
  const words = loadWords(c.buf, c.pos, byteLength);
  c.pos += byteLength;
  return words;
}

/**
 * Reads what writeDeltaPacked wrote for n values into out[0..n). This loop is shared by every
 * column type, so it stays free of anything type-specific: fusing a division in here made JSC's
 * speculation flip between the integer and the fractional callers and halved decode speed under
 * a mixed workload (the decimal codec has its own loop, readDeltaPackedDivided).
 */
export function readDeltaPacked(c: ByteCursor, n: number, out: Float64Array): void {
  if (n === 0) return;
  const mode = readMode(c, n);
  const order = mode & 3;
  const v0 = order >= 1 ? c.zigzag() : 0;
  const d1 = order === 2 ? c.zigzag() : 0;
  if (order >= 1) out[0] = v0;
  if (order === 2) out[1] = v0 + d1;
  const m = n - order;
  if (mode & CONSTANT) {
    if (m === 0) return;
    const r = c.zigzag();
    if (order === 0) {
      out.fill(r, 0, n);
    } else if (order === 1) {
      fillLinear(out, n, v0, r);
    } else {
      let acc = v0 + d1;
      let d = d1;
      for (let i = 2; i < n; i++) out[i] = acc += d += r;
    }
    return;
  }
  const words = readMiniblocks(c, m);
  // Running value and delta for orders 1 and 2. Deltas, by far the commonest order, get a loop of
  // their own without the order tests (~15% faster); orders 0 and 2 share one, where the order 0
  // assignment keeps acc typed as a double.
  let acc = order === 2 ? v0 + d1 : v0;
  let d = d1;
  let p = 0;
  for (let b = 0; b * MINIBLOCK < m; b++) {
    const width = blockWidth[b];
    const mn = blockMin[b];
    const start = order + b * MINIBLOCK;
    const end = Math.min(n, start + MINIBLOCK);
    if (width < 32) {
      // Every field located from its bit position by peek, without a branch: a buffer refilled
      // every 32 / width values mispredicts often enough to cost more than the second load.
      const mask = (1 << width) - 1;
      if (order === 1) {
        for (let i = start, q = p; i < end; i++, q += width) out[i] = acc += mn + (peek(words, q) & mask);
      } else {
        for (let i = start, q = p; i < end; i++, q += width) {
          const r = mn + (peek(words, q) & mask);
          if (order === 0) acc = r;
          else acc += d += r;
          out[i] = acc;
        }
      }
    } else {
      let q = p;
      for (let i = start; i < end; i++) {
        const lo = peek(words, q) >>> 0;
        const hi = width > 32 ? peek(words, q + 32) & ((1 << (width - 32)) - 1) : 0;
        q += width;
        const r = mn + hi * TWO32 + lo;
        if (order === 0) acc = r;
        else if (order === 1) acc += r;
        else acc += d += r;
        out[i] = acc;
      }
    }
    p += width * (end - start);
  }
}

/**
 * readDeltaPacked followed by out[i] /= divisor, bit for bit, with the division in the unpacking
 * loop: there the divider works alongside the bit extraction instead of in a pass of its own,
 * which made decimal floats decode ~30% faster. Only the common shape (miniblocks narrower than
 * 32 bits) gets the fused loop; anything else takes the two-pass route.
 */
export function readDeltaPackedDivided(c: ByteCursor, n: number, out: Float64Array, divisor: number): void {
  if (n === 0) return;
  const at = c.pos;
  const mode = readMode(c, n);
  const order = mode & 3;
  const v0 = order >= 1 ? c.zigzag() : 0;
  const d1 = order === 2 ? c.zigzag() : 0;
  const m = n - order;
  if ((mode & CONSTANT) === 0) {
    const words = readMiniblocks(c, m);
    let narrow = true;
    for (let b = 0; b * MINIBLOCK < m; b++) if (blockWidth[b] >= 32) narrow = false;
    if (narrow) {
      if (order >= 1) out[0] = v0 / divisor;
      if (order === 2) out[1] = (v0 + d1) / divisor;
      let acc = order === 2 ? v0 + d1 : v0;
      let d = d1;
      let p = 0;
      for (let b = 0; b * MINIBLOCK < m; b++) {
        const width = blockWidth[b];
        const mn = blockMin[b];
        const mask = (1 << width) - 1;
        const start = order + b * MINIBLOCK;
        const end = Math.min(n, start + MINIBLOCK);
        if (order === 1 && width <= 16) {
          // Two fields from each peek: extracting them, not dividing, bounds this loop (~25% faster).
          let i = start;
          let q = p;
          for (; i + 1 < end; i += 2, q += 2 * width) {
            const x = peek(words, q);
            out[i] = (acc += mn + (x & mask)) / divisor;
            out[i + 1] = (acc += mn + ((x >>> width) & mask)) / divisor;
          }
          if (i < end) out[i] = (acc += mn + (peek(words, q) & mask)) / divisor;
        } else if (order === 1) {
          for (let i = start, q = p; i < end; i++, q += width) out[i] = (acc += mn + (peek(words, q) & mask)) / divisor;
        } else {
          for (let i = start, q = p; i < end; i++, q += width) {
            const r = mn + (peek(words, q) & mask);
            if (order === 0) acc = r;
            else acc += d += r;
            out[i] = acc / divisor;
          }
        }
        p += width * (end - start);
      }
      return;
    }
  }
  c.pos = at;
  readDeltaPacked(c, n, out);
  for (let i = 0; i < n; i++) out[i] /= divisor;
}

let bitCount = 0;

/**
 * Fills blockWidth/blockMin for m residuals and sets bitCount to the bits they occupy. The
 * cursor's varint reading is inlined, with the position in a local: this runs per miniblock (16
 * times per block of 1024), and going through the cursor's methods cost ~5% of a float scan.
 */
function readMiniblockHeaders(c: ByteCursor, m: number): void {
  const blocks = Math.ceil(m / MINIBLOCK);
  if (blockMin.length < blocks) {
    blockMin = new Float64Array(blocks);
    blockWidth = new Uint8Array(blocks);
  }
  const buf = c.buf;
  const end = buf.length;
  let pos = c.pos;
  bitCount = 0;
  for (let b = 0; b < blocks; b++) {
    if (pos >= end) throw new Error(`codec: truncated miniblock header at byte ${pos}`);
    const width = buf[pos++];
    if (width > MAX_WIDTH) throw new Error(`codec: bad miniblock bit width ${width}`);
    // Zigzag LEB128 of the minimum, as ByteCursor.zigzag reads it.
    let z = 0;
    let scale = 1;
    for (;;) {
      if (pos >= end) throw new Error(`codec: truncated varint at byte ${pos}`);
      if (scale > 2 ** 49) throw new Error(`codec: varint longer than 8 bytes at byte ${pos}`);
      const x = buf[pos++];
      z += (x & 0x7f) * scale;
      if (x < 0x80) break;
      scale *= 128;
    }
    blockWidth[b] = width;
    blockMin[b] = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    bitCount += width * Math.min(MINIBLOCK, m - b * MINIBLOCK);
  }
  c.pos = pos;
}
