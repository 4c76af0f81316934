/**
 * count, sum, mean, min, max, first and last over one measurement: per-series partial aggregates
 * (from block statistics and typed arrays where possible), combined per tag set in the order
 * InfluxDB's parallel merge feeds them to its reducer, into one point per window and group.
 */
import { compareBytes } from "../byte-order.ts";
import { StatementError } from "../statement-error.ts";
import { DT, storageFieldType, typeName } from "./data-type.ts";
import type { DataSource } from "./data-source.ts";
import type { VarRefQ } from "./expr.ts";
import { getDimensions, type IterOptions } from "./iter-options.ts";
import { combineOrder } from "./merge-order.ts";
import { chunkPartials, iteratorPartials, type Partial, type PartialFn } from "./partials.ts";
import { type Point, type Stream, ZERO_TIME } from "./point.ts";
import { orderedTagSets } from "./raw-points.ts";
import { MeanReducer, SelectorReducer, SumReducer } from "./reducers.ts";
import { SeriesIterator } from "./series-iterator.ts";
import type { Reducer } from "./stream-ops.ts";
import { subsetTags, type Tags } from "./tags.ts";
import { WindowPlan } from "./window.ts";
import type { Value } from "./value.ts";

/** The types each function accepts (InfluxDB's `new<Fn>Iterator` switches). */
const ACCEPTS: Record<PartialFn, DT[]> = {
  count: [DT.Float, DT.Integer, DT.Unsigned, DT.String, DT.Boolean],
  first: [DT.Float, DT.Integer, DT.Unsigned, DT.String, DT.Boolean],
  last: [DT.Float, DT.Integer, DT.Unsigned, DT.String, DT.Boolean],
  min: [DT.Float, DT.Integer, DT.Unsigned, DT.Boolean],
  max: [DT.Float, DT.Integer, DT.Unsigned, DT.Boolean],
  sum: [DT.Float, DT.Integer, DT.Unsigned],
  mean: [DT.Float, DT.Integer, DT.Unsigned],
};

/** The error InfluxDB gives when a function meets a type it has no iterator for. */
export function unsupportedType(fn: string, type: DT): StatementError {
  return new StatementError(`unsupported ${fn} iterator type: *query.${typeName(type)}InterruptIterator`);
}

export function checkAccepts(fn: PartialFn, type: DT): void {
  if (!ACCEPTS[fn].includes(type)) throw unsupportedType(fn, type);
}

/** The type a function's result has for an input type. */
export function partialOutType(fn: PartialFn, input: DT): DT {
  if (fn === "count") return DT.Integer;
  if (fn === "mean") return DT.Float;
  return input;
}

/** Reducer combining partials (or points) of `fn` one level up: counts add up, as InfluxDB's merge turns count() into sum(). */
export function combiner(fn: PartialFn): () => Reducer {
  switch (fn) {
    case "count":
    case "sum":
      return () => new SumReducer();
    case "mean":
      return () => new MeanReducer();
    default:
      return () => new SelectorReducer(fn);
  }
}

const MS = 1_000_000n;

/** A window's value of a partial function: count and sum as they are, a mean not yet re-weighed, a selector's point value. */
export function partialValue(fn: PartialFn, p: Partial, type: DT): Value {
  switch (fn) {
    case "count":
      return BigInt(p.count);
    case "sum":
      return type === DT.Float ? p.fsum : p.isum;
    case "mean":
      return type === DT.Float ? p.fsum / p.count : Number(p.isum) / p.count;
    default:
      return p.value;
  }
}

function partialPoint(fn: PartialFn, p: Partial, type: DT, name: string, tags: Tags): Point {
  const value = partialValue(fn, p, type);
  if (fn === "count" || fn === "sum") return { name, tags, time: p.window, value, nil: false, aux: null, aggregated: 0 };
  if (fn === "mean") return { name, tags, time: p.window, value, nil: false, aux: null, aggregated: p.count };
  return { name, tags, time: BigInt(p.base) * MS + BigInt(p.offset), value, nil: false, aux: p.aux, aggregated: 0 };
}

/**
 * What the combining reducer makes of points that are each alone in their window and group, in
 * place: a sum or count of one value and a selection of one point are that point, but a mean is
 * re-weighted by its count (which can move its last digit, as it does in InfluxDB).
 */
