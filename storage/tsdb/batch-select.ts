import type { PointBatch } from "./point-batch.ts";

/** A copy of `batch` holding only the points whose `keep` flag is set (with their fields). */
export function selectPoints(batch: PointBatch, keep: Uint8Array, kept: number): PointBatch {
  const pointSeries = new Int32Array(kept);
  const pointTimeMs = new Float64Array(kept);
  const pointTimeNs = new Int32Array(kept);
  const pointLine = new Int32Array(kept);
  const newIndex = new Int32Array(batch.pointCount).fill(-1);
  let p2 = 0;
  for (let p = 0; p < batch.pointCount; p++) {
    if (!keep[p]) continue;
    newIndex[p] = p2;
    pointSeries[p2] = batch.pointSeries[p];
    pointTimeMs[p2] = batch.pointTimeMs[p];
    pointTimeNs[p2] = batch.pointTimeNs[p];
    pointLine[p2] = batch.pointLine[p];
    p2++;
  }
  let fields = 0;
  for (let f = 0; f < batch.fieldCount; f++) if (keep[batch.fieldPoint[f]]) fields++;
  const fieldPoint = new Int32Array(fields);
  const fieldKey = new Int32Array(fields);
  const fieldType = new Uint8Array(fields);
  const fieldValues = new Float64Array(fields);
  const fieldWords = new Int32Array(fieldValues.buffer);
  let f2 = 0;
  for (let f = 0; f < batch.fieldCount; f++) {
    const p = batch.fieldPoint[f];
    if (!keep[p]) continue;
    fieldPoint[f2] = newIndex[p];
    fieldKey[f2] = batch.fieldKey[f];
    fieldType[f2] = batch.fieldType[f];
    fieldWords[2 * f2] = batch.fieldWords[2 * f];
    fieldWords[2 * f2 + 1] = batch.fieldWords[2 * f + 1];
    f2++;
  }
  return {
    ...batch,
    pointCount: kept,
    pointSeries,
    pointTimeMs,
    pointTimeNs,
    pointLine,
    fieldCount: fields,
    fieldPoint,
    fieldKey,
    fieldType: fieldType as PointBatch["fieldType"],
    fieldValues,
    fieldWords,
  };
}
