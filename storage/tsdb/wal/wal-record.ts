import { ByteReader } from "../byte-reader.ts";
import { ByteWriter } from "../byte-writer.ts";
import type { PointBatch, SeriesDef } from "../point-batch.ts";
import type { Tombstone } from "../tombstone.ts";

/**
 * What the WAL stores: a write (the accepted points of one request, in the batch's own columnar
 * layout, so encoding is a few copies) or a delete. Records are self-contained: replay needs no
 * other state than the records before them.
 */
export type WalRecord =
  | { kind: "write"; seq: number; bucketId: string; batch: PointBatch }
  | { kind: "delete"; seq: number; bucketId: string; tombstone: Tombstone }
  | { kind: "drop-bucket"; seq: number; bucketId: string };

/**
 * A series' encoded form, cached per SeriesDef object: the parser reuses SeriesDef objects across
 * requests, so most batches encode their series by copying bytes.
 */
const encodedSeries = new WeakMap<SeriesDef, Uint8Array>();
const utf8 = new TextEncoder();

function seriesBytes(s: SeriesDef): Uint8Array {
  let bytes = encodedSeries.get(s);
  if (bytes === undefined) {
    const json = utf8.encode(JSON.stringify([s.key, s.measurement, ...s.tags]));
    bytes = new Uint8Array(4 + json.length);
    new DataView(bytes.buffer).setUint32(0, json.length, true);
    bytes.set(json, 4);
    encodedSeries.set(s, bytes);
  }
  return bytes;
}

/** Close to the encoded size, so the writer rarely grows (a copy of the whole record). */
function writeRecordSize(b: PointBatch): number {
  let size = 1024 + b.fieldCount * 17 + b.pointCount * 16;
  for (const s of b.series) size += seriesBytes(s).length;
  for (const k of b.fieldKeys) size += 3 * k.length + 4;
  for (const str of b.strings) size += 3 * str.length + 4;
  return size;
}

const KIND_WRITE = 1;
const KIND_DELETE = 2;
const KIND_DROP_BUCKET = 3;

export function encodeWalRecord(rec: WalRecord): Uint8Array {
  const w = new ByteWriter(rec.kind === "write" ? writeRecordSize(rec.batch) : 256);
  w.u8(rec.kind === "write" ? KIND_WRITE : rec.kind === "delete" ? KIND_DELETE : KIND_DROP_BUCKET);
  w.f64(rec.seq);
  w.string(rec.bucketId);
  if (rec.kind === "delete") w.string(JSON.stringify(rec.tombstone));
  if (rec.kind !== "write") return w.finish();
  const b = rec.batch;
  w.u32(b.series.length);
  for (const s of b.series) w.bytes(seriesBytes(s));
  w.string(JSON.stringify([b.fieldKeys, b.strings]));
  w.u32(b.pointCount);
  w.u32(b.fieldCount);
  w.array(b.pointSeries, b.pointCount);
  w.array(b.pointTimeMs, b.pointCount);
  w.array(b.pointTimeNs, b.pointCount);
  w.array(b.fieldPoint, b.fieldCount);
  w.array(b.fieldKey, b.fieldCount);
  w.array(b.fieldType, b.fieldCount);
  w.array(b.fieldValues, b.fieldCount);
  return w.finish();
}

export function decodeWalRecord(bytes: Uint8Array): WalRecord {
  const r = new ByteReader(bytes);
  const kind = r.u8();
  const seq = r.f64();
  const bucketId = r.string();
  if (kind === KIND_DROP_BUCKET) return { kind: "drop-bucket", seq, bucketId };
  if (kind === KIND_DELETE) return { kind: "delete", seq, bucketId, tombstone: JSON.parse(r.string()) as Tombstone };
  if (kind !== KIND_WRITE) throw new RangeError(`unknown WAL record kind ${kind}`);
  const series: string[][] = [];
  for (let i = r.u32(); i > 0; i--) series.push(JSON.parse(r.string()) as string[]);
  const [fieldKeys, strings] = JSON.parse(r.string()) as [string[], string[]];
  const pointCount = r.u32();
  const fieldCount = r.u32();
  const pointSeries = r.int32s(pointCount);
  const pointTimeMs = r.float64s(pointCount);
  const pointTimeNs = r.int32s(pointCount);
  const fieldPoint = r.int32s(fieldCount);
  const fieldKey = r.int32s(fieldCount);
  const fieldType = r.uint8s(fieldCount);
  const fieldValues = r.float64s(fieldCount);
  const batch: PointBatch = {
    series: series.map(([key, measurement, ...tags]): SeriesDef => ({ key, measurement, tags })),
    fieldKeys,
    strings,
    pointCount,
    pointSeries,
    pointTimeMs,
    pointTimeNs,
    pointLine: new Int32Array(pointCount),
    fieldCount,
    fieldPoint,
    fieldKey,
    fieldType: fieldType as PointBatch["fieldType"],
    fieldValues,
    fieldWords: new Int32Array(fieldValues.buffer),
    rejected: [],
    lineCount: pointCount,
  };
  return { kind: "write", seq, bucketId, batch };
}
