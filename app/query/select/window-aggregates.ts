/**
 * GROUP BY time() aggregates without per-point objects, for the statement dashboards send most:
 * `SELECT mean(a), max(b), ... FROM m WHERE <time range> [AND <tag conditions>]
 * GROUP BY time(d)[, tags] [fill(null|none|<number>|previous)]`. Each series' per-window partials
 * become result rows directly, where the general path (cursor.ts) makes a point per window and
 * call, walks it through interval, fill and merge iterators, and joins the calls' streams.
 *
 * The answer is the general path's, exactly (property-tested against it): the same partials,
 * the same fill values and the same rounding of a mean. A statement outside this shape, or a tag
 * set of several series (whose partials need combining), gets undefined and takes the general path.
 */
import type { ResultSeries } from "../result.ts";
import { DT, storageFieldType } from "./data-type.ts";
import type { DataSource } from "./data-source.ts";
import type { CallQ, VarRefQ } from "./expr.ts";
import { getDimensions, type IterOptions, windowStartFor } from "./iter-options.ts";
import { chunkPartials, type Partial, type PartialFn } from "./partials.ts";
import { partialOutType, partialValue, reweighed } from "./partial-stream.ts";
import { orderedTagSets } from "./raw-points.ts";
import { columnNames, type SelectQ } from "./select-statement.ts";
import { castFill } from "./stream-ops.ts";
import type { TagSet } from "./tag-sets.ts";
import { subsetTags } from "./tags.ts";
import type { BoundSource } from "./type-eval.ts";
import type { Value } from "./value.ts";
import { WindowPlan } from "./window.ts";

const PARTIAL_FNS: ReadonlySet<string> = new Set<PartialFn>(["count", "sum", "mean", "min", "max", "first", "last"]);

/** Windows beyond this take the general path (which also enforces max-select-buckets). */
const MAX_WINDOWS = 1_000_000;

/** Times past this are left to the general path, whose window arithmetic wraps at int64 as Go's does. */
const LATEST = 2n ** 62n;

interface Column {
  fn: PartialFn;
  field: string;
  type: DT;
}

interface Shape {
  ds: DataSource;
  measurement: string;
  /** One per distinct (function, field); `fieldColumns` maps each statement field to one. */
  columns: Column[];
  fieldColumns: number[];
  sets: TagSet[];
}

/** The statement's rows as series, or undefined when it is not of this path's shape. */
export function windowAggregates(stmt: SelectQ, sources: BoundSource[], opt: IterOptions): ResultSeries[] | undefined {
  const shape = shapeOf(stmt, sources, opt);
  if (shape === undefined) return undefined;
  const { ds, measurement, columns, fieldColumns } = shape;
  const dur = opt.interval.duration;
  const first = windowStartFor(opt, opt.startTime);
  const last = windowStartFor(opt, opt.endTime);
  const plan = new WindowPlan({ duration: dur, offset: 0n, tz: null, startTime: opt.startTime, endTime: opt.endTime }, ds.windowMs, opt.startTime, opt.endTime);
  const names = columnNames(stmt);
  const dims = getDimensions(opt);
  const out: ResultSeries[] = [];
  for (const set of shape.sets) {
    const series = set.series[0].info;
    const partials = columns.map((c) => chunkPartials(ds.scan(series.id, c.field, opt.startTime, opt.endTime), c.fn, storageFieldType(c.type), plan, true, false, 0));
    const values = rowsOf(partials, columns, fieldColumns, opt, first, last, dur);
    if (values.length === 0) continue;
    const tags = subsetTags(series.tags, dims);
    const s: ResultSeries = { name: measurement, columns: names, values };
    if (tags.id !== "") s.tags = { ...tags.map };
    out.push(s);
  }
  return out;
}

