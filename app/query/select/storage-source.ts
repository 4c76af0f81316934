/** A bucket's storage as a DataSource. Lists are built once per statement and kept. */
import type { BucketStore, TimeRange } from "../../../storage/tsdb/bucket-store.ts";
import type { SeriesIndex } from "../../../storage/tsdb/index/series-index.ts";
import type { FieldType } from "../../../storage/tsdb/point-batch.ts";
import type { ColumnChunk } from "../../../storage/tsdb/scan.ts";
import { type DT, fromFieldType } from "./data-type.ts";
import type { DataSource, SeriesInfo } from "./data-source.ts";
import { compareBytes } from "../byte-order.ts";
import { seriesInKeyOrder } from "../series-order.ts";

const MS = 1_000_000n;

function split(ns: bigint): { ms: number; ns: number } {
  let ms = ns / MS;
  if (ns % MS < 0n) ms -= 1n;
  return { ms: Number(ms), ns: Number(ns - ms * MS) };
}

/**
 * A measurement's series list in key order, its tag keys and each series' position in the list:
 * kept across statements while the measurement gains no series (an index never loses any).
 */
interface MeasurementSeries {
  count: number;
  list: SeriesInfo[];
  tagKeys?: Set<string>;
  positions?: Map<number, number>;
}

const seriesCache = new WeakMap<SeriesIndex, Map<string, MeasurementSeries>>();

/**
 * A measurement's field types by the registry's map of them, kept across statements: that map only
 * grows (a dropped measurement gets a new one), so its size tells whether a translation is current.
 */
const fieldTypesCache = new WeakMap<ReadonlyMap<string, FieldType>, { size: number; types: Map<string, DT> }>();

export class StorageSource implements DataSource {
  readonly windowMs: number;
  private names: string[] | undefined;
  private range: { lo: bigint; hi: bigint; range: TimeRange } | undefined;

  constructor(private readonly store: BucketStore) {
    this.windowMs = store.windowMs;
  }

  measurements(): readonly string[] {
    this.names ??= this.store.index.measurements().sort(compareBytes);
    return this.names;
  }

  fieldTypes(measurement: string): ReadonlyMap<string, DT> {
    const stored = this.store.registry.fieldsOf(measurement);
    let c = fieldTypesCache.get(stored);
    if (c === undefined || c.size !== stored.size) {
      c = { size: stored.size, types: new Map() };
      for (const [name, type] of stored) c.types.set(name, fromFieldType(type));
      fieldTypesCache.set(stored, c);
    }
    return c.types;
  }

  private cached(measurement: string): MeasurementSeries {
    const index = this.store.index;
    let byName = seriesCache.get(index);
    if (byName === undefined) seriesCache.set(index, (byName = new Map()));
    const ids = seriesInKeyOrder(index, measurement);
    let c = byName.get(measurement);
    if (c === undefined || c.count !== ids.length) {
      const defs = index.defs;
      byName.set(measurement, (c = { count: ids.length, list: ids.map((id) => ({ id, key: defs[id].key, tags: defs[id].tags })) }));
    }
    return c;
  }

  tagKeys(measurement: string): ReadonlySet<string> {
    const c = this.cached(measurement);
    if (c.tagKeys === undefined) {
      c.tagKeys = new Set();
      for (const s of c.list) for (let i = 0; i < s.tags.length; i += 2) c.tagKeys.add(s.tags[i]);
    }
    return c.tagKeys;
  }

  series(measurement: string): readonly SeriesInfo[] {
    return this.cached(measurement).list;
  }

  seriesWithTag(measurement: string, key: string, value: string): number[] {
    const ids = this.store.index.seriesWithTag(measurement, key, value);
    if (ids.length === 0) return [];
    const c = this.cached(measurement);
    if (c.positions === undefined) {
      c.positions = new Map();
      c.list.forEach((s, i) => c.positions!.set(s.id, i));
    }
    const out: number[] = [];
    for (const id of ids) out.push(c.positions.get(id)!);
    return out.sort((a, b) => a - b);
  }

  scan(seriesId: number, field: string, lo: bigint, hi: bigint): ColumnChunk[] {
    // A statement scans many columns over the same range: split it once.
    if (this.range === undefined || this.range.lo !== lo || this.range.hi !== hi) {
      const a = split(lo);
      const b = split(hi);
      this.range = { lo, hi, range: { startMs: a.ms, startNs: a.ns, endMs: b.ms, endNs: b.ns } };
    }
    return this.store.scanColumn(seriesId, field, this.range.range);
  }
}
