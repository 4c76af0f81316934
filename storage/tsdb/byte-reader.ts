/** Bounds-checked little-endian reader over a byte slice; a short read throws instead of yielding garbage. */
export class ByteReader {
  private readonly view: DataView;
  pos: number;
  private static readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(
    readonly buf: Uint8Array,
    start = 0,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.pos = start;
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new RangeError(`truncated record: need ${n} bytes at ${this.pos} of ${this.buf.length}`);
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++];
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }


  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Copies rather than views: the record's offset in its file gives no alignment guarantee. */
  int32s(n: number): Int32Array {
    const out = new Int32Array(n);
    new Uint8Array(out.buffer).set(this.bytes(n * 4));
    return out;
  }

  float64s(n: number): Float64Array {
    const out = new Float64Array(n);
    new Uint8Array(out.buffer).set(this.bytes(n * 8));
    return out;
  }

  uint8s(n: number): Uint8Array {
    return this.bytes(n).slice();
  }

  string(): string {
    return ByteReader.decoder.decode(this.bytes(this.u32()));
  }
}
