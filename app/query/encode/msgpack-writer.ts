/**
 * A growable msgpack byte writer with tinylib/msgp's choice of formats (v1.1.6, used by
 * InfluxDB 1.6.7): signed integers take the smallest *signed* form (300 is int16 `d1 01 2c`, where
 * @msgpack/msgpack would write uint16 `cd 01 2c`), unsigned ones the smallest unsigned form,
 * strings fixstr/str8/str16/str32, floats always float64. That is why this is not the library's
 * Encoder.
 */

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
/** tinylib/msgp's extension type for `time.Time`. */
const TIME_EXTENSION = 5;

const utf8 = new TextEncoder();

export class MsgpackWriter {
  private bytes = new Uint8Array(4096);
  private view = new DataView(this.bytes.buffer);
  private length = 0;

  private reserve(n: number): number {
    const at = this.length;
    if (at + n > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, at + n));
      grown.set(this.bytes.subarray(0, at));
      this.bytes = grown;
      this.view = new DataView(grown.buffer);
    }
    this.length = at + n;
    return at;
  }

  private byte(b: number): void {
    this.bytes[this.reserve(1)] = b;
  }

  private prefixed(prefix: number, size: 1 | 2 | 4 | 8, value: number | bigint): void {
    const at = this.reserve(1 + size);
    this.bytes[at] = prefix;
    if (size === 1) this.bytes[at + 1] = Number(value) & 0xff;
    else if (size === 2) this.view.setUint16(at + 1, Number(value) & 0xffff);
    else if (size === 4) this.view.setUint32(at + 1, Number(value) >>> 0);
    else this.view.setBigUint64(at + 1, BigInt.asUintN(64, BigInt(value)));
  }

  /** Array or map header: fix form up to 15, then 16- or 32-bit counts. */
  private header(fix: number, b16: number, b32: number, n: number): void {
    if (n <= 15) this.byte(fix | n);
    else if (n <= 0xffff) this.prefixed(b16, 2, n);
    else this.prefixed(b32, 4, n);
  }

  arrayHeader(n: number): void {
    this.header(0x90, 0xdc, 0xdd, n);
  }

  mapHeader(n: number): void {
    this.header(0x80, 0xde, 0xdf, n);
  }

  nil(): void {
    this.byte(0xc0);
  }

  bool(v: boolean): void {
    this.byte(v ? 0xc3 : 0xc2);
  }

  float64(v: number): void {
    const at = this.reserve(9);
    this.bytes[at] = 0xcb;
    this.view.setFloat64(at + 1, v);
  }

  /** A whole number in msgp's `WriteInt64` form, or `WriteUint64` above int64's range. */
  int(v: number | bigint): void {
    if (typeof v === "bigint") {
      if (v < INT64_MIN || v > UINT64_MAX) throw new RangeError(`integer out of 64-bit range: ${v}`);
      if (v > INT64_MAX) return this.prefixed(0xcf, 8, v);
      if (v > 0x7fffffffn || v < -0x80000000n) return this.prefixed(0xd3, 8, v);
      v = Number(v);
    }
    if (v >= 0) {
      if (v <= 0x7f) this.byte(v);
      else if (v <= 0x7fff) this.prefixed(0xd1, 2, v);
      else if (v <= 0x7fffffff) this.prefixed(0xd2, 4, v);
      else this.prefixed(0xd3, 8, BigInt(v));
    } else if (v >= -32) this.byte(v & 0xff);
    else if (v >= -0x80) this.prefixed(0xd0, 1, v);
    else if (v >= -0x8000) this.prefixed(0xd1, 2, v);
    else if (v >= -0x80000000) this.prefixed(0xd2, 4, v);
    else this.prefixed(0xd3, 8, BigInt(v));
  }

  string(s: string): void {
    // Reserve the largest header the worst-case byte length could need, then close any gap.
    const maxBytes = s.length * 3;
    const room = maxBytes <= 31 ? 1 : maxBytes <= 0xff ? 2 : maxBytes <= 0xffff ? 3 : 5;
    const at = this.reserve(room + maxBytes);
    const n = utf8.encodeInto(s, this.bytes.subarray(at + room)).written;
    const size = n <= 31 ? 1 : n <= 0xff ? 2 : n <= 0xffff ? 3 : 5;
    if (size < room) this.bytes.copyWithin(at + size, at + room, at + room + n);
    this.length = at + size + n;
    if (size === 1) this.bytes[at] = 0xa0 | n;
    else if (size === 2) {
      this.bytes[at] = 0xd9;
      this.bytes[at + 1] = n;
    } else if (size === 3) {
      this.bytes[at] = 0xda;
      this.view.setUint16(at + 1, n);
    } else {
      this.bytes[at] = 0xdb;
      this.view.setUint32(at + 1, n);
    }
  }

  /** msgp's `WriteTime`: ext8, 12 bytes of big-endian Unix seconds (int64) and nanoseconds (int32). */
  time(seconds: bigint, nanos: number): void {
    const at = this.reserve(15);
    this.bytes[at] = 0xc7;
    this.bytes[at + 1] = 12;
    this.bytes[at + 2] = TIME_EXTENSION;
    this.view.setBigInt64(at + 3, seconds);
    this.view.setInt32(at + 11, nanos);
  }

  /** The bytes written so far (a view, valid until the next write). */
  finish(): Uint8Array<ArrayBuffer> {
    return this.bytes.subarray(0, this.length);
  }
}
