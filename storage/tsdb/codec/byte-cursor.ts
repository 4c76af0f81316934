/** Bounds-checked reader for codec headers: a short or malformed buffer throws instead of yielding garbage. */
export class ByteCursor {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  need(n: number, what: string): void {
    if (this.pos + n > this.buf.length) {
      throw new Error(`codec: truncated ${what}: need ${n} bytes at ${this.pos}, have ${this.buf.length - this.pos}`);
    }
  }

  u8(): number {
    if (this.pos >= this.buf.length) throw new Error(`codec: truncated buffer at byte ${this.pos}`);
    return this.buf[this.pos++];
  }

  /** Unsigned LEB128 up to 2^53. */
  varint(): number {
    const b = this.buf;
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= b.length) throw new Error(`codec: truncated varint at byte ${this.pos}`);
      const x = b[this.pos++];
      v += (x & 0x7f) * scale;
      if (x < 0x80) return v;
      scale *= 128;
    }
    throw new Error(`codec: varint longer than 8 bytes at byte ${this.pos}`);
  }

  zigzag(): number {
    const z = this.varint();
    // z may exceed 2^31, so halve arithmetically rather than with shifts.
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  bytes(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}
