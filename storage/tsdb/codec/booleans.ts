import type { ByteBuffer } from "./byte-buffer.ts";
import type { ByteCursor } from "./byte-cursor.ts";

/** One bit per value, LSB-first within each byte; any non-zero input counts as true. */
export function writeBooleanBits(out: ByteBuffer, values: Uint8Array, n: number): void {
  const byteLength = (n + 7) >>> 3;
  out.reserve(byteLength);
  const b = out.bytes;
  const at = out.length;
  b.fill(0, at, at + byteLength);
  for (let i = 0; i < n; i++) {
    if (values[i] !== 0) b[at + (i >>> 3)] |= 1 << (i & 7);
  }
  out.length = at + byteLength;
}

export function readBooleanBits(c: ByteCursor, n: number, out: Uint8Array): void {
  const b = c.bytes((n + 7) >>> 3, "boolean bits");
  for (let i = 0; i < n; i++) out[i] = (b[i >>> 3] >>> (i & 7)) & 1;
}
