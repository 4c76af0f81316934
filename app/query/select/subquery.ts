/**
 * Subqueries as a source (InfluxDB 1.6.7's `subqueryBuilder`): the inner statement runs with
 * options derived from the outer one (time range intersected, dimensions and SLIMIT passed down,
 * fill(null) dropped), the outer WHERE filters its rows, and each row becomes a point whose value
 * and auxiliary values are the inner columns (or GROUP BY tags) the outer statement names.
 */
import { conditionExpr, MAX_TIME, MIN_TIME } from "./condition.ts";
import { buildCursor, type Row } from "./cursor.ts";
import { DT } from "./data-type.ts";
import { compileExpr, truthy } from "./eval.ts";
import { exprNames, type VarRefQ } from "./expr.ts";
import { getDimensions, type IterOptions } from "./iter-options.ts";
import type { Point, Stream } from "./point.ts";
import { fieldName, type SelectQ } from "./select-statement.ts";
import { floatToInt64 } from "./series-iterator.ts";
import { tagsSubset } from "./tags.ts";
import type { BoundSource } from "./type-eval.ts";
import type { Value } from "./value.ts";

type Mapping = { kind: "field"; index: number; type: DT } | { kind: "tag"; key: string } | { kind: "null" };

/** Go's `castToType`: conversions that fail leave the value as it is. */
export function castToType(v: Value, type: DT): Value {
  switch (type) {
    case DT.Float:
      return typeof v === "bigint" ? Number(v) : v;
    case DT.Integer:
      return typeof v === "number" ? floatToInt64(v) : v;
    case DT.Unsigned:
      return typeof v === "number" ? BigInt.asUintN(64, floatToInt64(v)) : typeof v === "bigint" ? BigInt.asUintN(64, v) : v;
    default:
      return v;
  }
}

function mapField(stmt: SelectQ, ref: VarRefQ): Mapping | null {
  let offset = 0;
  for (let i = 0; i < stmt.fields.length; i++) {
    const f = stmt.fields[i];
    if (fieldName(f) === ref.name) return { kind: "field", index: i + offset, type: ref.type };
    if (f.expr.kind === "call" && (f.expr.name === "top" || f.expr.name === "bottom") && f.expr.args.length > 2) {
      const args = f.expr.args.slice(1, -1);
      for (let j = 0; j < args.length; j++) {
        const a = args[j];
        if (a.kind === "varref" && a.name === ref.name) return { kind: "field", index: i + j + 1, type: DT.String };
      }
      offset += args.length;
    }
  }
  for (const d of stmt.dimensions) if (d.kind === "varref" && d.name === ref.name) return { kind: "tag", key: d.name };
  return null;
}

function mapValue(m: Mapping, row: Row): Value {
  switch (m.kind) {
    case "field":
      return castToType(row.values[m.index], m.type);
    case "tag":
      return Object.hasOwn(row.tags.map, m.key) ? row.tags.map[m.key] : "";
    case "null":
      return null;
  }
}

/** Go's `newIteratorOptionsSubstatement`. */
function subOptions(stmt: SelectQ, opt: IterOptions, now: bigint): IterOptions {
  const { condition, range } = conditionExpr(stmt.condition, { tz: stmt.timeZone });
  let start = range.min ?? MIN_TIME;
  let end = range.max ?? MAX_TIME;
  const interval = intervalOf(stmt);
  if (start < opt.startTime) start = opt.startTime;
  if (end > opt.endTime) end = opt.endTime;
  if (interval.duration !== 0n && end === MAX_TIME) end = now;
  const dims = stmt.dimensions.flatMap((d) => (d.kind === "varref" ? [d.name] : []));
  const groupBy = new Set(dims);
  for (const d of opt.groupBy) groupBy.add(d);
  if (range.min !== null && range.min > opt.startTime) start = range.min;
  if (range.max !== null && range.max < opt.endTime) end = range.max;
  return {
    expr: null,
    aux: [],
    interval: interval.duration === 0n ? opt.interval : interval,
    dimensions: opt.dimensions,
    groupBy: [...groupBy],
    tz: stmt.timeZone,
    fill: !stmt.isRawQuery && stmt.fill === "null" ? "none" : stmt.fill,
    fillValue: stmt.fillValue,
    condition,
    startTime: start,
    endTime: end,
    ascending: opt.ascending,
    limit: stmt.limit,
    offset: stmt.offset,
    slimit: stmt.slimit + opt.slimit,
    soffset: stmt.soffset + opt.soffset,
    ordered: opt.ordered,
  };
}

