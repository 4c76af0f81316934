/**
 * A JSON document built as UTF-8 bytes. Numbers are written straight into the buffer: a time in
 * nanoseconds as digits computed from two doubles (JSC prints a number or a bigint in 200-800 ns,
 * about as long as the rest of a row). The text of a /query answer then never exists as one
 * string, which also spares the gzip step its UTF-8 encoding.
 */
const INITIAL_BYTES = 16 * 1024;
/** A buffer grown past this for one large answer is let go once the answer is finished. */
const KEPT_BYTES = 1024 * 1024;
/** Below 2^62 a time splits into seconds and nanoseconds whose product with 10^9 is exact. */
const SPLIT_LIMIT = 2 ** 62;

const utf8 = new TextEncoder();

export class JsonWriter {
  private buf = new Uint8Array(INITIAL_BYTES);
  private len = 0;

  /** Starts a new document in the same buffer. */
  reset(): void {
    this.len = 0;
  }

  /**
   * The document written since the last reset, as a view of the buffer: valid until the writer
   * writes again, so the caller uses it at once (compresses or copies it). The writer then starts
   * a new document.
   */
  finish(): Uint8Array<ArrayBuffer> {
    const view = this.buf.subarray(0, this.len);
    if (this.buf.length > KEPT_BYTES) this.buf = new Uint8Array(INITIAL_BYTES);
    this.len = 0;
    return view;
  }

  byte(c: number): void {
    this.reserve(1);
    this.buf[this.len++] = c;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.reserve(s.length);
    const buf = this.buf;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.encodeRest(s, i);
        return;
      }
      buf[this.len++] = c;
    }
  }

  /** An int64 in decimal, as `bigint.toString()` writes it. */
  int64(v: bigint): void {
    const n = Number(v);
    // `==` between a bigint and a double compares exact values: n is v itself, not a rounding.
    if ((v as unknown as number) != n || !(Math.abs(n) < SPLIT_LIMIT)) {
      this.text(v.toString());
      return;
    }
    this.reserve(20);
    if (n < 0) this.buf[this.len++] = 0x2d;
    const m = Math.abs(n);
    if (m < 1e9) {
      this.digits(m);
      return;
    }
    let seconds = Math.floor(m / 1e9);
    let nanos = m - seconds * 1e9;
    if (nanos < 0) {
      seconds -= 1;
      nanos += 1e9;
    } else if (nanos >= 1e9) {
      seconds += 1;
      nanos -= 1e9;
    }
    this.digits(seconds);
    this.nineDigits(nanos);
  }

  /** A non-negative integer below 2^49, whose floor(x / 10) is exact. */
  private digits(x: number): void {
    let count = 1;
    for (let p = 10; p <= x; p *= 10) count++;
    const buf = this.buf;
    for (let i = this.len + count - 1; i >= this.len; i--) {
      const q = Math.floor(x / 10);
      buf[i] = 0x30 + (x - q * 10);
      x = q;
    }
    this.len += count;
  }

  private nineDigits(x: number): void {
    const buf = this.buf;
    for (let i = this.len + 8; i >= this.len; i--) {
      const q = Math.floor(x / 10);
      buf[i] = 0x30 + (x - q * 10);
      x = q;
    }
    this.len += 9;
  }

  private encodeRest(s: string, from: number): void {
    const rest = s.slice(from);
    this.reserve(rest.length * 3);
    this.len += utf8.encodeInto(rest, this.buf.subarray(this.len)).written;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    grown.set(this.buf.subarray(0, this.len));
    this.buf = grown;
  }
}
