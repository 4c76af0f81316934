/**
 * One field expression's stream, as InfluxDB 1.6.7's `buildExprIterator` / `buildCallIterator`
 * builds it: raw points of a variable, or a function over them (aggregates, selectors,
 * transforms, nested calls), then window times and fill as the function calls for.
 */
import { StatementError } from "../statement-error.ts";
import { MAX_TIME, MIN_TIME } from "./condition.ts";
import { DT } from "./data-type.ts";
import { type CallQ, exprString, type QExpr, type VarRefQ } from "./expr.ts";
import { HoltWintersReducer, MAX_FORECASTS } from "./holt-winters.ts";
import { type AnalysisArgs, IndicatorReducer, TECHNICAL_ANALYSIS_FUNCTIONS } from "./technical-analysis.ts";
import type { IterOptions } from "./iter-options.ts";
import { checkAccepts, combiner, measurementPartials, partialOutType, reduceAlone, unsupportedType } from "./partial-stream.ts";
import type { PartialFn } from "./partials.ts";
import type { Point, Stream } from "./point.ts";
import { measurementPoints, orderedTagSets } from "./raw-points.ts";
import {
  CountReducer,
  CumulativeSumReducer,
  DerivativeReducer,
  DifferenceReducer,
  DistinctReducer,
  ElapsedReducer,
  IntegralReducer,
  MedianReducer,
  ModeReducer,
  MovingAverageReducer,
  PercentileReducer,
  SampleReducer,
  SpreadReducer,
  StddevReducer,
  TopBottomReducer,
} from "./reducers.ts";
import { fillIterator, intervalIterator, mergeStreams, reduceIterator, type Reducer, streamIterator } from "./stream-ops.ts";
import { subqueryCallInput, subqueryVarRefPoints } from "./subquery.ts";
import type { BoundSource } from "./type-eval.ts";
import type { DataSource } from "./data-source.ts";

const NUMERIC: DT[] = [DT.Float, DT.Integer, DT.Unsigned];
const SECOND = 1_000_000_000n;
const EMPTY: Stream = { type: DT.Float, points: [] };

function check(fn: string, s: Stream, accepted: DT[]): void {
  if (s.points.length > 0 && !accepted.includes(s.type)) throw unsupportedType(iteratorName(fn), s.type);
}

/** How Go's iterator constructors name a function in their type errors (a non_negative_ one shares its base's). */
function iteratorName(fn: string): string {
  return fn.replace(/^non_negative_/, "").replaceAll("_", " ");
}

/** A transform's input: in time order, with one more GROUP BY window on the side it starts from. */
function transformInput(sources: BoundSource[], call: CallQ, opt: IterOptions, selector: boolean): { o: IterOptions; input: Stream } {
  const o = { ...opt, ordered: true };
  const interval = opt.interval.duration;
  if (interval !== 0n) {
    if (o.ascending) o.startTime -= interval;
    else o.endTime += interval;
  }
  return { o, input: exprStream(sources, call.args[0], o, selector) };
}

/** A technical analysis call's period, hold period (-1: the indicator's own) and warm-up type (null: the oscillator's plain form). */
function analysisArgs(call: CallQ): AnalysisArgs {
  const hold = call.args[2];
  const warmup = call.args[3];
  const named = warmup?.kind === "string" ? warmup.value : undefined;
  const plainOscillator = call.name === "chande_momentum_oscillator" && (named === undefined || named === "none");
  const period = integerArg(call, 1);
  // InfluxDB 1.6.7 panics here (its ring of period - 1 moves is empty).
  if (plainOscillator && period < 2) throw new StatementError("chande_momentum_oscillator period must be greater than 1 without a warmup type");
  return {
    period,
    hold: hold?.kind === "integer" ? Number(hold.value) : -1,
    warmup: plainOscillator ? null : named === "simple" ? "simple" : "exponential",
  };
}