export function reduceAlone(s: Stream, fn: PartialFn): Stream {
  if (fn === "mean") for (const p of s.points) reweigh(p);
  return s;
}

function reweigh(p: Point): void {
  if (p.aggregated >= 2) p.value = reweighed(p.value as number, p.aggregated);
  else p.aggregated = 1;
}

/** A mean of `count` points through one more level of InfluxDB's mean reducer: (mean × count) / count. */
export function reweighed(mean: number, count: number): number {
  return count >= 2 ? (mean * count) / count : mean;
}

export interface PartialRequest {
  fn: PartialFn;
  ref: VarRefQ;
  /** min/max must report their point's time (a lone selector without GROUP BY time). */
  needTime: boolean;
  /** Windows each series must supply from the query-order end (0 for all). */
  windowBudget: number;
}

/** L1 and L2 of InfluxDB's aggregation for one measurement: points carry window (or selected) times. */
export function measurementPartials(ds: DataSource, measurement: string, req: PartialRequest, opt: IterOptions): Stream {
  const { fn, ref } = req;
  const fieldType = ds.fieldTypes(measurement).get(ref.name);
  const points: Point[] = [];
  if (fieldType === undefined) return { type: DT.Float, points };
  const castType = ref.type !== DT.Unknown && ref.type !== DT.AnyField ? ref.type : fieldType;
  const numeric = (t: DT) => t === DT.Float || t === DT.Integer || t === DT.Unsigned;
  if (castType !== fieldType && !(numeric(castType) && numeric(fieldType))) return { type: DT.Float, points };
  const plan = new WindowPlan(
    { duration: opt.interval.duration, offset: opt.interval.offset, tz: opt.tz, startTime: opt.startTime, endTime: opt.endTime },
    ds.windowMs,
    opt.startTime,
    opt.endTime,
  );
  const dims = getDimensions(opt);
  const combine = combiner(fn);
  let checked = false;
  for (const set of orderedTagSets(ds, measurement, opt)) {
    if (set.series.length === 0) continue;
    if (!checked) {
      checkAccepts(fn, castType);
      checked = true;
    }
    const perSeries: Partial[][] = set.series.map((s) => {
      if (s.filter !== null || opt.aux.length > 0 || castType !== fieldType) {
        const it = SeriesIterator.open({ ds, measurement, series: s.info, main: ref, aux: opt.aux, filter: s.filter, lo: opt.startTime, hi: opt.endTime, ascending: opt.ascending });
        return it === null ? [] : iteratorPartials(it, fn, plan, req.windowBudget);
      }
      const chunks = ds.scan(s.info.id, ref.name, opt.startTime, opt.endTime);
      return chunkPartials(chunks, fn, storageFieldType(fieldType), plan, opt.ascending, req.needTime, req.windowBudget);
    });
    const groupTags = set.series.map((s) => subsetTags(s.info.tags, dims));
    if (perSeries.length === 1) {
      for (const partial of perSeries[0]) {
        const p = partialPoint(fn, partial, castType, measurement, groupTags[0]);
        if (fn === "mean") reweigh(p);
        points.push(p);
      }
      continue;
    }
    const cursors = new Array<number>(perSeries.length).fill(0);
    const order = combineOrder(
      perSeries.map((ps) => ps.map((p) => p.window)),
      opt.ascending,
    );
    for (const [window, seriesInOrder] of order) {
      const groups = new Map<string, { tags: Tags; reducer: Reducer }>();
      for (const si of seriesInOrder) {
        const partial = perSeries[si][cursors[si]++];
        const tags = groupTags[si];
        let g = groups.get(tags.id);
        if (g === undefined) groups.set(tags.id, (g = { tags, reducer: combine() }));
        g.reducer.aggregate(partialPoint(fn, partial, castType, measurement, tags));
      }
      const ids = [...groups.keys()].sort(compareBytes);
      for (const id of ids) {
        const g = groups.get(id)!;
        for (const p of g.reducer.emit()) {
          p.name = measurement;
          p.tags = g.tags;
          if (p.time === ZERO_TIME) p.time = window;
          points.push(p);
        }
      }
    }
  }
  return { type: partialOutType(fn, castType), points };
}

