import { FieldType, type PointBatch, type SeriesDef } from "../../../storage/tsdb/point-batch.ts";

/** A point as tests write it: int64/uint64 values and times as bigint so extremes are exact. */
export interface TestPoint {
  measurement: string;
  tags?: Record<string, string>;
  fields: Record<string, number | bigint | string | boolean | { u: bigint }>;
  /** Nanoseconds since the epoch. */
  time: bigint;
}

/** Builds the parser's columnar batch directly, so engine tests do not depend on the parser. */
export function buildBatch(points: TestPoint[]): PointBatch {
  const series: SeriesDef[] = [];
  const seriesIds = new Map<string, number>();
  const fieldKeys: string[] = [];
  const fieldIds = new Map<string, number>();
  const strings: string[] = [];
  const nFields = points.reduce((n, p) => n + Object.keys(p.fields).length, 0);
  const b: PointBatch = {
    series,
    fieldKeys,
    strings,
    pointCount: points.length,
    pointSeries: new Int32Array(points.length),
    pointTimeMs: new Float64Array(points.length),
    pointTimeNs: new Int32Array(points.length),
    pointLine: new Int32Array(points.length),
    fieldCount: nFields,
    fieldPoint: new Int32Array(nFields),
    fieldKey: new Int32Array(nFields),
    fieldType: new Uint8Array(nFields) as PointBatch["fieldType"],
    fieldValues: new Float64Array(nFields),
    fieldWords: new Int32Array(0),
    rejected: [],
    lineCount: points.length,
  };
  b.fieldWords = new Int32Array(b.fieldValues.buffer);
  const i64 = new BigInt64Array(b.fieldValues.buffer);
  const u64 = new BigUint64Array(b.fieldValues.buffer);
  let f = 0;
  points.forEach((p, i) => {
    const tags = Object.entries(p.tags ?? {}).sort(([a], [c]) => (a < c ? -1 : 1));
    const key = [p.measurement, ...tags.map(([k, v]) => `${k}=${v}`)].join(",");
    let sid = seriesIds.get(key);
    if (sid === undefined) seriesIds.set(key, (sid = series.push({ key, measurement: p.measurement, tags: tags.flat() }) - 1));
    b.pointSeries[i] = sid;
    const ms = p.time >= 0n ? p.time / 1_000_000n : -((-p.time + 999_999n) / 1_000_000n);
    b.pointTimeMs[i] = Number(ms);
    b.pointTimeNs[i] = Number(p.time - ms * 1_000_000n);
    b.pointLine[i] = i + 1;
    for (const [k, v] of Object.entries(p.fields)) {
      let kid = fieldIds.get(k);
      if (kid === undefined) fieldIds.set(k, (kid = fieldKeys.push(k) - 1));
      b.fieldPoint[f] = i;
      b.fieldKey[f] = kid;
      if (typeof v === "number") {
        b.fieldType[f] = FieldType.Float;
        b.fieldValues[f] = v;
      } else if (typeof v === "bigint") {
        b.fieldType[f] = FieldType.Integer;
        i64[f] = v;
      } else if (typeof v === "string") {
        b.fieldType[f] = FieldType.String;
        b.fieldValues[f] = strings.push(v) - 1;
      } else if (typeof v === "boolean") {
        b.fieldType[f] = FieldType.Boolean;
        b.fieldValues[f] = v ? 1 : 0;
      } else {
        b.fieldType[f] = FieldType.Unsigned;
        u64[f] = v.u;
      }
      f++;
    }
  });
  return b;
}
