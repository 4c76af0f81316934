/**
 * UTF-8 checks and decoding for the few slices that become JS strings. The hot path never calls
 * these for keys it has seen before, and pure-ASCII slices skip validation entirely.
 */
/** True when bytes[start, end) is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
export function isValidUtf8(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      i++;
      continue;
    }
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      if (i + 1 >= end || (bytes[i + 1] & 0xc0) !== 0x80) return false;
      i += 2;
      continue;
    }
    if (b0 >= 0xe0 && b0 <= 0xef) {
      if (i + 2 >= end) return false;
      const b1 = bytes[i + 1];
      // E0 needs A0..BF (no overlongs), ED needs 80..9F (no surrogates).
      const lo = b0 === 0xe0 ? 0xa0 : 0x80;
      const hi = b0 === 0xed ? 0x9f : 0xbf;
      if (b1 < lo || b1 > hi || (bytes[i + 2] & 0xc0) !== 0x80) return false;
      i += 3;
      continue;
    }
    if (b0 >= 0xf0 && b0 <= 0xf4) {
      if (i + 3 >= end) return false;
      const b1 = bytes[i + 1];
      // F0 needs 90..BF (no overlongs), F4 needs 80..8F (nothing above U+10FFFF).
      const lo = b0 === 0xf0 ? 0x90 : 0x80;
      const hi = b0 === 0xf4 ? 0x8f : 0xbf;
      if (b1 < lo || b1 > hi || (bytes[i + 2] & 0xc0) !== 0x80 || (bytes[i + 3] & 0xc0) !== 0x80) return false;
      i += 4;
      continue;
    }
    return false;
  }
  return true;
}

let lastBytes: Uint8Array | undefined;
let lastBuffer: Buffer<ArrayBufferLike> = Buffer.alloc(0);

/**
 * Decodes bytes[start, end); invalid sequences become U+FFFD (callers validate first where it
 * matters). Goes through a Buffer over the same memory, whose native decoder is several times
 * faster on short slices than TextDecoder or String.fromCharCode; the view is kept while the
 * caller keeps decoding from the same array (see releaseDecodeSource).
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (bytes !== lastBytes) {
    lastBytes = bytes;
    lastBuffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return lastBuffer.toString("utf8", start, end);
}

/** Drops the view kept by decodeUtf8, so a finished request body can be collected. */
export function releaseDecodeSource(): void {
  lastBytes = undefined;
  lastBuffer = Buffer.alloc(0);
}
