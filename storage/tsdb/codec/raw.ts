import type { ByteBuffer } from "./byte-buffer.ts";
import type { ByteCursor } from "./byte-cursor.ts";

/**
 * Eight bytes per value, copied from a Float64Array or an Int32Array of word pairs: the fallback
 * when nothing smaller applies, and the size every other encoding must beat.
 */
export function writeRaw64(out: ByteBuffer, values: Float64Array | Int32Array, n: number): void {
  out.append(new Uint8Array(values.buffer, values.byteOffset, n * 8));
}

export function readRaw64(c: ByteCursor, n: number, out: Float64Array | Int32Array): void {
  new Uint8Array(out.buffer, out.byteOffset, n * 8).set(c.bytes(n * 8, "raw 64-bit values"));
}