function shapeOf(stmt: SelectQ, sources: BoundSource[], opt: IterOptions): Shape | undefined {
  if (stmt.hasTarget || stmt.omitTime || sources.length !== 1) return undefined;
  const dur = opt.interval.duration;
  if (dur <= 0n || opt.interval.offset !== 0n || opt.tz !== null || !opt.ascending || opt.limit > 0 || opt.offset > 0) return undefined;
  if (opt.fill === "linear" || opt.startTime < 0n || opt.endTime >= LATEST || opt.endTime < opt.startTime) return undefined;
  if ((opt.endTime - opt.startTime) / dur >= BigInt(MAX_WINDOWS)) return undefined;
  const src = sources[0];
  if (src.kind !== "measurement" || src.regex || src.ds === null || src.names.length !== 1) return undefined;
  const ds = src.ds;
  const measurement = src.names[0];
  const types = ds.fieldTypes(measurement);
  const columns: Column[] = [];
  const fieldColumns: number[] = [];
  for (const f of stmt.fields) {
    const call = partialCallOf(f.expr);
    if (call === undefined) return undefined;
    const type = types.get(call.ref.name);
    if (type !== DT.Float && type !== DT.Integer) return undefined;
    if (call.ref.type !== type && call.ref.type !== DT.Unknown && call.ref.type !== DT.AnyField) return undefined;
    let c = columns.findIndex((x) => x.fn === call.fn && x.field === call.ref.name);
    if (c < 0) c = columns.push({ fn: call.fn, field: call.ref.name, type }) - 1;
    fieldColumns.push(c);
  }
  const sets = orderedTagSets(ds, measurement, opt).filter((s) => s.series.length > 0);
  if (sets.some((s) => s.series.length !== 1 || s.series[0].filter !== null)) return undefined;
  return { ds, measurement, columns, fieldColumns, sets };
}

function partialCallOf(e: SelectQ["fields"][number]["expr"]): { fn: PartialFn; ref: VarRefQ } | undefined {
  if (e.kind !== "call" || !PARTIAL_FNS.has(e.name)) return undefined;
  const call = e as CallQ;
  const arg = call.args.length === 1 ? call.args[0] : undefined;
  return arg?.kind === "varref" ? { fn: call.name as PartialFn, ref: arg } : undefined;
}

/** What the general path shows for a window's partial. */
function cellValue(c: Column, p: Partial): Value {
  const value = partialValue(c.fn, p, c.type);
  if (c.fn !== "mean") return value;
  // One series passes three levels of InfluxDB's mean reducer (series, shard group, statement), each re-weighing it.
  return reweighed(reweighed(reweighed(value as number, p.count), p.count), p.count);
}

/**
 * One series' rows: every window of the range once a column has a point (fill(none): the windows
 * where one has), each column's partial or its fill: null, 0 for count with fill(null), the fill
 * number in the column's type, or the column's previous value.
 */
function rowsOf(partials: Partial[][], columns: Column[], fieldColumns: number[], opt: IterOptions, first: bigint, last: bigint, dur: bigint): Value[][] {
  const rows: Value[][] = [];
  if (partials.every((p) => p.length === 0)) return rows;
  const n = columns.length;
  const next = new Array<number>(n).fill(0);
  const previous = new Array<Value>(n).fill(null);
  const current = new Array<Value>(n);
  const fill = opt.fill;
  for (let w = first; w <= last; w += dur) {
    let any = false;
    for (let c = 0; c < n; c++) {
      const list = partials[c];
      const p = list[next[c]];
      if (p !== undefined && p.window === w) {
        next[c]++;
        current[c] = previous[c] = cellValue(columns[c], p);
        any = true;
      } else if (fill === "number") current[c] = castFill(opt.fillValue, partialOutType(columns[c].fn, columns[c].type));
      else if (list.length === 0 || fill === "none") current[c] = null;
      else if (fill === "previous") current[c] = previous[c];
      else current[c] = columns[c].fn === "count" ? 0n : null;
    }
    if (fill === "none" && !any) continue;
    const row = new Array<Value>(fieldColumns.length + 1);
    row[0] = w;
    for (let f = 0; f < fieldColumns.length; f++) row[f + 1] = current[fieldColumns[f]];
    rows.push(row);
  }
  return rows;
}
