import type { Engine } from "../../../storage/tsdb/engine.ts";
import { FieldType } from "../../../storage/tsdb/point-batch.ts";

export type ReadValue = number | bigint | string | boolean;

const ALL_TIME = { startMs: -9.3e15, startNs: 0, endMs: 9.3e15, endNs: 0 };

/** Every stored value of (measurement+tags series key, field) as [ns time, value] pairs, through the scan API. */
export function readColumn(engine: Engine, bucket: string, seriesKey: string, field: string): [bigint, ReadValue][] {
  const store = engine.bucketStore(bucket);
  const sid = store?.index.lookup(seriesKey);
  if (store === undefined || sid === undefined) return [];
  const out: [bigint, ReadValue][] = [];
  for (const chunk of engine.scanColumn(bucket, sid, field, ALL_TIME)) {
    const d = chunk.read();
    const i64 = new BigInt64Array(d.values.buffer, d.values.byteOffset, d.n);
    const u64 = new BigUint64Array(d.values.buffer, d.values.byteOffset, d.n);
    for (let i = 0; i < d.n; i++) {
      const t = BigInt(d.baseMs) * 1_000_000n + BigInt(d.times[i]);
      const v: ReadValue =
        d.type === FieldType.Float ? d.values[i]
        : d.type === FieldType.Integer ? i64[i]
        : d.type === FieldType.Unsigned ? u64[i]
        : d.type === FieldType.Boolean ? d.values[i] === 1
        : d.strings![i];
      out.push([t, v]);
    }
  }
  return out;
}
