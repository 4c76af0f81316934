/**
 * Walks one (series, field) column point by point, forwards or backwards, over the chunks a scan
 * returned. A chunk is decoded only when the walk goes past its first point in walk order: that
 * point's time is the chunk's min/max time and its value comes from the block statistics when the
 * chunk has them, so `ORDER BY time DESC LIMIT 1` and the like read no blocks at all.
 */
import type { ColumnData } from "../../../storage/tsdb/column-data.ts";
import { FieldType } from "../../../storage/tsdb/point-batch.ts";
import type { ColumnChunk } from "../../../storage/tsdb/scan.ts";
import type { BlockStats } from "../../../storage/tsdb/segment/block-stats.ts";
import type { Value } from "./value.ts";

const TWO_32 = 4294967296;

/** Slot `i` of a column as a value: int64 as bigint, booleans from 0/1. */
export function valueAt(d: ColumnData, i: number): Value {
  switch (d.type) {
    case FieldType.Float:
      return d.values[i];
    case FieldType.Integer:
      return int64At(d, i);
    case FieldType.Unsigned:
      return BigInt.asUintN(64, int64At(d, i));
    case FieldType.Boolean:
      return d.values[i] !== 0;
    case FieldType.String:
      return d.strings![i];
  }
}

export function int64At(d: ColumnData, i: number): bigint {
  const hi = d.words[2 * i + 1];
  const lo = d.words[2 * i] >>> 0;
  // Most integers fit a double exactly; build those without shifting BigInts.
  if (hi >= -0x200000 && hi < 0x200000) return BigInt(hi * TWO_32 + lo);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** A numeric view of slot i (float, integer as double, boolean 0/1), for comparisons and sums of floats. */
export function numberAt(d: ColumnData, i: number): number {
  if (d.type === FieldType.Integer) return d.words[2 * i + 1] * TWO_32 + (d.words[2 * i] >>> 0);
  if (d.type === FieldType.Unsigned) return (d.words[2 * i + 1] >>> 0) * TWO_32 + (d.words[2 * i] >>> 0);
  return d.values[i];
}

function statValue(type: FieldType, v: number): Value {
  switch (type) {
    case FieldType.Float:
      return v;
    case FieldType.Integer:
    case FieldType.Unsigned:
      return BigInt(v);
    case FieldType.Boolean:
      return v !== 0;
    default:
      return null;
  }
}

export class ColumnCursor {
  private k: number;
  private data: ColumnData | undefined;
  /** Points of the current chunk already walked past; the chunk is decoded only once this is > 0. */
  private step = 0;
  /** Storage window (ms) and offset (ns) of the current point; the offset is read lazily (`stale`) so walking past a chunk's first point decodes nothing. */
  private b = 0;
  private t = 0;
  private stale = false;

  constructor(
    private readonly chunks: ColumnChunk[],
    private readonly type: FieldType,
    private readonly ascending: boolean,
  ) {
    this.k = ascending ? 0 : chunks.length - 1;
    this.enterChunk();
  }

  get done(): boolean {
    return this.k < 0 || this.k >= this.chunks.length;
  }

  /** Storage window (ms) of the current point. */
  get base(): number {
    return this.b;
  }

  /** Offset (ns) of the current point in its window. */
  get offset(): number {
    if (this.stale) {
      this.t = this.decoded().times[this.index()];
      this.stale = false;
    }
    return this.t;
  }

  get value(): Value {
    if (this.step === 0) {
      const c = this.chunks[this.k];
      if (c.stats !== undefined && this.type !== FieldType.String) return statValue(this.type, this.ascending ? c.stats.first : c.stats.last);
    }
    return valueAt(this.decoded(), this.index());
  }

  private index(): number {
    return this.ascending ? this.step : this.chunks[this.k].count - 1 - this.step;
  }

  private decoded(): ColumnData {
    return (this.data ??= this.chunks[this.k].read());
  }

  /** The statistics of the current chunk while the cursor stands on its first point in walk order (undefined otherwise, or when it has none). */
  get chunkStats(): BlockStats | undefined {
    return this.step === 0 && !this.done ? this.chunks[this.k].stats : undefined;
  }

  /** Moves past the rest of the current chunk without decoding it. */
  skipChunk(): void {
    this.nextChunk();
  }

  next(): void {
    if (++this.step >= this.chunks[this.k].count) this.nextChunk();
    else this.stale = true;
  }

  private nextChunk(): void {
    this.k += this.ascending ? 1 : -1;
    this.data = undefined;
    this.step = 0;
    this.stale = false;
    this.enterChunk();
  }

  private enterChunk(): void {
    if (this.done) return;
    const c = this.chunks[this.k];
    this.b = c.baseMs;
    this.t = this.ascending ? c.minTime : c.maxTime;
  }

  /** Whether the current point is at (base, offset) or beyond it in walk order. */
  private reached(base: number, offset: number): boolean {
    const b = this.b;
    if (b !== base) return this.ascending ? b > base : b < base;
    return this.ascending ? this.offset >= offset : this.offset <= offset;
  }

  /**
   * The value at exactly (base, offset), skipping earlier points; undefined when the column has no
   * point then (Go's typed nil from `nextAt`, which unlike null never compares as false).
   */
  valueAt(base: number, offset: number): Value | undefined {
    while (!this.done && !this.reached(base, offset)) this.skipTo(base, offset);
    if (this.done || this.b !== base || this.offset !== offset) return undefined;
    const v = this.value;
    this.next();
    return v;
  }

  /** Whether the column has a point at (base, offset), skipping earlier points but keeping that one. */
  has(base: number, offset: number): boolean {
    while (!this.done && !this.reached(base, offset)) this.skipTo(base, offset);
    return !this.done && this.b === base && this.offset === offset;
  }

  /** Moves past (base, offset) when the cursor stands on it, as `valueAt` would without reading the value. */
  passAt(base: number, offset: number): void {
    if (!this.done && this.b === base && this.offset === offset) this.next();
  }

  /** Advances towards (base, offset), a whole chunk at a time when the chunk ends before it. */
  private skipTo(base: number, offset: number): void {
    const c = this.chunks[this.k];
    const end = this.ascending ? c.maxTime : c.minTime;
    const before = c.baseMs !== base ? (this.ascending ? c.baseMs < base : c.baseMs > base) : this.ascending ? end < offset : end > offset;
    if (before) this.nextChunk();
    else this.next();
  }
}

/** Orders two points given as (storage window, offset). */
export function compareStamp(b1: number, o1: number, b2: number, o2: number): number {
  return b1 !== b2 ? b1 - b2 : o1 - o2;
}
