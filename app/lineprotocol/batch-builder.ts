/**
 * Growable columns of one PointBatch. Arrays start from an estimate based on the body size and
 * double when full; the parser writes into them directly and rolls a rejected line back by
 * resetting the counts.
 */
import type { PointBatch, RejectedLine, SeriesDef } from "../../storage/tsdb/point-batch.ts";

export class BatchBuilder {
  pointCount = 0;
  pointSeries: Int32Array;
  pointTimeMs: Float64Array;
  pointTimeNs: Int32Array;
  pointLine: Int32Array;

  fieldCount = 0;
  fieldPoint: Int32Array;
  fieldKey: Int32Array;
  fieldType: Uint8Array;
  fieldValues: Float64Array;
  fieldWords: Int32Array;

  readonly strings: string[] = [];
  readonly series: SeriesDef[] = [];
  readonly fieldKeys: string[] = [];
  readonly rejected: RejectedLine[] = [];
  lineCount = 0;

  constructor(pointCapacity: number, fieldCapacity: number) {
    this.pointSeries = new Int32Array(pointCapacity);
    this.pointTimeMs = new Float64Array(pointCapacity);
    this.pointTimeNs = new Int32Array(pointCapacity);
    this.pointLine = new Int32Array(pointCapacity);
    this.fieldPoint = new Int32Array(fieldCapacity);
    this.fieldKey = new Int32Array(fieldCapacity);
    this.fieldType = new Uint8Array(fieldCapacity);
    this.fieldValues = new Float64Array(fieldCapacity);
    this.fieldWords = new Int32Array(this.fieldValues.buffer);
  }

  growPoints(): void {
    const n = this.pointSeries.length * 2;
    this.pointSeries = grow(this.pointSeries, new Int32Array(n));
    this.pointTimeMs = grow(this.pointTimeMs, new Float64Array(n));
    this.pointTimeNs = grow(this.pointTimeNs, new Int32Array(n));
    this.pointLine = grow(this.pointLine, new Int32Array(n));
  }

  growFields(): void {
    const n = this.fieldPoint.length * 2;
    this.fieldPoint = grow(this.fieldPoint, new Int32Array(n));
    this.fieldKey = grow(this.fieldKey, new Int32Array(n));
    this.fieldType = grow(this.fieldType, new Uint8Array(n));
    this.fieldValues = grow(this.fieldValues, new Float64Array(n));
    this.fieldWords = new Int32Array(this.fieldValues.buffer);
  }

  finish(): PointBatch {
    return {
      series: this.series,
      fieldKeys: this.fieldKeys,
      pointCount: this.pointCount,
      pointSeries: this.pointSeries,
      pointTimeMs: this.pointTimeMs,
      pointTimeNs: this.pointTimeNs,
      pointLine: this.pointLine,
      fieldCount: this.fieldCount,
      fieldPoint: this.fieldPoint,
      fieldKey: this.fieldKey,
      fieldType: this.fieldType,
      fieldValues: this.fieldValues,
      fieldWords: this.fieldWords,
      strings: this.strings,
      rejected: this.rejected,
      lineCount: this.lineCount,
    };
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
