/**
 * What an iterator is asked for (Go's `query.IteratorOptions`): time range, window, grouping,
 * ordering, fill, limits. Derived from the statement, then adjusted per call and per subquery as
 * InfluxDB adjusts it.
 */
import type { FillOption } from "../../influxql/ast.ts";
import type { Interval } from "./compile.ts";
import type { QExpr, VarRefQ } from "./expr.ts";
import { windowOf, windowStartOf } from "./window.ts";

export interface IterOptions {
  expr: QExpr | null;
  aux: VarRefQ[];
  interval: Interval;
  /** GROUP BY tag keys of the final output, as written. */
  dimensions: string[];
  /** Keys intermediate iterators group by (the dimensions, plus more in subqueries and top()/bottom()). */
  groupBy: string[];
  tz: string | null;
  fill: FillOption;
  fillValue: bigint | number | null;
  /** The condition left after the time range was taken out. */
  condition: QExpr | null;
  startTime: bigint;
  endTime: bigint;
  ascending: boolean;
  limit: number;
  offset: number;
  slimit: number;
  soffset: number;
  ordered: boolean;
}

/** Go's `GetDimensions`: the group-by keys when set, else the dimensions. */
export function getDimensions(opt: IterOptions): string[] {
  return opt.groupBy.length > 0 ? opt.groupBy : opt.dimensions;
}

const windowOptions = (opt: IterOptions) => ({ duration: opt.interval.duration, offset: opt.interval.offset, tz: opt.tz, startTime: opt.startTime, endTime: opt.endTime });

export function windowFor(opt: IterOptions, t: bigint): [bigint, bigint] {
  return windowOf(windowOptions(opt), t);
}

/** `windowFor(opt, t)[0]`: runs once per output point, so the common case costs two bigint steps. */
export function windowStartFor(opt: IterOptions, t: bigint): bigint {
  const dur = opt.interval.duration;
  if (dur > 0n && opt.tz === null && opt.interval.offset === 0n && t >= 0n) return windowStartOf(dur, t);
  return windowOf(windowOptions(opt), t)[0];
}
