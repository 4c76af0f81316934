/**
 * Writes to an explicit-schema bucket (SEMANTICS.md §7): a line is rejected, like a malformed one,
 * when its measurement has no schema, when it has a tag or field the schema doesn't define as such,
 * or when a field's type isn't the schema's. Columns the schema defines may be left out of a line.
 */
import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Bucket, MeasurementColumn } from "../../storage/meta/schema.ts";
import { selectPoints } from "../../storage/tsdb/batch-select.ts";
import { FIELD_TYPE_NAMES, type PointBatch, type RejectedLine } from "../../storage/tsdb/point-batch.ts";

/** Measurement → column name → column, of one bucket. */
export interface WriteSchema {
  bucketName: string;
  measurements: Map<string, Map<string, MeasurementColumn>>;
}

/** The schema writes to the bucket must match; undefined for an implicit-schema bucket. */
export async function loadWriteSchema(meta: MetaStore, bucket: Bucket): Promise<WriteSchema | undefined> {
  if (bucket.schemaType !== "explicit") return undefined;
  const measurements = new Map<string, Map<string, MeasurementColumn>>();
  for (const s of await meta.measurementSchemas.list(bucket.id)) {
    measurements.set(s.name, new Map(s.columns.map((c) => [c.name, c])));
  }
  return { bucketName: bucket.name, measurements };
}

/** The batch without the points that break the schema, those added to its rejected lines. */
export function enforceWriteSchema(batch: PointBatch, schema: WriteSchema): PointBatch {
  const keep = new Uint8Array(batch.pointCount).fill(1);
  const rejected: RejectedLine[] = [];
  let kept = batch.pointCount;
  const reject = (p: number, message: string) => {
    if (!keep[p]) return;
    keep[p] = 0;
    kept--;
    rejected.push({ line: batch.pointLine[p], message });
  };

  // A series' measurement and tags are checked once, whatever the number of its points.
  const seriesError = batch.series.map((s) => seriesViolation(schema, s.measurement, s.tags));
  for (let p = 0; p < batch.pointCount; p++) {
    const error = seriesError[batch.pointSeries[p]];
    if (error !== undefined) reject(p, error);
  }
  for (let f = 0; f < batch.fieldCount; f++) {
    const p = batch.fieldPoint[f];
    if (!keep[p]) continue;
    const measurement = batch.series[batch.pointSeries[p]].measurement;
    const name = batch.fieldKeys[batch.fieldKey[f]];
    const column = schema.measurements.get(measurement)!.get(name);
    const got = FIELD_TYPE_NAMES[batch.fieldType[f]];
    if (column?.type !== "field") reject(p, notDefined("field", name, measurement, column));
    else if (column.dataType !== got) reject(p, `field "${name}" on measurement "${measurement}" is type ${got}, the schema requires ${column.dataType}`);
  }

  if (rejected.length === 0) return batch;
  const accepted = selectPoints(batch, keep, kept);
  accepted.rejected = [...batch.rejected, ...rejected].sort((a, b) => a.line - b.line);
  return accepted;
}

function seriesViolation(schema: WriteSchema, measurement: string, tags: string[]): string | undefined {
  const columns = schema.measurements.get(measurement);
  if (!columns) return `measurement "${measurement}" has no schema in explicit-schema bucket "${schema.bucketName}"`;
  for (let i = 0; i < tags.length; i += 2) {
    const column = columns.get(tags[i]);
    if (column?.type !== "tag") return notDefined("tag", tags[i], measurement, column);
  }
  return undefined;
}

function notDefined(kind: "tag" | "field", name: string, measurement: string, column: MeasurementColumn | undefined): string {
  const is = column === undefined ? "is not in the schema" : `is a ${column.type} column in the schema, not a ${kind}`;
  return `${kind} "${name}" on measurement "${measurement}" ${is}`;
}
