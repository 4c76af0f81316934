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

const INT32_LIMIT = 2 ** 31;
const DECIMAL_SCALES = [1, 10, 100, 1000];
const DECIMAL_LIMIT = 1e12;

/** "00" to "99" as ASCII, two bytes a number. */
const DIGIT_PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGIT_PAIRS[2 * i] = 0x30 + Math.floor(i / 10);
  DIGIT_PAIRS[2 * i + 1] = 0x30 + (i % 10);
}

function digitCount(x: number): number {
  let count = 1;
  for (let p = 10; p <= x; p *= 10) count++;
  return count;
}

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
      this.digits(m, digitCount(m));
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
    this.digits(seconds, digitCount(seconds));
    if (nanos !== 0) {
      this.digits(nanos, 9);
      return;
    }
    // Times are mostly whole seconds or more.
    const buf = this.buf;
    for (let i = 0; i < 9; i++) buf[this.len++] = 0x30;
  }

  /**
   * A finite float with at most three decimals, below 10^12 in size, as its shortest round-trip
   * digits (what `String(v)` gives, in half the time or less); false, writing nothing, for any
   * other value, and for -0. Data often holds such short decimals.
   */
  shortDecimal(v: number): boolean {
    const m = Math.abs(v);
    if (!(m < DECIMAL_LIMIT) || (v === 0 && 1 / v < 0)) return false;
    for (let d = 0; d < DECIMAL_SCALES.length; d++) {
      const scale = DECIMAL_SCALES[d];
      const k = Math.round(m * scale);
      // k / scale is the double nearest the decimal k·10^-d, which is then the one decimal of at
      // most d places that reads as m (at this size a double's spacing is under 10^-3), and the
      // first d that works leaves no trailing zero.
      if (k / scale !== m) continue;
      this.reserve(18);
      if (v < 0) this.buf[this.len++] = 0x2d;
      const whole = Math.floor(m);
      this.digits(whole, digitCount(whole));
      if (d > 0) {
        this.buf[this.len++] = 0x2e;
        this.digits(k - whole * scale, d);
      }
      return true;
    }
    return false;
  }

  /**
   * A non-negative integer below 2^53 as `count` digits, zero-padded on the left. Two digits per
   * division: the divisions depend on each other, so their number sets the time.
   */
  private digits(x: number, count: number): void {
    const buf = this.buf;
    const first = this.len;
    let i = first + count;
    while (i - first >= 2) {
      const q = x < INT32_LIMIT ? (x / 100) | 0 : Math.floor(x / 100);
      const pair = (x - q * 100) * 2;
      buf[--i] = DIGIT_PAIRS[pair + 1];
      buf[--i] = DIGIT_PAIRS[pair];
      x = q;
    }
    if (i > first) buf[--i] = 0x30 + x;
    this.len += count;
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