/** Raw points of `ref` from every source (Go's buildVarRefIterator). */
export function varRefStream(sources: BoundSource[], ref: VarRefQ, opt: IterOptions): Stream {
  const inputs: Stream[] = [];
  for (const src of sources) {
    if (src.kind === "measurement") {
      if (src.ds === null) continue;
      for (const name of src.names) {
        const s = measurementPoints(src.ds, name, ref, opt);
        if (s.points.length > 0) inputs.push(s);
      }
    } else {
      const s = subqueryVarRefPoints(src, ref, opt);
      if (s !== null) inputs.push(s);
    }
  }
  if (inputs.length === 0) return EMPTY;
  return mergeStreams(inputs, opt.ascending);
}

export function exprStream(sources: BoundSource[], e: QExpr, opt: IterOptions, selector: boolean): Stream {
  if (e.kind === "varref") return varRefStream(sources, e, opt);
  if (e.kind === "call") return callStream(sources, e, opt, selector);
  throw new StatementError(`invalid expression type: ${e.kind}`);
}

function durationArg(call: CallQ, i: number): bigint | undefined {
  const a = call.args[i];
  return a !== undefined && a.kind === "duration" ? a.value : undefined;
}

function integerArg(call: CallQ, i: number): number {
  const a = call.args[i];
  return a.kind === "integer" ? Number(a.value) : 0;
}

/**
 * `windowBudget` (0 for all): how many windows from the query-order end each series must supply,
 * for a LIMIT over GROUP BY time() windows; only the outermost calls of a statement pass it.
 */
export function callStream(sources: BoundSource[], call: CallQ, outer: IterOptions, selector: boolean, windowBudget = 0): Stream {
  const opt: IterOptions = { ...outer, limit: 0, offset: 0 };
  const name = call.name;
  const interval = opt.interval.duration;
  if (TECHNICAL_ANALYSIS_FUNCTIONS.has(name)) {
    const { o, input } = transformInput(sources, call, opt, selector);
    check(name, input, NUMERIC);
    const args = analysisArgs(call);
    return streamIterator(input.points, o, DT.Float, () => new IndicatorReducer(name, args));
  }
  switch (name) {
    case "distinct": {
      const o = { ...opt, ordered: true };
      const input = exprStream(sources, call.args[0], o, selector);
      return intervalIterator(reduceIterator(input.points, o, input.type, () => new DistinctReducer()), o);
    }
    case "sample": {
      const o = { ...opt, ordered: true };
      const input = exprStream(sources, call.args[0], o, selector);
      const size = integerArg(call, 1);
      return reduceIterator(input.points, o, input.type, () => new SampleReducer(size));
    }
    case "holt_winters":
    case "holt_winters_with_fit": {
      const o = { ...opt, ordered: true };
      const input = exprStream(sources, call.args[0], o, selector);
      // One reducer per series over every aggregate of the statement's range.
      const whole: IterOptions = { ...o, startTime: MIN_TIME, endTime: MAX_TIME, interval: { duration: 0n, offset: 0n } };
      const h = integerArg(call, 1);
      if (h > MAX_FORECASTS) throw new StatementError(`${name} forecasts at most ${MAX_FORECASTS} points, not ${exprString(call.args[1])}`);
      const m = integerArg(call, 2);
      return reduceIterator(input.points, whole, DT.Float, () => new HoltWintersReducer(h, m, name === "holt_winters_with_fit", interval));
    }
    case "derivative":
    case "non_negative_derivative":
    case "difference":
    case "non_negative_difference":
    case "moving_average":
    case "elapsed": {
      const { o, input } = transformInput(sources, call, opt, selector);
      if (name === "elapsed") {
        const unit = durationArg(call, 1) ?? 1n;
        return streamIterator(input.points, o, DT.Integer, () => new ElapsedReducer(unit));
      }
      check(name, input, NUMERIC);
      if (name === "derivative" || name === "non_negative_derivative") {
        const unit = durationArg(call, 1) ?? (interval > 0n ? interval : SECOND);
        return streamIterator(input.points, o, DT.Float, () => new DerivativeReducer(unit, name === "non_negative_derivative", o.ascending));
      }
      if (name === "moving_average") {
        const n = integerArg(call, 1);
        return streamIterator(input.points, o, DT.Float, () => new MovingAverageReducer(n));
      }
      return streamIterator(input.points, o, input.type, () => new DifferenceReducer(name === "non_negative_difference"));
    }
    case "cumulative_sum": {
      const o = { ...opt, ordered: true };
      const input = exprStream(sources, call.args[0], o, selector);
      check(name, input, NUMERIC);
      return streamIterator(input.points, o, input.type, () => new CumulativeSumReducer());
    }
    case "integral": {
      const o = { ...opt, ordered: true };
      const input = exprStream(sources, call.args[0], o, false);
      check(name, input, NUMERIC);
      const unit = durationArg(call, 1) ?? SECOND;
      return streamIterator(input.points, o, DT.Float, () => new IntegralReducer(unit, o));
    }
    case "top":
    case "bottom":
      return topBottom(sources, call, opt, outer);
  }

  let s: Stream;
  switch (name) {
    case "count": {
      const arg0 = call.args[0];
      if (arg0.kind === "call" && arg0.name === "distinct") {
        const input = exprStream(sources, arg0, opt, selector);
        s = reduceIterator(input.points, opt, DT.Integer, () => new CountReducer());
        break;
      }
      s = partialCall(sources, "count", call, opt, selector, windowBudget);
      break;
    }
    case "min":
    case "max":
    case "sum":
    case "first":
    case "last":
    case "mean":
      s = partialCall(sources, name, call, opt, selector, windowBudget);
      break;
    case "median":
    case "mode":
    case "stddev":
    case "spread":
    case "percentile": {
      const o = name === "median" || name === "percentile" ? { ...opt, ordered: true } : opt;
      const input = exprStream(sources, call.args[0], o, false);
      const t = input.type;
      let create: () => Reducer;
      let outType = t;
      if (name === "mode") create = () => new ModeReducer(t);
      else {
        check(name, input, NUMERIC);
        if (name === "median") {
          create = () => new MedianReducer(t);
          outType = DT.Float;
        } else if (name === "stddev") {
          create = () => new StddevReducer();
          outType = DT.Float;
        } else if (name === "spread") create = () => new SpreadReducer();
        else {
          const arg = call.args[1];
          const pct = arg.kind === "number" ? arg.value : arg.kind === "integer" ? Number(arg.value) : 0;
          create = () => new PercentileReducer(pct);
        }
      }
      s = reduceIterator(input.points, o, outType, create);
      break;
    }
    default:
      throw new StatementError(`unsupported call: ${name}`);
  }
  if (!selector || interval !== 0n) {
    s = intervalIterator(s, opt);
    if (interval !== 0n && opt.fill !== "none") s = fillIterator(s, opt, name);
  }
  return s;
}

