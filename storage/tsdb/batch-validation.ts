import { fieldTypeConflictMessage, type FieldRegistry } from "./index/field-registry.ts";
import type { FieldType, PointBatch, RejectedLine } from "./point-batch.ts";

export interface Validation {
  /** 1 for each point that may be written. */
  keep: Uint8Array;
  kept: number;
  rejected: RejectedLine[];
}

export const OUTSIDE_RETENTION_MESSAGE = "point is older than the bucket's retention period";

const UNKNOWN = -1;
const UNRESOLVED = -2;

/**
 * Decides which points of a batch the bucket accepts: a point is rejected whole when one of its
 * fields conflicts with the type already registered for (measurement, field) — the first write of
 * a field fixes its type, also within this batch — or when it is older than the retention cutoff.
 */
export function validateBatch(batch: PointBatch, registry: FieldRegistry, minTimeMs: number | undefined): Validation {
  const keep = new Uint8Array(batch.pointCount).fill(1);
  const rejected: RejectedLine[] = [];
  let kept = batch.pointCount;
  const reject = (p: number, message: string): void => {
    if (!keep[p]) return;
    keep[p] = 0;
    kept--;
    rejected.push({ line: batch.pointLine[p], message });
  };

  if (minTimeMs !== undefined) {
    for (let p = 0; p < batch.pointCount; p++) {
      if (batch.pointTimeMs[p] < minTimeMs) reject(p, OUTSIDE_RETENTION_MESSAGE);
    }
  }

  // (measurement of the point's series, field key) → registered type, resolved once per pair.
  const measurementOf = new Int32Array(batch.series.length);
  const measurements: string[] = [];
  const measurementIds = new Map<string, number>();
  for (let s = 0; s < batch.series.length; s++) {
    const m = batch.series[s].measurement;
    let id = measurementIds.get(m);
    if (id === undefined) measurementIds.set(m, (id = measurements.push(m) - 1));
    measurementOf[s] = id;
  }
  const nKeys = batch.fieldKeys.length;
  const expected = new Int8Array(measurements.length * nKeys).fill(UNRESOLVED);

  for (let f = 0; f < batch.fieldCount; f++) {
    const p = batch.fieldPoint[f];
    if (!keep[p]) continue;
    const m = measurementOf[batch.pointSeries[p]];
    const k = batch.fieldKey[f];
    const slot = m * nKeys + k;
    let want = expected[slot];
    if (want === UNRESOLVED) want = expected[slot] = registry.typeOf(measurements[m], batch.fieldKeys[k]) ?? UNKNOWN;
    const got = batch.fieldType[f] as FieldType;
    if (want === got) continue;
    if (want === UNKNOWN) {
      // The first line to use a new field fixes its type, unless that line is rejected anyway.
      if (pointFieldsConflict(batch, p, f, measurements[m], registry)) continue;
      registry.define(measurements[m], batch.fieldKeys[k], got);
      expected[slot] = got;
      continue;
    }
    reject(p, fieldTypeConflictMessage(batch.fieldKeys[k], measurements[m], got, want as FieldType));
  }
  return { keep, kept, rejected };
}

/** Checks the later fields of point `p` (from field `f` on) against the registry; rejects nothing itself. */
function pointFieldsConflict(batch: PointBatch, p: number, f: number, measurement: string, registry: FieldRegistry): boolean {
  for (let g = f + 1; g < batch.fieldCount && batch.fieldPoint[g] === p; g++) {
    const want = registry.typeOf(measurement, batch.fieldKeys[batch.fieldKey[g]]);
    if (want !== undefined && want !== batch.fieldType[g]) return true;
  }
  return false;
}
