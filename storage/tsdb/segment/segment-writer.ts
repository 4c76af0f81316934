import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import { ByteWriter } from "../byte-writer.ts";
import { encodeBooleans, encodeFloats, encodeIntegers, encodeStrings, encodeTimestamps, encodeUnsigned } from "../codec/column.ts";
import type { ColumnData } from "../column-data.ts";
import { fsyncDir } from "../fsync-dir.ts";
import { FieldType } from "../point-batch.ts";
import { computeBlockStats } from "./block-stats.ts";
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

/**
 * Writes one immutable segment: to a temp file, fsync, rename into place, fsync the directory, so
 * a crash at any point leaves either no segment or a whole one. Columns must arrive sorted by
 * (series, field); each is cut into blocks of at most `blockPoints` values.
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
  const body = new ByteWriter(1 << 20);
  body.bytes(SEGMENT_MAGIC);
  const records = new ByteWriter(1 << 16);
  let blocks = 0;
  for (const col of columns) {
    const d = col.data;
    for (let from = 0; from < d.n; from += blockPoints) {
      const to = Math.min(d.n, from + blockPoints);
      const offset = body.length;
      const times = encodeTimestamps(d.times.subarray(from, to), to - from);
      const values = encodeValues(d, from, to);
      body.bytes(times);
      body.bytes(values);
      const crc = Bun.hash.crc32(body.finish().subarray(offset));
      const stats = computeBlockStats(d, from, to);
      records.u32(col.series);
      records.u32(col.field);
      records.u8(d.type);
      records.u8(stats ? BLOCK_FLAG_STATS : 0);
      records.u8(0);
      records.u8(0);
      records.u32(to - from);
      records.u32(crc);
      records.f64(d.times[from]);
      records.f64(d.times[to - 1]);
      records.f64(offset);
      records.u32(times.length);
      records.u32(values.length);
      records.f64(stats?.min ?? 0);
      records.f64(stats?.max ?? 0);
      records.f64(stats?.sum ?? 0);
      records.f64(stats?.first ?? 0);
      records.f64(stats?.last ?? 0);
      blocks++;
    }
  }
  const footerStart = body.length;
  body.u32(SEGMENT_VERSION);
  body.f64(windowStartMs);
  body.f64(flushSeq);
  body.string(JSON.stringify(meta));
  body.u32(blocks);
  body.bytes(records.finish());
  const footerLength = body.length - footerStart;
  body.u32(footerLength);
  body.u32(Bun.hash.crc32(body.finish().subarray(footerStart, footerStart + footerLength)));
  body.bytes(SEGMENT_MAGIC);

  const path = join(dir, name);
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, "w");
  try {
    const bytes = body.finish();
    for (let off = 0; off < bytes.length; ) off += (await fh.write(bytes, off)).bytesWritten;
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  fsyncDir(dir);
  return { path, bytes: body.length, blocks };
}
