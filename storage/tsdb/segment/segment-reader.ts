import { basename } from "node:path";
import { ByteReader } from "../byte-reader.ts";
import { decodeBooleans, decodeFloats, decodeIntegers, decodeStrings, decodeTimestamps, decodeUnsigned } from "../codec/column.ts";
import { type ColumnData, emptyColumnData } from "../column-data.ts";
import { FieldType } from "../point-batch.ts";
import type { BlockStats } from "./block-stats.ts";
import { BLOCK_FLAG_STATS, BLOCK_RECORD_BYTES, SEGMENT_MAGIC, SEGMENT_TAIL_BYTES, SEGMENT_VERSION, type SegmentMeta } from "./segment-format.ts";

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
 * (struct of arrays); block bytes are read from the mapping and checksummed when decoded.
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
  readonly blockCrc: Uint32Array;
  readonly blockMinTime: Float64Array;
  readonly blockMaxTime: Float64Array;
  readonly blockOffset: Float64Array;
  readonly blockTimesLen: Uint32Array;
  readonly blockValuesLen: Uint32Array;
  readonly blockStats: Float64Array;
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
    const records = r.bytes(n * BLOCK_RECORD_BYTES);
    const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
    this.blockSeries = new Uint32Array(n);
    this.blockField = new Uint32Array(n);
    this.blockType = new Uint8Array(n);
    this.blockFlags = new Uint8Array(n);
    this.blockCountOf = new Uint32Array(n);
    this.blockCrc = new Uint32Array(n);
    this.blockMinTime = new Float64Array(n);
    this.blockMaxTime = new Float64Array(n);
    this.blockOffset = new Float64Array(n);
    this.blockTimesLen = new Uint32Array(n);
    this.blockValuesLen = new Uint32Array(n);
    this.blockStats = new Float64Array(n * 5);
    const nFields = this.meta.fields.length;
    for (let b = 0; b < n; b++) {
      const o = b * BLOCK_RECORD_BYTES;
      const series = (this.blockSeries[b] = view.getUint32(o, true));
      const field = (this.blockField[b] = view.getUint32(o + 4, true));
      this.blockType[b] = view.getUint8(o + 8);
      this.blockFlags[b] = view.getUint8(o + 9);
      this.blockCountOf[b] = view.getUint32(o + 12, true);
      this.blockCrc[b] = view.getUint32(o + 16, true);
      this.blockMinTime[b] = view.getFloat64(o + 20, true);
      this.blockMaxTime[b] = view.getFloat64(o + 28, true);
      this.blockOffset[b] = view.getFloat64(o + 36, true);
      this.blockTimesLen[b] = view.getUint32(o + 44, true);
      this.blockValuesLen[b] = view.getUint32(o + 48, true);
      for (let k = 0; k < 5; k++) this.blockStats[b * 5 + k] = view.getFloat64(o + 52 + 8 * k, true);
      if (series >= this.meta.series.length || field >= nFields) fail(`block ${b} names an unknown series or field`);
      if (this.blockOffset[b] + this.blockTimesLen[b] + this.blockValuesLen[b] > footerStart) fail(`block ${b} lies outside the data area`);
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
    const s = this.blockStats;
    return { min: s[b * 5], max: s[b * 5 + 1], sum: s[b * 5 + 2], first: s[b * 5 + 3], last: s[b * 5 + 4] };
  }

  /** Decodes block `b` after checking its checksum. */
  decode(b: number): ColumnData {
    const start = this.blockOffset[b];
    const timesLen = this.blockTimesLen[b];
    const raw = this.bytes.subarray(start, start + timesLen + this.blockValuesLen[b]);
    if (Bun.hash.crc32(raw) !== this.blockCrc[b]) throw new SegmentCorruptError(this.path, `block ${b} checksum mismatch`);
    const n = this.blockCountOf[b];
    const type = this.blockType[b] as FieldType;
    const out = emptyColumnData(type, this.windowStartMs, n, type === FieldType.String);
    const valuesBytes = raw.subarray(timesLen);
    try {
      decodeTimestamps(raw.subarray(0, timesLen), n, out.times);
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
}
