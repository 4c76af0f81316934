/**
 * The raw points of a measurement for one variable, as InfluxDB's storage hands them to the query
 * engine: per tag set, the series' points merged by time (series order breaks ties), tag sets in
 * tag order. Raw queries (no driving field: rows wherever an auxiliary field has a point) and
 * functions that need every point (median, top, derivative, ...) read this.
 */
import { compareUtf8 } from "../encode/tag-order.ts";
import { DT } from "./data-type.ts";
import type { DataSource } from "./data-source.ts";
import type { VarRefQ } from "./expr.ts";
import { getDimensions, type IterOptions } from "./iter-options.ts";
import type { Point, Stream } from "./point.ts";
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
  return sets.sort((a, b) => dir * compareUtf8(a.tags.id, b.tags.id));
}

interface Open {
  it: SeriesIterator;
  order: number;
  tags: Tags;
}

/**
 * Points of one measurement for `main` (null: a raw query's rows) with `opt.aux`, tag set after
 * tag set. `perSetLimit` stops each tag set after that many points (LIMIT + OFFSET of a raw query).
 */
export function measurementPoints(ds: DataSource, measurement: string, main: VarRefQ | null, opt: IterOptions, perSetLimit = 0): Stream {
  const points: Point[] = [];
  let type: DT | undefined;
  const times = new TimeMaker();
  const dims = getDimensions(opt);
  for (const set of orderedTagSets(ds, measurement, opt)) {
    const open: Open[] = [];
    set.series.forEach((s, order) => {
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
      if (it === null) return;
      type ??= it.type;
      if (it.next()) open.push({ it, order, tags: subsetTags(s.info.tags, dims) });
    });
    let emitted = 0;
    while (open.length > 0) {
      let best = 0;
      for (let k = 1; k < open.length; k++) if (before(open[k], open[best], opt.ascending)) best = k;
      const o = open[best];
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
      if (!it.next()) open.splice(best, 1);
    }
  }
  return { type: type ?? DT.Float, points };
}

function before(a: Open, b: Open, ascending: boolean): boolean {
  const x = a.it;
  const y = b.it;
  if (x.base !== y.base) return ascending ? x.base < y.base : x.base > y.base;
  if (x.offset !== y.offset) return ascending ? x.offset < y.offset : x.offset > y.offset;
  return a.order < b.order;
}