function intervalOf(stmt: SelectQ): { duration: bigint; offset: bigint } {
  for (const d of stmt.dimensions) {
    if (d.kind === "call" && d.name === "time" && d.args[0]?.kind === "duration") {
      const duration = d.args[0].value;
      const off = d.args[1];
      const offset = off?.kind === "duration" && duration !== 0n ? off.value % duration : 0n;
      return { duration, offset };
    }
  }
  return { duration: 0n, offset: 0n };
}

/** Rows of the inner statement that pass the outer condition (Go's filterCursor). */
function innerRows(src: BoundSource & { kind: "subquery" }, opt: IterOptions): { rows: Row[]; subOpt: IterOptions } {
  const subOpt = subOptions(src.stmt, opt, src.now);
  const { columns, rows } = buildCursor(src.stmt, src.sources, subOpt);
  if (opt.condition === null) return { rows, subOpt };
  const refs = exprNames(opt.condition);
  const getters = refs.map((r) => {
    const i = columns.indexOf(r.name);
    return i >= 0 ? (row: Row) => castToType(row.values[i], r.type) : (row: Row) => (Object.hasOwn(row.tags.map, r.name) ? row.tags.map[r.name] : "");
  });
  const cond = compileExpr<Row>(
    opt.condition,
    (ref) => {
      const i = refs.findIndex((r) => r.name === ref.name && r.type === ref.type);
      return (row) => getters[i](row);
    },
    { integerFloatDivision: false, math: false },
  );
  return { rows: rows.filter((r) => truthy(cond(r))), subOpt };
}

function toPoints(rows: Row[], driver: Mapping | null, driverType: DT, aux: Mapping[], opt: IterOptions, subOpt: IterOptions): Point[] {
  const subset = getDimensions(opt).length !== getDimensions(subOpt).length;
  const dims = getDimensions(opt);
  return rows.map((row) => {
    let value: Value = null;
    let nil = false;
    if (driver !== null) {
      const v = mapValue(driver, row);
      value = v === null ? null : castDriver(v, driverType);
      nil = value === null;
    }
    return {
      name: row.name,
      tags: subset ? tagsSubset(row.tags, dims) : row.tags,
      time: row.time,
      value,
      nil,
      aux: aux.length > 0 ? aux.map((m) => mapValue(m, row)) : null,
      aggregated: 0,
    };
  });
}

/** The driver's value as the iterator type, or null (a nil point) when it is not of that kind. */
function castDriver(v: Value, type: DT): Value {
  switch (type) {
    case DT.Float:
      return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : null;
    case DT.Integer:
    case DT.Unsigned:
      return typeof v === "bigint" ? v : typeof v === "number" ? floatToInt64(v) : null;
    case DT.String:
    case DT.Tag:
      return typeof v === "string" ? v : null;
    case DT.Boolean:
      return typeof v === "boolean" ? v : null;
    default:
      return null;
  }
}

/** Points of a raw outer query over a subquery: one per inner row. */
export function subqueryAuxPoints(src: BoundSource & { kind: "subquery" }, opt: IterOptions): Stream | null {
  const aux = opt.aux.map((r) => mapField(src.stmt, r) ?? ({ kind: "null" } as const));
  const { rows, subOpt } = innerRows(src, opt);
  return { type: DT.Float, points: toPoints(rows, null, DT.Float, aux, opt, subOpt) };
}

/** Points of variable `ref` from a subquery; null when the subquery has nothing by that name. */
export function subqueryVarRefPoints(src: BoundSource & { kind: "subquery" }, ref: VarRefQ, opt: IterOptions): Stream | null {
  const driver = mapField(src.stmt, ref);
  if (driver === null) return null;
  const type = driver.kind === "tag" ? DT.String : driver.kind === "field" ? driver.type : DT.Unknown;
  if (type !== DT.Float && type !== DT.Integer && type !== DT.Unsigned && type !== DT.String && type !== DT.Tag && type !== DT.Boolean) {
    return { type: DT.Float, points: [] };
  }
  const aux = opt.aux.map((r) => mapField(src.stmt, r) ?? ({ kind: "null" } as const));
  const { rows, subOpt } = innerRows(src, opt);
  const points = toPoints(rows, driver, type, aux, opt, subOpt);
  return { type: type === DT.Tag ? DT.String : type, points };
}

/** A subquery feeding a call (Go wraps the subquery's points in a call iterator per source). */
export const subqueryCallInput = subqueryVarRefPoints;
