/**
 * Reading BitWriter streams. The encoded bytes sit at arbitrary offsets inside a segment, so
 * they are first copied into a word-aligned scratch buffer; that copy (about one byte per value)
 * is far cheaper than assembling every word from single bytes. Decoders then keep their bit
 * position in a local and call peek, which the JIT inlines into their loops.
 */
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
  throw new Error("codec: bit streams assume a little-endian host");
}

let scratch = new Int32Array(1024);
/** Byte view of scratch, kept rather than re-derived: per-call view creation showed in profiles. */
let scratchBytes = new Uint8Array(scratch.buffer);

/**
 * Copies `byteLength` bytes of `buf` at `start` into shared scratch words, followed by zero words
 * so peek may load past the end without a bounds branch. Valid until the next call.
 */
export function loadWords(buf: Uint8Array, start: number, byteLength: number): Int32Array {
  const words = (byteLength + 3) >>> 2;
  if (words + 2 > scratch.length) {
    scratch = new Int32Array(Math.max(words + 2, scratch.length * 2));
    scratchBytes = new Uint8Array(scratch.buffer);
  }
  scratchBytes.set(buf.subarray(start, start + byteLength));
  scratchBytes.fill(0, byteLength, (words + 2) * 4);
  return scratch;
}

/** The 32 bits of the stream starting at bit p, as an int32; mask off what the field does not use. */
export function peek(words: Int32Array, p: number): number {
  const k = p >>> 5;
  const s = p & 31;
  // (x << 1) << (31 - s) is 0 when s = 0, where x << 32 would leave x unchanged.
  return (words[k] >>> s) | ((words[k + 1] << 1) << (31 - s));
}
