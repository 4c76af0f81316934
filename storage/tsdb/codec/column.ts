import { readBooleanBits, writeBooleanBits } from "./booleans.ts";
import { ByteBuffer } from "./byte-buffer.ts";
import { ByteCursor } from "./byte-cursor.ts";
import { readDecimal, writeDecimal } from "./decimal.ts";
import { readDelta64, writeDelta64 } from "./delta64.ts";
import { readDeltaPacked, writeDeltaPacked } from "./delta-pack.ts";
import { readGorilla, writeGorilla } from "./gorilla.ts";
import { readSafeIntegers, writeSafeIntegers } from "./integers.ts";
import { readRaw64, writeRaw64 } from "./raw.ts";
import { Tag, tagError } from "./tags.ts";

export { decodeStrings, encodeStrings } from "./strings.ts";

/**
 * The column codecs the segment writer and reader use: one encode/decode pair per column type,
 * each picking an encoding per block and naming it in the block's first byte. The value count is
 * not stored (the segment footer has it). Encoders build in module-level scratch buffers (one
 * JS thread; a Worker gets its own module instance) and return a right-sized copy, so results
 * stay valid across calls. Decoders fill caller-provided arrays and throw an Error starting with
 * "codec:" on a buffer they can tell is truncated or corrupt.
 */
const out = new ByteBuffer();
/** Second buffer so a float block's Gorilla candidate can be built while the decimal one is kept. */
const alt = new ByteBuffer();

function done(c: ByteCursor, what: string): void {
  if (c.remaining !== 0) throw new Error(`codec: ${c.remaining} unexpected trailing bytes in ${what} block`);
}

/** Timestamps of one block as ns offsets from the block's base time (integers, |x| < 2^53, any order). */
export function encodeTimestamps(offsets: Float64Array, n: number): Uint8Array {
  out.reset().u8(Tag.TimestampsPacked);
  if (!writeDeltaPacked(out, offsets, n) || out.length > 1 + 8 * n) {
    out.reset().u8(Tag.TimestampsRaw);
    writeRaw64(out, offsets, n);
  }
  return out.finish();
}

export function decodeTimestamps(buf: Uint8Array, n: number, into: Float64Array): void {
  const c = new ByteCursor(buf);
  const tag = c.u8();
  if (tag === Tag.TimestampsPacked) readDeltaPacked(c, n, into);
  else if (tag === Tag.TimestampsRaw) readRaw64(c, n, into);
  else throw tagError("timestamp", tag);
  done(c, "timestamp");
}

/** Decimal when every value is a short exact decimal, Gorilla, or raw: whichever is smallest. */
export function encodeFloats(values: Float64Array, n: number): Uint8Array {
  out.reset().u8(Tag.FloatsDecimal);
  const decimal = writeDecimal(out, values, n) && out.length <= 1 + 8 * n;
  // Gorilla must beat both raw and the decimal form; it gives up as soon as it cannot.
  const budget = (decimal ? out.length - 1 : 8 * n) - 1;
  alt.reset().u8(Tag.FloatsGorilla);
  if (writeGorilla(alt, values, n, budget)) return alt.finish();
  if (decimal) return out.finish();
  out.reset().u8(Tag.FloatsRaw);
  writeRaw64(out, values, n);
  return out.finish();
}

export function decodeFloats(buf: Uint8Array, n: number, into: Float64Array): void {
  const c = new ByteCursor(buf);
  const tag = c.u8();
  if (tag === Tag.FloatsDecimal) readDecimal(c, n, into);
  else if (tag === Tag.FloatsGorilla) readGorilla(c, n, into);
  else if (tag === Tag.FloatsRaw) readRaw64(c, n, into);
  else throw tagError("float", tag);
  done(c, "float");
}

/** int64 values as (lo, hi) int32 word pairs, words.length >= 2n. */
export function encodeIntegers(words: Int32Array, n: number): Uint8Array {
  const rawSize = 1 + 8 * n;
  out.reset().u8(Tag.IntegersPacked);
  if (writeSafeIntegers(out, words, n) && out.length <= rawSize) return out.finish();
  out.reset().u8(Tag.IntegersDelta64);
  if (writeDelta64(out, words, n, rawSize - 1)) return out.finish();
  out.reset().u8(Tag.IntegersRaw);
  writeRaw64(out, words, n);
  return out.finish();
}

export function decodeIntegers(buf: Uint8Array, n: number, into: Int32Array): void {
  const c = new ByteCursor(buf);
  const tag = c.u8();
  if (tag === Tag.IntegersPacked) readSafeIntegers(c, n, into);
  else if (tag === Tag.IntegersDelta64) readDelta64(c, n, into);
  else if (tag === Tag.IntegersRaw) readRaw64(c, n, into);
  else throw tagError("integer", tag);
  done(c, "integer");
}

/**
 * uint64 values as (lo, hi) word pairs. Two's-complement word arithmetic is the same for both
 * signednesses, so unsigned columns share the integer encodings (see integers.ts for why that
 * is also the better view for compression).
 */
export function encodeUnsigned(words: Int32Array, n: number): Uint8Array {
  return encodeIntegers(words, n);
}

export function decodeUnsigned(buf: Uint8Array, n: number, into: Int32Array): void {
  decodeIntegers(buf, n, into);
}

/** Values 0/1 (any non-zero is stored as 1). */
export function encodeBooleans(values: Uint8Array, n: number): Uint8Array {
  const first = n > 0 && values[0] !== 0;
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = (values[i] !== 0) === first;
  out.reset();
  if (constant) {
    out.u8(Tag.BooleansConstant);
    out.u8(first ? 1 : 0);
  } else {
    out.u8(Tag.BooleansBits);
    writeBooleanBits(out, values, n);
  }
  return out.finish();
}

export function decodeBooleans(buf: Uint8Array, n: number, into: Uint8Array): void {
  const c = new ByteCursor(buf);
  const tag = c.u8();
  if (tag === Tag.BooleansConstant) {
    const v = c.u8();
    if (v > 1) throw new Error(`codec: bad constant boolean ${v}`);
    into.fill(v, 0, n);
  } else if (tag === Tag.BooleansBits) {
    readBooleanBits(c, n, into);
  } else {
    throw tagError("boolean", tag);
  }
  done(c, "boolean");
}
