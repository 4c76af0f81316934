import type { PointBatch } from "../../storage/tsdb/point-batch.ts";

/**
 * InfluxDB 3's `precision=auto`: a batch parsed as nanoseconds is reinterpreted point by point
 * from the magnitude of its timestamp: < 5e9 seconds, < 5e12 milliseconds, < 5e15 microseconds,
 * else nanoseconds. Values below 5e15 are exact in a double, so no precision is lost.
 */
export function applyAutoPrecision(batch: PointBatch): void {
  for (let p = 0; p < batch.pointCount; p++) {
    const v = batch.pointTimeMs[p] * 1e6 + batch.pointTimeNs[p];
    if (v >= 5e15 || v < 0) continue;
    if (v < 5e9) {
      batch.pointTimeMs[p] = v * 1e3;
      batch.pointTimeNs[p] = 0;
    } else if (v < 5e12) {
      batch.pointTimeMs[p] = v;
      batch.pointTimeNs[p] = 0;
    } else {
      batch.pointTimeMs[p] = Math.floor(v / 1e3);
      batch.pointTimeNs[p] = (v % 1e3) * 1e3;
    }
  }
}
