/**
 * The raw points of a measurement for one variable, as InfluxDB's storage hands them to the query
 * engine: per tag set, the series' points merged by time (ties in Go's heap order), tag sets in
 * tag order. Raw queries (no driving field: rows wherever an auxiliary field has a point) and
 * functions that need every point (median, top, derivative, ...) read this.
 */
import { compareBytes } from "../byte-order.ts";
import { DT } from "./data-type.ts";
import type { DataSource } from "./data-source.ts";
import type { VarRefQ } from "./expr.ts";
import { getDimensions, type IterOptions } from "./iter-options.ts";
import type { Point, Stream } from "./point.ts";
import { heapInit, heapPop, heapPush } from "./go-heap.ts";
import { SeriesIterator } from "./series-iterator.ts";
import { type TagSet, tagSets } from "./tag-sets.ts";
import { subsetTags, type Tags } from "./tags.ts";

const MS = 1_000_000n;

/** Absolute nanoseconds of (storage window, offset); window bases repeat, so their BigInt is cached. */
export class TimeMaker {
  private base = NaN;
  private baseNs = 0n;
  at(base: number, offset: number): bigint {
    if (base !== this.base) {
      this.base = base;
      this.baseNs = BigInt(base) * MS;
    }
    return this.baseNs + BigInt(offset);
  }
}

/** Tag sets of a measurement in output order (tags ascending, descending for ORDER BY time DESC). */
export function orderedTagSets(ds: DataSource, measurement: string, opt: IterOptions): TagSet[] {
  const sets = tagSets(ds, measurement, {
    dimensions: opt.dimensions,
    condition: opt.condition,
    ascending: opt.ascending,
    slimit: opt.slimit,
    soffset: opt.soffset,
  });
  const dir = opt.ascending ? 1 : -1;
  return sets.sort((a, b) => dir * compareBytes(a.tags.id, b.tags.id));
}

interface Open {
  it: SeriesIterator;
  tags: Tags;
}

/**
 * Points of one measurement for `main` (null: a raw query's rows) with `opt.aux`, tag set after
 * tag set. `perSetLimit` stops each tag set after that many points (LIMIT + OFFSET of a raw query).
 * A tag set's series are merged as InfluxDB's sorted merge iterator merges them: a Go heap of the
 * series in series-key order, popped for each point and pushed back with its next one, so points
 * of equal time come out in the heap's order.
 */
export function measurementPoints(ds: DataSource, measurement: string, main: VarRefQ | null, opt: IterOptions, perSetLimit = 0): Stream {
  const points: Point[] = [];
  let type: DT | undefined;
  const times = new TimeMaker();
  const dims = getDimensions(opt);
  const less = opt.ascending ? earlier : later;
  for (const set of orderedTagSets(ds, measurement, opt)) {
    const heap: Open[] = [];
    for (const s of set.series) {
      const it = SeriesIterator.open({
        ds,
        measurement,
        series: s.info,
        main,
        aux: opt.aux,
        filter: s.filter,
        lo: opt.startTime,
        hi: opt.endTime,
        ascending: opt.ascending,
      });
      if (it === null) continue;
      type ??= it.type;
      if (it.next()) heap.push({ it, tags: subsetTags(s.info.tags, dims) });
    }
    heapInit(heap, less);
    let emitted = 0;
    while (heap.length > 0) {
      const o = heapPop(heap, less);
      const it = o.it;
      points.push({
        name: measurement,
        tags: o.tags,
        time: times.at(it.base, it.offset),
        value: it.value,
        nil: it.value === null,
        aux: it.aux.length > 0 ? it.aux.slice() : null,
        aggregated: 0,
      });
      if (perSetLimit > 0 && ++emitted >= perSetLimit) break;
      if (it.next()) heapPush(heap, o, less);
    }
  }
  return { type: type ?? DT.Float, points };
}

/** The sorted merge heap's order (ascending): time, then auxiliary values while both are strings. */
function earlier(a: Open, b: Open): boolean {
  const x = a.it;
  const y = b.it;
  if (x.base !== y.base) return x.base < y.base;
  if (x.offset !== y.offset) return x.offset < y.offset;
  return auxStringOrder(x.aux, y.aux) < 0;
}

function later(a: Open, b: Open): boolean {
  const x = a.it;
  const y = b.it;
  if (x.base !== y.base) return x.base > y.base;
  if (x.offset !== y.offset) return x.offset > y.offset;
  return auxStringOrder(x.aux, y.aux) > 0;
}

/**
 * How Go's sorted merge heap orders points of equal time by their auxiliary values: the first
 * pair that differs decides (byte order), if both are strings; any pair that is not two strings
 * ends the comparison as equal (0).
 */
function auxStringOrder(x: readonly unknown[], y: readonly unknown[]): number {
  if (x.length === 0 || x.length !== y.length) return 0;
  for (let i = 0; i < x.length; i++) {
    const v1 = x[i];
    const v2 = y[i];
    if (typeof v1 !== "string" || typeof v2 !== "string") return 0;
    if (v1 !== v2) return compareBytes(v1, v2);
  }
  return 0;
}