/**
 * The partial-aggregate functions through InfluxDB's levels: per series and tag set (storage),
 * the shard group, measurements matched by a regex, and the sources of the statement; each level
 * above the first merges and reduces again (a mean is re-weighted every time, as in 1.6.7).
 */
function partialCall(sources: BoundSource[], fn: PartialFn, call: CallQ, opt: IterOptions, selector: boolean, windowBudget = 0): Stream {
  const arg0 = call.args[0];
  if (arg0.kind !== "varref") throw new StatementError(`expected field argument in ${fn}()`);
  const level = (s: Stream, onePerGroup: boolean) => (onePerGroup && stableWindows(opt) ? reduceAlone(s, fn) : reduceIterator(s.points, opt, s.type, combiner(fn)));
  const loneFirstLast = (fn === "first" || fn === "last") && opt.interval.duration === 0n;
  const inputs: Stream[] = [];
  // A subquery's reduced points can hold several per window and group (its runs follow its own
  // series), so only storage inputs let the last level be skipped.
  let fromSubquery = false;
  for (const src of sources) {
    if (src.kind === "measurement") {
      if (src.ds === null) continue;
      const perName: Stream[] = [];
      for (const m of src.names) {
        if (src.ds.series(m).length === 0) continue;
        perName.push(
          loneFirstLast && mergesSeries(src.ds, m, opt)
            ? level(firstLastPoints(src.ds, m, fn, arg0, opt), false)
            : level(measurementPartials(src.ds, m, { fn, ref: arg0, needTime: selector && opt.interval.duration === 0n, windowBudget }, opt), true),
        );
      }
      if (perName.length === 0) continue;
      inputs.push(src.regex ? level(mergeStreams(perName, opt.ascending), perName.length === 1) : perName[0]);
    } else {
      const input = subqueryCallInput(src, arg0, opt);
      if (input === null) continue;
      if (input.points.length > 0) checkAccepts(fn, input.type);
      fromSubquery = true;
      const first = fn === "count" ? () => new CountReducer() : combiner(fn);
      inputs.push(reduceIterator(input.points, opt, partialOutType(fn, input.type), first));
    }
  }
  if (inputs.length === 0) return EMPTY;
  const merged = mergeStreams(inputs, opt.ascending);
  return level(merged, inputs.length === 1 && !fromSubquery);
}

