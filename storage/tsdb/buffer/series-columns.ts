import { type ColumnData, emptyColumnData } from "../column-data.ts";
import { FieldType } from "../point-batch.ts";
import { releaseMemory } from "../release-memory.ts";

const INITIAL_ROWS = 8;
/**
 * Rows grow by half, not double: series written in step all grow at once, so the flush trigger
 * (allocated bytes) fires just after a growth step, when up to that step's share is still empty.
 * Doubling left a sealed buffer half empty; growing by half leaves it at least two thirds full.
 */
const GROWTH = 1.5;
const INITIAL_VALUE_SLOTS = 1;

/**
 * The rows a read takes, reused by every read (one JS thread; a read finishes before the next):
 * a flush reads every column of the buffer, and an array per column was garbage enough to grow
 * the JS heap by hundreds of MiB before a collection (issue #5).
 */
let rowScratch = new Int32Array(1024);

/**
 * The buffered points of one series in one window, stored row by row: each point is one row of
 * 8-byte slots — its time, a presence bitmask of the series' fields, then one value slot per field.
 * Ingest arrives time-major (one point per series, many series), so writing a point's fields into
 * one contiguous row touches two cache lines instead of one line per field column; columns are
 * cut out of the rows only when read or flushed. Rows stay in arrival order; a read sorts and
 * deduplicates (the later write of a timestamp wins).
 */
export class SeriesColumns {
  private capacity = INITIAL_ROWS;
  private stride = 1 + 1 + INITIAL_VALUE_SLOTS;
  private maskSlots = 1;
  private f64: Float64Array;
  /** The same memory as `f64`: masks and int64 values are written as int32 words, never through a double. */
  private i32: Int32Array;
  private n = 0;
  private ordered = true;
  /** Bucket field id → index of the field in this series' rows. */
  private readonly localOf: number[] = [];
  private readonly fieldIdOf: number[] = [];
  private readonly types: FieldType[] = [];
  private readonly counts: number[] = [];
  private readonly strings: (string[] | undefined)[] = [];
  private readonly cached: (ColumnData | undefined)[] = [];
  private readonly cachedAt: number[] = [];

  constructor(
    readonly seriesId: number,
    readonly windowStartMs: number,
    /** Charged with every allocation, so the buffer's size counts real memory. */
    private readonly account: { bytes: number },
  ) {
    const buf = new ArrayBuffer(this.capacity * this.stride * 8);
    account.bytes += buf.byteLength;
    this.f64 = new Float64Array(buf);
    this.i32 = new Int32Array(buf);
  }

  get pointCount(): number {
    return this.n;
  }

  /** Field ids that hold at least one value. */
  fieldIds(): number[] {
    return this.fieldIdOf.filter((_, local) => this.counts[local] > 0);
  }

  /** Appends a point's time; returns the row its field values go to. */
  addPoint(time: number): number {
    const r = this.n;
    if (r === this.capacity) this.relayout(Math.ceil(this.capacity * GROWTH), this.stride, this.maskSlots);
    const base = r * this.stride;
    if (r > 0 && time <= this.f64[base - this.stride]) this.ordered = false;
    this.f64[base] = time;
    for (let k = 0; k < this.maskSlots; k++) this.f64[base + 1 + k] = 0;
    this.n = r + 1;
    return r;
  }

  private relayout(capacity: number, stride: number, maskSlots: number): void {
    const buf = new ArrayBuffer(capacity * stride * 8);
    this.account.bytes += buf.byteLength - this.f64.byteLength;
    const f64 = new Float64Array(buf);
    const i32 = new Int32Array(buf);
    if (stride === this.stride) {
      i32.set(this.i32.subarray(0, 2 * this.n * stride));
    } else {
      // Masks and values are copied as words so no int64 bit pattern passes through a double.
      const oldValues = 1 + this.maskSlots;
      const newValues = 1 + maskSlots;
      const fields = this.types.length;
      for (let r = 0; r < this.n; r++) {
        const from = 2 * r * this.stride;
        const to = 2 * r * stride;
        i32[to] = this.i32[from];
        i32[to + 1] = this.i32[from + 1];
        for (let k = 0; k < 2 * this.maskSlots; k++) i32[to + 2 + k] = this.i32[from + 2 + k];
        for (let k = 0; k < 2 * fields; k++) i32[to + 2 * newValues + k] = this.i32[from + 2 * oldValues + k];
      }
    }
    // The old rows are dead: freed now, not at the next collection (issue #5).
    releaseMemory(this.f64);
    this.f64 = f64;
    this.i32 = i32;
    this.capacity = capacity;
    this.stride = stride;
    this.maskSlots = maskSlots;
  }

