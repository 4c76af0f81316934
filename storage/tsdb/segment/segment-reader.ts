import { basename } from "node:path";
import { ByteReader } from "../byte-reader.ts";
import { decodeBooleans, decodeFloats, decodeIntegers, decodeStrings, decodeTimestamps, decodeUnsigned } from "../codec/column.ts";
import { type ColumnData, emptyColumnData } from "../column-data.ts";
import { FieldType } from "../point-batch.ts";
import type { BlockStats } from "./block-stats.ts";
import { BlockIndex } from "./block-index.ts";
import { BLOCK_FLAG_STATS, SEGMENT_MAGIC, SEGMENT_TAIL_BYTES, SEGMENT_VERSION, type SegmentMeta } from "./segment-format.ts";

export class SegmentCorruptError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`segment ${path} is corrupt: ${detail}`);
    this.name = "SegmentCorruptError";
  }
}

/**
 * An open, memory-mapped segment: the footer is parsed once into columns of block attributes
 * (struct of arrays); block bytes are read from the mapping and checksummed on their first decode.
 */
export class SegmentReader {
  readonly name: string;
  readonly windowStartMs: number;
  readonly flushSeq: number;
  readonly meta: SegmentMeta;
  readonly blockCount: number;
  readonly blockSeries: Uint32Array;
  readonly blockField: Uint32Array;
  readonly blockType: Uint8Array;
  readonly blockFlags: Uint8Array;
  readonly blockCountOf: Uint32Array;
  readonly blockMinTime: Float64Array;
  readonly blockMaxTime: Float64Array;
  private readonly index: BlockIndex;
  /**
   * 1 for each block whose checksum has passed. A segment is never modified after its rename into
   * place, so a block is checked on its first decode in this process rather than on every scan
   * (which cost as much as a tenth of a full scan); damage that happens to the file while it is
   * open is caught when it is next opened.
   */
  private readonly verified: Uint8Array;
  /** Blocks of one (series, field) are contiguous and time-ordered: key series * fields + field → [first, end). */
  private readonly ranges = new Map<number, [number, number]>();

  constructor(
    readonly path: string,
    private readonly bytes: Uint8Array,
  ) {
    this.name = basename(path);
    const fail = (d: string): never => {
      throw new SegmentCorruptError(path, d);
    };
    if (bytes.length < SEGMENT_MAGIC.length + SEGMENT_TAIL_BYTES) fail("file too short");
    const end = bytes.length;
    for (let i = 0; i < SEGMENT_MAGIC.length; i++) {
      if (bytes[i] !== SEGMENT_MAGIC[i] || bytes[end - SEGMENT_MAGIC.length + i] !== SEGMENT_MAGIC[i]) fail("bad magic");
    }
    const tail = new DataView(bytes.buffer, bytes.byteOffset + end - SEGMENT_TAIL_BYTES, 8);
    const footerLength = tail.getUint32(0, true);
    const footerStart = end - SEGMENT_TAIL_BYTES - footerLength;
    if (footerStart < SEGMENT_MAGIC.length) fail("footer length out of range");
    const footer = bytes.subarray(footerStart, footerStart + footerLength);
    if (Bun.hash.crc32(footer) !== tail.getUint32(4, true)) fail("footer checksum mismatch");
    const r = new ByteReader(footer);
    const version = r.u32();
    if (version !== SEGMENT_VERSION) fail(`unsupported version ${version}`);
    this.windowStartMs = r.f64();
    this.flushSeq = r.f64();
    this.meta = JSON.parse(r.string()) as SegmentMeta;
    const n = (this.blockCount = r.u32());
    let index: BlockIndex;
    try {
      index = BlockIndex.decode(r.bytes(r.u32()), n);
    } catch (e) {
      fail(`block index unreadable: ${(e as Error).message}`);
    }
    this.index = index!;
    this.verified = new Uint8Array(n);
    this.blockSeries = this.index.u32.series;
    this.blockField = this.index.u32.field;
    this.blockType = this.index.u8.type;
    this.blockFlags = this.index.u8.flags;
    this.blockCountOf = this.index.u32.count;
    this.blockMinTime = this.index.f64.minTime;
    this.blockMaxTime = this.index.f64.maxTime;
    const offset = this.index.f64.offset;
    const timesLen = this.index.u32.timesLen;
    const valuesLen = this.index.u32.valuesLen;
    const nFields = this.meta.fields.length;
    for (let b = 0; b < n; b++) {
      const series = this.blockSeries[b];
      const field = this.blockField[b];
      if (series >= this.meta.series.length || field >= nFields) fail(`block ${b} names an unknown series or field`);
      if (offset[b] + timesLen[b] + valuesLen[b] > footerStart) fail(`block ${b} lies outside the data area`);
      const key = series * nFields + field;
      const range = this.ranges.get(key);
      if (range) range[1] = b + 1;
      else this.ranges.set(key, [b, b + 1]);
    }
  }