/**
 * Points of each tag set that 1.6.7's storage hands to first() or last() without GROUP BY time:
 * the tag set's series go through the sorted merge (in time order, reversed for last) under a
 * limit of one — whose check lets a second point through. The reducer then picks between those
 * two, so at equal times the winner is the larger value of the two the merge's heap put first.
 */
function firstLastPoints(ds: DataSource, measurement: string, fn: "first" | "last", ref: VarRefQ, opt: IterOptions): Stream {
  const timeAscending = fn === "first";
  const s = measurementPoints(ds, measurement, ref, { ...opt, ascending: timeAscending }, LIMIT_ONE_PASSES);
  if (timeAscending !== opt.ascending) s.points = tagSetsReversed(s.points);
  return s;
}

/** Whether a tag set holds several series (with one each, a series' own first or last point is the answer). */
function mergesSeries(ds: DataSource, measurement: string, opt: IterOptions): boolean {
  return orderedTagSets(ds, measurement, opt).some((set) => set.series.length > 1);
}

/** Points 1.6.7's storage-level limit iterator passes for LIMIT 1 (it stops once count − offset > limit). */
const LIMIT_ONE_PASSES = 2;

/** The tag sets of a stream in reverse order, each one's points kept in theirs. */
function tagSetsReversed(points: Point[]): Point[] {
  const out: Point[] = [];
  let end = points.length;
  for (let i = points.length - 1; i >= 0; i--) {
    if (i === 0 || points[i - 1].tags.id !== points[i].tags.id) {
      out.push(...points.slice(i, end));
      end = i;
    }
  }
  return out;
}

/**
 * Whether a point's window start lies in the same window again, so reducing a level with one
 * point per window and group may skip finding windows (with a zone, or an offset wrapping around
 * the minimum time, InfluxDB's windows can move).
 */
function stableWindows(opt: IterOptions): boolean {
  return opt.interval.duration === 0n || (opt.tz === null && (opt.interval.offset === 0n || opt.startTime !== MIN_TIME));
}

function topBottom(sources: BoundSource[], call: CallQ, opt: IterOptions, outer: IterOptions): Stream {
  const top = call.name === "top";
  let input: Stream;
  if (call.args.length > 2) {
    const dims = new Set(opt.groupBy.length > 0 ? opt.groupBy : opt.dimensions);
    for (const a of call.args.slice(1, -1)) if (a.kind === "varref") dims.add(a.name);
    const inner: CallQ = { kind: "call", name: top ? "max" : "min", args: call.args.slice(0, 1) };
    input = partialCall(sources, top ? "max" : "min", inner, { ...opt, expr: inner, groupBy: [...dims], fill: "none" }, true);
  } else {
    const ref = call.args[0];
    if (ref.kind !== "varref") throw new StatementError(`expected first argument to be a field in ${call.name}()`);
    input = varRefStream(sources, ref, opt);
  }
  check(call.name, input, NUMERIC);
  const n = integerArg(call, call.args.length - 1);
  return reduceIterator(input.points, top ? opt : outer, input.type, () => new TopBottomReducer(n, top));
}
