/**
 * What the SELECT executor reads from: measurements, their field types and tag keys, their series,
 * and a series' column over a time range as time-ordered chunks. A bucket's storage provides it,
 * and so does the result of a subquery, so one executor serves both.
 */
import type { ColumnChunk } from "../../../storage/tsdb/scan.ts";
import type { DT } from "./data-type.ts";

export interface SeriesInfo {
  id: number;
  /** InfluxDB's series key (`cpu,host=a,region=b`): series are ordered by it. */
  key: string;
  /** [k0, v0, k1, v1, ...] sorted by key. */
  tags: readonly string[];
}

export interface DataSource {
  /** Length of the storage windows chunks belong to (a chunk's `baseMs` is a multiple of it). */
  readonly windowMs: number;
  /** Measurement names in Go's byte order. */
  measurements(): readonly string[];
  fieldTypes(measurement: string): ReadonlyMap<string, DT>;
  tagKeys(measurement: string): ReadonlySet<string>;
  /** The measurement's series in series-key order. */
  series(measurement: string): readonly SeriesInfo[];
  /** Positions in `series(measurement)` (ascending) of the series having `key` = `value`, for sources with a tag index. */
  seriesWithTag?(measurement: string, key: string, value: string): number[];
  /** Column of (series, field) within [lo, hi] (ns, inclusive) as non-overlapping chunks in time order. */
  scan(seriesId: number, field: string, lo: bigint, hi: bigint): ColumnChunk[];
}
