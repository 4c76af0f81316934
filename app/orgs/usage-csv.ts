/**
 * `GET /api/v2/orgs/{orgID}/usage` as annotated CSV, in the shape of the spec's example. strata
 * keeps no usage history, so the answer is what it can measure: each bucket's storage in bytes
 * now (segment files plus buffered data), as the `storage_usage_bucket_bytes` gauge at the time
 * of the request.
 */
import type { Bucket } from "../../storage/meta/schema.ts";
import type { Engine } from "../../storage/tsdb/engine.ts";

const HEADER = [
  "#group,false,false,true,true,false,false,true,true,true,true",
  "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string,string",
  "#default,_result,,,,,,,,,",
  ",result,table,_start,_stop,_time,_value,_field,_measurement,bucket_id,org_id",
];

function bucketStorageBytes(engine: Engine, bucketId: string): number {
  const store = engine.bucketStore(bucketId);
  if (!store) return 0;
  let bytes = store.active.bytes;
  for (const s of store.sealed) bytes += s.buffer.bytes;
  for (const list of store.segments.values()) for (const s of list) bytes += Bun.file(s.reader.path).size;
  return bytes;
}

/** One table per bucket, times as RFC3339; `startS`/`stopS` are the request's unix seconds. */
export function usageCsv(engine: Engine, buckets: Bucket[], startS: number, stopS: number, now: Date): string {
  const start = new Date(startS * 1000).toISOString();
  const stop = new Date(stopS * 1000).toISOString();
  const rows = buckets.map(
    (b, table) => `,,${table},${start},${stop},${now.toISOString()},${bucketStorageBytes(engine, b.id)},gauge,storage_usage_bucket_bytes,${b.id},${b.orgId}`,
  );
  return `${[...HEADER, ...rows].join("\r\n")}\r\n`;
}
