import type { BlockStats } from "./block-stats.ts";

/** Per-block attributes, one typed array each (struct of arrays), in file order. */
const U32_COLUMNS = ["series", "field", "count", "crc", "timesLen", "valuesLen"] as const;
const U8_COLUMNS = ["type", "flags"] as const;
const F64_COLUMNS = ["minTime", "maxTime", "offset", "min", "max", "sum", "first", "last"] as const;

type U32Column = (typeof U32_COLUMNS)[number];
type U8Column = (typeof U8_COLUMNS)[number];
type F64Column = (typeof F64_COLUMNS)[number];

export interface BlockEntry {
  series: number;
  field: number;
  type: number;
  flags: number;
  count: number;
  crc: number;
  minTime: number;
  maxTime: number;
  offset: number;
  timesLen: number;
  valuesLen: number;
  stats: BlockStats | undefined;
}

/**
 * A segment's block index. Stored column by column and zstd-compressed: neighbouring values of
 * one attribute (series ids, offsets, times) are alike, so the index costs a fraction of the
 * ~90 bytes per block a row layout would, which matters at ~1 byte per value.
 */
export class BlockIndex {
  readonly u32: Record<U32Column, Uint32Array>;
  readonly u8: Record<U8Column, Uint8Array>;
  readonly f64: Record<F64Column, Float64Array>;

  constructor(
    public length: number,
    capacity = length,
  ) {
    this.u32 = Object.fromEntries(U32_COLUMNS.map((c) => [c, new Uint32Array(capacity)])) as Record<U32Column, Uint32Array>;
    this.u8 = Object.fromEntries(U8_COLUMNS.map((c) => [c, new Uint8Array(capacity)])) as Record<U8Column, Uint8Array>;
    this.f64 = Object.fromEntries(F64_COLUMNS.map((c) => [c, new Float64Array(capacity)])) as Record<F64Column, Float64Array>;
  }

  private static grown(from: BlockIndex, capacity: number): BlockIndex {
    const next = new BlockIndex(from.length, capacity);
    for (const c of U32_COLUMNS) next.u32[c].set(from.u32[c]);
    for (const c of U8_COLUMNS) next.u8[c].set(from.u8[c]);
    for (const c of F64_COLUMNS) next.f64[c].set(from.f64[c]);
    return next;
  }

  /** Appends an entry, returning the index to keep using (it may have grown). */
  push(e: BlockEntry): BlockIndex {
    const idx = this.length < this.u8.type.length ? this : BlockIndex.grown(this, Math.max(64, this.length * 2));
    const b = idx.length++;
    idx.u32.series[b] = e.series;
    idx.u32.field[b] = e.field;
    idx.u32.count[b] = e.count;
    idx.u32.crc[b] = e.crc;
    idx.u32.timesLen[b] = e.timesLen;
    idx.u32.valuesLen[b] = e.valuesLen;
    idx.u8.type[b] = e.type;
    idx.u8.flags[b] = e.flags;
    idx.f64.minTime[b] = e.minTime;
    idx.f64.maxTime[b] = e.maxTime;
    idx.f64.offset[b] = e.offset;
    idx.f64.min[b] = e.stats?.min ?? 0;
    idx.f64.max[b] = e.stats?.max ?? 0;
    idx.f64.sum[b] = e.stats?.sum ?? 0;
    idx.f64.first[b] = e.stats?.first ?? 0;
    idx.f64.last[b] = e.stats?.last ?? 0;
    return idx;
  }

  encode(): Uint8Array {
    const n = this.length;
    const raw = new Uint8Array(n * (4 * U32_COLUMNS.length + U8_COLUMNS.length + 8 * F64_COLUMNS.length));
    let at = 0;
    const put = (a: Uint32Array | Uint8Array | Float64Array) => {
      const bytes = new Uint8Array(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);
      raw.set(bytes, at);
      at += bytes.length;
    };
    for (const c of F64_COLUMNS) put(this.f64[c]);
    for (const c of U32_COLUMNS) put(this.u32[c]);
    for (const c of U8_COLUMNS) put(this.u8[c]);
    return Bun.zstdCompressSync(raw, { level: 3 });
  }

  static decode(compressed: Uint8Array, n: number): BlockIndex {
    const raw = Bun.zstdDecompressSync(compressed);
    const idx = new BlockIndex(n);
    const expected = n * (4 * U32_COLUMNS.length + U8_COLUMNS.length + 8 * F64_COLUMNS.length);
    if (raw.length !== expected) throw new RangeError(`block index has ${raw.length} bytes, expected ${expected}`);
    let at = 0;
    const take = (a: Uint32Array | Uint8Array | Float64Array) => {
      const len = n * a.BYTES_PER_ELEMENT;
      new Uint8Array(a.buffer, a.byteOffset, len).set(raw.subarray(at, at + len));
      at += len;
    };
    for (const c of F64_COLUMNS) take(idx.f64[c]);
    for (const c of U32_COLUMNS) take(idx.u32[c]);
    for (const c of U8_COLUMNS) take(idx.u8[c]);
    return idx;
  }
}
