/**
 * Which series of a measurement a WHERE clause can match, and the filter each must still apply to
 * its points: a port of InfluxDB 1.6.7's in-memory index (`WalkWhereForSeriesIds`). Tag
 * comparisons are answered here, per series, through the tag index where it helps; what remains
 * (field comparisons, and parts of an OR that a series' tags do not settle) becomes that series'
 * filter. So `host = 'a' OR usage > 90` keeps every point of host a and only the busy points of
 * the others.
 */
import { DT } from "./data-type.ts";
import type { DataSource, SeriesInfo } from "./data-source.ts";
import type { QExpr } from "./expr.ts";
import { reduce } from "./reduce-expr.ts";
import { tagValue } from "./tags.ts";

/** Selected series (indexes into the measurement's series list, ascending) and their filters. */
export interface SeriesSelection {
  ids: number[];
  /** Index → filter; absent means every point passes. */
  filters: Map<number, QExpr>;
}

interface Measurement {
  ds: DataSource;
  name: string;
  series: readonly SeriesInfo[];
  /** Every position, built on first use (an indexed tag lookup never needs it). */
  all?: number[];
  fields: ReadonlyMap<string, DT>;
}

export function selectSeries(ds: DataSource, name: string, condition: QExpr | null): SeriesSelection {
  const series = ds.series(name);
  if (condition === null) return { ids: series.map((_, i) => i), filters: new Map() };
  const m: Measurement = { ds, name, series, fields: ds.fieldTypes(name) };
  return walkWhere(m, condition);
}

const EMPTY: SeriesSelection = { ids: [], filters: new Map() };

function walkWhere(m: Measurement, e: QExpr): SeriesSelection {
  switch (e.kind) {
    case "binary":
      switch (e.op) {
        case "=":
        case "!=":
        case "<":
        case "<=":
        case ">":
        case ">=":
        case "=~":
        case "!~": {
          const { ids, filter } = idsForExpr(m, e);
          if (ids.length === 0) return EMPTY;
          const keep = filter !== null && !(filter.kind === "boolean" && filter.value) ? filter : null;
          const filters = new Map<number, QExpr>();
          if (keep !== null) for (const id of ids) filters.set(id, keep);
          return { ids, filters };
        }
        case "AND":
        case "OR": {
          const l = walkWhere(m, e.lhs);
          const r = walkWhere(m, e.rhs);
          return e.op === "AND" ? intersect(l, r) : union(l, r);
        }
        default:
          return { ids: idsForExpr(m, e).ids, filters: new Map() };
      }
    case "paren":
      return walkWhere(m, e.expr);
    case "boolean":
      return e.value ? { ids: allIds(m), filters: new Map() } : EMPTY;
    default:
      return EMPTY;
  }
}

