/**
 * Growable output for codec headers. Varints take doubles so headers can carry exact integers up
 * to 2^53 without BigInt; one instance is reused across calls so encoding allocates only its result.
 */
export class ByteBuffer {
  bytes = new Uint8Array(1024);
  length = 0;

  reset(): this {
    this.length = 0;
    return this;
  }

  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(need, this.bytes.length * 2));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  u8(v: number): void {
    this.reserve(1);
    this.bytes[this.length++] = v;
  }

  /** Unsigned LEB128 of an integer 0 <= v < 2^53. */
  varint(v: number): void {
    this.reserve(8);
    const b = this.bytes;
    let p = this.length;
    // Bit operations only see 32 bits, so the high part is peeled off arithmetically.
    while (v >= 0x80000000) {
      b[p++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    while (v >= 0x80) {
      b[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[p++] = v;
    this.length = p;
  }

  /** Zigzag then LEB128, for integers |v| < 2^52 (so 2|v| stays exact). */
  zigzag(v: number): void {
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  append(src: Uint8Array): void {
    this.reserve(src.length);
    this.bytes.set(src, this.length);
    this.length += src.length;
  }

  /** A right-sized copy, so the shared buffer can be reused by the next call. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}
