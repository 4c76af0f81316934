import type { ByteBuffer } from "./byte-buffer.ts";

/**
 * LSB-first bit stream into 32-bit words: value bits fill a word from its low end, so a reader can
 * fetch any field of up to 32 bits with two word loads and shifts instead of looping bit by bit.
 * Words are stored little-endian when appended as bytes, matching the typed-array view the reader
 * uses on little-endian hosts.
 */
export class BitWriter {
  words = new Int32Array(256);
  /** Bits written so far. */
  pos = 0;

  reset(): this {
    this.pos = 0;
    return this;
  }

  /** Makes room for `bits` more bits, so hot loops can call writeUnchecked. */
  reserve(bits: number): void {
    const need = ((this.pos + bits) >>> 5) + 2;
    if (need <= this.words.length) return;
    const next = new Int32Array(Math.max(need, this.words.length * 2));
    next.set(this.words.subarray(0, (this.pos >>> 5) + 1));
    this.words = next;
  }

  /** Appends the low `nbits` (0..32) bits of `value`. */
  write(value: number, nbits: number): void {
    this.reserve(nbits);
    this.writeUnchecked(value, nbits);
  }

  writeUnchecked(value: number, nbits: number): void {
    if (nbits === 0) return;
    const v = nbits === 32 ? value : value & ((1 << nbits) - 1);
    const p = this.pos;
    const i = p >>> 5;
    const s = p & 31;
    // A word's first bits always arrive at offset 0 or as the spill of the previous write, and
    // both assign, so words need no clearing between streams.
    if (s === 0) this.words[i] = v;
    else this.words[i] |= v << s;
    if (s + nbits > 32) this.words[i + 1] = v >>> (32 - s);
    this.pos = p + nbits;
  }

  get byteLength(): number {
    return (this.pos + 7) >>> 3;
  }

  appendTo(out: ByteBuffer): void {
    out.append(new Uint8Array(this.words.buffer, 0, this.byteLength));
  }
}