  private addField(fieldId: number, type: FieldType): number {
    const local = this.types.length;
    const maskSlots = Math.ceil((local + 1) / 64);
    const needed = 1 + maskSlots + local + 1;
    // Rows grow one slot per new field: fields usually all arrive with a series' first point,
    // when there is a single row to move, and spare slots would cost memory on every row.
    if (needed > this.stride) this.relayout(this.capacity, needed, maskSlots);
    this.localOf[fieldId] = local;
    this.fieldIdOf.push(fieldId);
    this.types.push(type);
    this.counts.push(0);
    this.strings.push(type === FieldType.String ? [] : undefined);
    this.cached.push(undefined);
    this.cachedAt.push(-1);
    return local;
  }

  /** Sets field `fieldId` of row `r`; `lo`/`hi` are the value's 8 bytes as int32 words. */
  setValue(fieldId: number, type: FieldType, r: number, lo: number, hi: number, str: string | undefined): void {
    let local = this.localOf[fieldId];
    if (local === undefined) local = this.addField(fieldId, type);
    const base = r * this.stride;
    const slot = 2 * (base + 1 + this.maskSlots + local);
    this.i32[slot] = lo;
    this.i32[slot + 1] = hi;
    const maskWord = 2 * (base + 1) + (local >>> 5);
    const bit = 1 << (local & 31);
    if ((this.i32[maskWord] & bit) === 0) {
      this.i32[maskWord] |= bit;
      this.counts[local]++;
    }
    if (str !== undefined) {
      this.strings[local]![r] = str;
      this.account.bytes += 2 * str.length;
    }
  }

  private isSet(r: number, local: number): boolean {
    return (this.i32[2 * (r * this.stride + 1) + (local >>> 5)] & (1 << (local & 31))) !== 0;
  }

  /**
   * A field's values in time order, one per timestamp; undefined when it has none. Must not be
   * modified. Kept for the next read unless `cache` is false: then it is a fresh copy the caller
   * owns and may release (a flush reads each column once).
   */
  read(fieldId: number, cache = true): ColumnData | undefined {
    const local = this.localOf[fieldId];
    if (local === undefined || this.counts[local] === 0) return undefined;
    if (cache && this.cachedAt[local] === this.n) return this.cached[local];
    if (rowScratch.length < this.n) rowScratch = new Int32Array(Math.max(this.n, 2 * rowScratch.length));
    let count = 0;
    for (let r = 0; r < this.n; r++) if (this.isSet(r, local)) rowScratch[count++] = r;
    const rows = rowScratch;
    // Ties keep arrival order, so the last of equal timestamps is the later write.
    if (!this.ordered) rows.subarray(0, count).sort((a, b) => this.f64[a * this.stride] - this.f64[b * this.stride] || a - b);
    const strs = this.strings[local];
    const out = emptyColumnData(this.types[local], this.windowStartMs, count, strs !== undefined);
    const valueOffset = 1 + this.maskSlots + local;
    for (let k = 0; k < count; k++) {
      const r = rows[k];
      const t = this.f64[r * this.stride];
      const j = out.n > 0 && out.times[out.n - 1] === t ? out.n - 1 : out.n++;
      out.times[j] = t;
      const slot = 2 * (r * this.stride + valueOffset);
      out.words[2 * j] = this.i32[slot];
      out.words[2 * j + 1] = this.i32[slot + 1];
      if (strs) out.strings![j] = strs[r];
    }
    if (cache) {
      this.cached[local] = out;
      this.cachedAt[local] = this.n;
    }
    return out;
  }

  /** Frees the rows once the buffer is flushed and unreachable; nothing may use this series' buffer afterwards. */
  release(): void {
    releaseMemory(this.f64);
  }

  /** Drops the points whose time `drop` selects, from every field (deletes reach the buffer at once). */
  remove(drop: (time: number) => boolean): void {
    const kept: number[] = [];
    for (let r = 0; r < this.n; r++) if (!drop(this.f64[r * this.stride])) kept.push(r);
    const before = this.n;
    kept.forEach((r, j) => {
      if (r !== j) this.i32.copyWithin(2 * j * this.stride, 2 * r * this.stride, 2 * (r + 1) * this.stride);
      this.strings.forEach((s) => {
        if (s) s[j] = s[r];
      });
    });
    this.n = kept.length;
    for (let local = 0; local < this.types.length; local++) {
      let c = 0;
      for (let r = 0; r < this.n; r++) if (this.isSet(r, local)) c++;
      this.counts[local] = c;
      this.cachedAt[local] = -1;
    }
    if (before !== this.n) this.cached.fill(undefined);
  }
}
