/**
 * PointBatch → plain points, for tests, the CLI and replication (not for the write path).
 */
import { FieldType, type PointBatch } from "../../storage/tsdb/point-batch.ts";
import type { FieldValue, LinePoint } from "./point.ts";

/** Time of point `i` in nanoseconds since the epoch. */
export function pointTimeNs(batch: PointBatch, i: number): bigint {
  return BigInt(batch.pointTimeMs[i]) * 1_000_000n + BigInt(batch.pointTimeNs[i]);
}

/** Value of field slot `k`. */
export function fieldValue(batch: PointBatch, k: number): FieldValue {
  const lo = BigInt(batch.fieldWords[k * 2] >>> 0);
  switch (batch.fieldType[k]) {
    case FieldType.Float:
      return { type: "float", value: batch.fieldValues[k] };
    case FieldType.Integer:
      return { type: "integer", value: (BigInt(batch.fieldWords[k * 2 + 1]) << 32n) | lo };
    case FieldType.Unsigned:
      return { type: "unsigned", value: (BigInt(batch.fieldWords[k * 2 + 1] >>> 0) << 32n) | lo };
    case FieldType.String:
      return { type: "string", value: batch.strings[batch.fieldValues[k]] };
    default:
      return { type: "boolean", value: batch.fieldValues[k] === 1 };
  }
}

/** The accepted points of a batch, in order, each with its series' measurement and tags. */
export function batchToPoints(batch: PointBatch): LinePoint[] {
  const points: LinePoint[] = [];
  for (let i = 0; i < batch.pointCount; i++) {
    const s = batch.series[batch.pointSeries[i]];
    const tags: Record<string, string> = {};
    for (let t = 0; t < s.tags.length; t += 2) setOwn(tags, s.tags[t], s.tags[t + 1]);
    points.push({ measurement: s.measurement, tags, fields: {}, time: pointTimeNs(batch, i) });
  }
  for (let k = 0; k < batch.fieldCount; k++) {
    setOwn(points[batch.fieldPoint[k]].fields, batch.fieldKeys[batch.fieldKey[k]], fieldValue(batch, k));
  }
  return points;
}

/** Assignment would treat a key named `__proto__` as the prototype; keys are user data here. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
