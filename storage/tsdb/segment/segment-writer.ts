import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import { ByteWriter } from "../byte-writer.ts";
import { encodeBooleans, encodeFloats, encodeIntegers, encodeStrings, encodeTimestamps, encodeUnsigned } from "../codec/column.ts";
import type { ColumnData } from "../column-data.ts";
import { fsyncDir } from "../fsync-dir.ts";
import { FieldType } from "../point-batch.ts";
import { computeBlockStats } from "./block-stats.ts";
import { BlockIndex } from "./block-index.ts";
import { BLOCK_FLAG_STATS, SEGMENT_MAGIC, SEGMENT_VERSION, type SegmentMeta } from "./segment-format.ts";

export interface SegmentColumn {
  /** Index into `SegmentMeta.series`. */
  series: number;
  /** Index into `SegmentMeta.fields`. */
  field: number;
  data: ColumnData;
}

export interface WrittenSegment {
  path: string;
  bytes: number;
  blocks: number;
}

function encodeValues(d: ColumnData, from: number, to: number): Uint8Array {
  const n = to - from;
  switch (d.type) {
    case FieldType.Float:
      return encodeFloats(d.values.subarray(from, to), n);
    case FieldType.Integer:
      return encodeIntegers(d.words.subarray(2 * from, 2 * to), n);
    case FieldType.Unsigned:
      return encodeUnsigned(d.words.subarray(2 * from, 2 * to), n);
    case FieldType.Boolean: {
      const bits = new Uint8Array(n);
      for (let i = 0; i < n; i++) bits[i] = d.values[from + i] === 0 ? 0 : 1;
      return encodeBooleans(bits, n);
    }
    case FieldType.String:
      return encodeStrings(d.strings!.slice(from, to), n);
  }
}

/** Encoded bytes are written to the file whenever this much has accumulated. */
const WRITE_CHUNK = 1 << 20;

/**
 * Writes one immutable segment: to a temp file, fsync, rename into place, fsync the directory, so
 * a crash at any point leaves either no segment or a whole one. Columns must arrive sorted by
 * (series, field); each is cut into blocks of at most `blockPoints` values. Columns are consumed
 * one at a time and blocks streamed to the file, so memory stays bounded by a column and a write
 * chunk, not the segment.
 */
export async function writeSegment(
  dir: string,
  name: string,
  windowStartMs: number,
  flushSeq: number,
  meta: SegmentMeta,
  columns: Iterable<SegmentColumn>,
  blockPoints: number,
): Promise<WrittenSegment> {
  const path = join(dir, name);
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, "w");
  let written = 0;
  const chunk = new ByteWriter(WRITE_CHUNK + (1 << 16));
  const drain = async () => {
    const bytes = chunk.finish();
    for (let off = 0; off < bytes.length; ) off += (await fh.write(bytes, off)).bytesWritten;
    written += bytes.length;
    chunk.reset();
  };
  let index = new BlockIndex(0, 64);
  try {
    chunk.bytes(SEGMENT_MAGIC);
    for (const col of columns) {
      const d = col.data;
      for (let from = 0; from < d.n; from += blockPoints) {
        const to = Math.min(d.n, from + blockPoints);
        const offset = written + chunk.length;
        const times = encodeTimestamps(d.times.subarray(from, to), to - from);
        const values = encodeValues(d, from, to);
        chunk.bytes(times);
        chunk.bytes(values);
        const stats = computeBlockStats(d, from, to);
        index = index.push({
          series: col.series,
          field: col.field,
          type: d.type,
          flags: stats ? BLOCK_FLAG_STATS : 0,
          count: to - from,
          crc: Bun.hash.crc32(chunk.finish().subarray(offset - written)),
          minTime: d.times[from],
          maxTime: d.times[to - 1],
          offset,
          timesLen: times.length,
          valuesLen: values.length,
          stats,
        });
        if (chunk.length >= WRITE_CHUNK) await drain();
      }
    }
    const footerStart = chunk.length;
    chunk.u32(SEGMENT_VERSION);
    chunk.f64(windowStartMs);
    chunk.f64(flushSeq);
    chunk.string(JSON.stringify(meta));
    chunk.u32(index.length);
    const encodedIndex = index.encode();
    chunk.u32(encodedIndex.length);
    chunk.bytes(encodedIndex);
    const footerLength = chunk.length - footerStart;
    chunk.u32(footerLength);
    chunk.u32(Bun.hash.crc32(chunk.finish().subarray(footerStart, footerStart + footerLength)));
    chunk.bytes(SEGMENT_MAGIC);
    await drain();
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  fsyncDir(dir);
  return { path, bytes: written, blocks: index.length };
}