  static open(path: string): SegmentReader {
    return new SegmentReader(path, Bun.mmap(path, { shared: false }));
  }

  /** Blocks of (local series, local field) as [first, end), in time order. */
  blocksOf(series: number, field: number): [number, number] | undefined {
    return this.ranges.get(series * this.meta.fields.length + field);
  }

  stats(b: number): BlockStats | undefined {
    if ((this.blockFlags[b] & BLOCK_FLAG_STATS) === 0) return undefined;
    const f = this.index.f64;
    return { min: f.min[b], max: f.max[b], sum: f.sum[b], first: f.first[b], last: f.last[b] };
  }

  /**
   * Decodes block `b` after checking its checksum, into `scratch` when it is large enough (a scan
   * that consumes one block at a time reuses one buffer instead of allocating per block).
   */
  decode(b: number, scratch?: ColumnData): ColumnData {
    const start = this.index.f64.offset[b];
    const timesEnd = start + this.index.u32.timesLen[b];
    const end = timesEnd + this.index.u32.valuesLen[b];
    this.verify(b, start, end);
    const n = this.blockCountOf[b];
    const type = this.blockType[b] as FieldType;
    const out: ColumnData =
      scratch !== undefined && scratch.times.length >= n && type !== FieldType.String
        ? { type, baseMs: this.windowStartMs, n: 0, times: scratch.times, values: scratch.values, words: scratch.words, strings: undefined }
        : emptyColumnData(type, this.windowStartMs, n, type === FieldType.String);
    // Views of the mapping made straight from it: each view costs an allocation, and a scan makes two per block.
    const valuesBytes = this.bytes.subarray(timesEnd, end);
    try {
      decodeTimestamps(this.bytes.subarray(start, timesEnd), n, out.times);
      switch (type) {
        case FieldType.Float:
          decodeFloats(valuesBytes, n, out.values);
          break;
        case FieldType.Integer:
          decodeIntegers(valuesBytes, n, out.words);
          break;
        case FieldType.Unsigned:
          decodeUnsigned(valuesBytes, n, out.words);
          break;
        case FieldType.Boolean: {
          const bits = new Uint8Array(n);
          decodeBooleans(valuesBytes, n, bits);
          for (let i = 0; i < n; i++) out.values[i] = bits[i];
          break;
        }
        case FieldType.String:
          out.strings = decodeStrings(valuesBytes, n);
          break;
      }
    } catch (e) {
      throw new SegmentCorruptError(this.path, `block ${b} does not decode: ${(e as Error).message}`);
    }
    out.n = n;
    return out;
  }

  /** Decodes only the times of block `b` into `into` (at least the block's count long). */
  decodeTimes(b: number, into: Float64Array): void {
    const start = this.index.f64.offset[b];
    const timesEnd = start + this.index.u32.timesLen[b];
    this.verify(b, start, timesEnd + this.index.u32.valuesLen[b]);
    try {
      decodeTimestamps(this.bytes.subarray(start, timesEnd), this.blockCountOf[b], into);
    } catch (e) {
      throw new SegmentCorruptError(this.path, `block ${b} does not decode: ${(e as Error).message}`);
    }
  }

  private verify(b: number, start: number, end: number): void {
    if (this.verified[b] !== 0) return;
    if (Bun.hash.crc32(this.bytes.subarray(start, end)) !== this.index.u32.crc[b]) throw new SegmentCorruptError(this.path, `block ${b} checksum mismatch`);
    this.verified[b] = 1;
  }
}
