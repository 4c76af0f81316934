/** Growable little-endian byte buffer for building binary records without per-value allocation. */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(initialCapacity = 4096) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  private reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }

  f64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }


  /** The raw bytes of a typed array's first `count` elements. */
  array(a: Int32Array | Float64Array | Uint8Array, count: number): void {
    this.bytes(new Uint8Array(a.buffer, a.byteOffset, count * a.BYTES_PER_ELEMENT));
  }

  bytes(src: Uint8Array): void {
    this.reserve(src.length);
    this.buf.set(src, this.length);
    this.length += src.length;
  }

  /** Length-prefixed UTF-8. */
  string(s: string): void {
    this.reserve(4 + s.length * 3);
    const { written } = new TextEncoder().encodeInto(s, this.buf.subarray(this.length + 4));
    this.view.setUint32(this.length, written, true);
    this.length += 4 + written;
  }

  /** Empties the buffer, keeping its capacity. */
  reset(): void {
    this.length = 0;
  }

  finish(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