function intersect(l: SeriesSelection, r: SeriesSelection): SeriesSelection {
  const ids: number[] = [];
  const filters = new Map<number, QExpr>();
  let i = 0;
  let j = 0;
  while (i < l.ids.length && j < r.ids.length) {
    const a = l.ids[i];
    const b = r.ids[j];
    if (a === b) {
      ids.push(a);
      const lf = l.filters.get(a);
      const rf = r.filters.get(b);
      const f = lf !== undefined && rf !== undefined ? reduce({ kind: "binary", op: "AND", lhs: lf, rhs: rf }, null) : (lf ?? rf);
      if (f !== undefined) filters.set(a, f);
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return { ids, filters };
}

function union(l: SeriesSelection, r: SeriesSelection): SeriesSelection {
  const ids: number[] = [];
  const filters = new Map<number, QExpr>();
  let i = 0;
  let j = 0;
  const take = (id: number, f: QExpr | undefined) => {
    ids.push(id);
    if (f !== undefined) filters.set(id, f);
  };
  while (i < l.ids.length && j < r.ids.length) {
    const a = l.ids[i];
    const b = r.ids[j];
    if (a === b) {
      // A side without a filter matched the whole series: the union needs no filter then.
      const lf = l.filters.get(a);
      const rf = r.filters.get(b);
      take(a, lf !== undefined && rf !== undefined ? reduce({ kind: "binary", op: "OR", lhs: lf, rhs: rf }, null) : undefined);
      i++;
      j++;
    } else if (a < b) take(l.ids[i++], l.filters.get(a));
    else take(r.ids[j++], r.filters.get(b));
  }
  while (i < l.ids.length) take(l.ids[i], l.filters.get(l.ids[i++]));
  while (j < r.ids.length) take(r.ids[j], r.filters.get(r.ids[j++]));
  return { ids, filters };
}

const isFieldRef = (m: Measurement, name: string, type: DT) =>
  name !== "_name" && ((type === DT.Unknown && m.fields.has(name)) || type === DT.AnyField || (type !== DT.Tag && type !== DT.Unknown));

/** Series whose tag `key` has a value accepted by `pred` (never those lacking the tag). */
function withTag(m: Measurement, key: string, pred: (v: string) => boolean): number[] {
  const out: number[] = [];
  m.series.forEach((s, i) => {
    const v = tagValue(s.tags, key);
    if (v !== "" && pred(v)) out.push(i);
  });
  return out;
}

/** Series whose tag equals `value`, via the tag index when the source has one. */
function withTagValue(m: Measurement, key: string, value: string): number[] {
  return m.ds.seriesWithTag?.(m.name, key, value) ?? withTag(m, key, (v) => v === value);
}

function allIds(m: Measurement): number[] {
  return (m.all ??= m.series.map((_, i) => i));
}

const complement = (m: Measurement, ids: number[]) => {
  const drop = new Set(ids);
  return allIds(m).filter((i) => !drop.has(i));
};

function idsForExpr(m: Measurement, n: QExpr & { kind: "binary" }): { ids: number[]; filter: QExpr | null } {
  const passOn = () => ({ ids: allIds(m), filter: n as QExpr });
  if (n.lhs.kind === "binary" || n.rhs.kind === "binary") return passOn();
  let name = n.lhs;
  let value = n.rhs;
  if (name.kind !== "varref") {
    if (n.rhs.kind !== "varref") return passOn();
    name = n.rhs;
    value = n.lhs;
  }
  if (name.kind !== "varref") return passOn();
  if (isFieldRef(m, name.name, name.type)) return passOn();
  if (value.kind === "varref" && (isFieldRef(m, value.name, value.type) || name.type === DT.AnyField)) return passOn();
  const key = name.name;

  if (value.kind === "string") {
    const s = value.value;
    if (n.op === "=") return { ids: s !== "" ? withTagValue(m, key, s) : complement(m, withTag(m, key, () => true)), filter: null };
    if (n.op === "!=") return { ids: s !== "" ? complement(m, withTagValue(m, key, s)) : withTag(m, key, () => true), filter: null };
    return { ids: [], filter: null };
  }
  if (value.kind === "regex") {
    const re = value.re;
    const empty = re.test("");
    if (n.op === "=~") return { ids: empty ? complement(m, withTag(m, key, (v) => !re.test(v))) : withTag(m, key, (v) => re.test(v)), filter: null };
    if (n.op === "!~") return { ids: empty ? withTag(m, key, (v) => !re.test(v)) : complement(m, withTag(m, key, (v) => re.test(v))), filter: null };
    return { ids: [], filter: null };
  }
  if (value.kind === "varref") {
    const other = value.name;
    const same: number[] = [];
    m.series.forEach((s, i) => {
      const a = tagValue(s.tags, key);
      if (a !== "" && a === tagValue(s.tags, other)) same.push(i);
    });
    if (n.op === "=") return { ids: same, filter: null };
    if (n.op === "!=") return { ids: complement(m, same), filter: null };
    return { ids: [], filter: null };
  }
  return passOn();
}
