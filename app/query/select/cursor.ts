/**
 * Result rows of a prepared SELECT, as InfluxDB 1.6.7's `buildCursor` produces them: every call
 * and every bare variable of the field list becomes a symbol; each distinct call gets its own
 * stream (bare variables ride along as auxiliary values), the streams are joined on
 * (measurement, tags, time) with fill values for the ones missing a point, and each field
 * expression is evaluated over the joined symbols.
 */
import { DT } from "./data-type.ts";
import { asValue, compileExpr, type Evaluator } from "./eval.ts";
import { compareVarRefs, exprString, type QExpr, type VarRefQ } from "./expr.ts";
import { callStream } from "./call-stream.ts";
import type { IterOptions } from "./iter-options.ts";
import { isMathFunction } from "./math-functions.ts";
import type { Point, Stream } from "./point.ts";
import { auxStream } from "./aux-stream.ts";
import { columnNames, type SelectQ } from "./select-statement.ts";
import { limitIterator, castFill } from "./stream-ops.ts";
import type { Tags } from "./tags.ts";
import { type BoundSource, callType } from "./type-eval.ts";
import type { Value } from "./value.ts";
import { compareBytes } from "../byte-order.ts";

export interface Row {
  name: string;
  tags: Tags;
  time: bigint;
  /** One per column; the time column (when not omitted) holds the row time. */
  values: Value[];
}

export interface CursorResult {
  columns: string[];
  rows: Row[];
}

interface Symbol {
  index: number;
  type: DT;
}

/** Go's valueMapper: calls and variables replaced by symbols, identical expressions sharing one. */
class ValueMapper {
  readonly symbols = new Map<string, Symbol>();
  readonly calls: { call: QExpr & { kind: "call" }; symbol: Symbol }[] = [];
  readonly refs: { ref: VarRefQ; symbol: Symbol }[] = [];

  map(e: QExpr): QExpr {
    const seen = new Map<QExpr, Symbol>();
    const visit = (n: QExpr) => {
      const key = exprString(n);
      let symbol = this.symbols.get(key);
      if (symbol === undefined) {
        if (n.kind === "call" && !isMathFunction(n.name)) {
          symbol = { index: this.symbols.size, type: symbolType(n) };
          this.calls.push({ call: n, symbol });
        } else if (n.kind === "varref") {
          symbol = { index: this.symbols.size, type: n.type };
          this.refs.push({ ref: n, symbol });
        } else {
          if (n.kind === "call") n.args.forEach(visit);
          else if (n.kind === "binary") {
            visit(n.lhs);
            visit(n.rhs);
          } else if (n.kind === "paren") visit(n.expr);
          return;
        }
        this.symbols.set(key, symbol);
      }
      seen.set(n, symbol);
    };
    visit(e);
    const replace = (n: QExpr): QExpr => {
      const s = seen.get(n);
      if (s !== undefined) return { kind: "varref", name: `\u0000${s.index}`, type: s.type };
      switch (n.kind) {
        case "call":
          return { ...n, args: n.args.map(replace) };
        case "binary":
          return { ...n, lhs: replace(n.lhs), rhs: replace(n.rhs) };
        case "paren":
          return { ...n, expr: replace(n.expr) };
        default:
          return n;
      }
    };
    return replace(e);
  }
}

/** Symbol types use only the function result rules (DefaultTypeMapper): variables are typed already. */
function symbolType(e: QExpr): DT {
  switch (e.kind) {
    case "varref":
      return e.type;
    case "call":
      return callType(e.name, e.args.map(symbolType));
    case "paren":
      return symbolType(e.expr);
    case "number":
      return DT.Float;
    case "integer":
      return DT.Integer;
    case "string":
      return DT.String;
    case "boolean":
      return DT.Boolean;
    default:
      return DT.Unknown;
  }
}

const SKIP = Symbol("skip");
type Default = Value | typeof SKIP;

interface Scanner {
  points: Point[];
  i: number;
  /** Symbol of the stream's value (null for a raw query's stream), then of each auxiliary value. */
  keys: (Symbol | null)[];
}

/** Go's `castToType`: numeric fill values become the key's numeric type; anything else stays as it is. */
function castDefault(d: Default, type: DT): Value {
  if (d === SKIP || d === null) return null;
  if (type === DT.Float) return Number(d);
  if (type === DT.Integer || type === DT.Unsigned) return castFill(d as bigint | number, type);
  return d as Value;
}

function scanAt(s: Scanner, name: string, tags: Tags, time: bigint, m: Value[], def: Default): void {
  const p = s.points[s.i];
  if (p === undefined || p.time !== time || p.name !== name || p.tags.id !== tags.id) {
    if (def !== SKIP) for (const k of s.keys) if (k !== null) m[k.index] = castDefault(def, k.type);
    return;
  }
  s.i++;
  const k0 = s.keys[0];
  if (k0 !== null) {
    if (p.nil) {
      if (def !== SKIP) m[k0.index] = castDefault(def, k0.type);
    } else m[k0.index] = p.value;
  }
  if (p.aux !== null) {
    for (let a = 0; a < p.aux.length; a++) {
      const k = s.keys[a + 1]!;
      const v = p.aux[a];
      if (v !== undefined && v !== null) m[k.index] = v;
      else if (def !== SKIP) m[k.index] = castDefault(def, k.type);
    }
  }
}

/** Runs a prepared statement into rows. */
export function buildCursor(stmt: SelectQ, sources: BoundSource[], baseOpt: IterOptions): CursorResult {
  const opt: IterOptions = { ...baseOpt };
  let def: Default = null;
  if (opt.fill === "number") def = opt.fillValue;
  else if (opt.fill === "previous") def = SKIP;

  const mapper = new ValueMapper();
  const fields: QExpr[] = [];
  for (const f of stmt.fields) {
    fields.push(mapper.map(f.expr));
    if (!stmt.hasTarget && f.expr.kind === "call" && (f.expr.name === "top" || f.expr.name === "bottom")) {
      for (const arg of f.expr.args.slice(1, -1)) fields.push(mapper.map(arg));
    }
  }
  const columns = columnNames(stmt);

  const refs = [...mapper.refs].sort((a, b) => compareVarRefs(a.ref, b.ref));
  opt.aux = refs.map((r) => r.ref);
  const auxKeys = refs.map((r) => r.symbol);

  const scanners: Scanner[] = [];
  if (mapper.calls.length === 0) {
    if (!auxKeys.some((k) => k.type !== DT.Unknown)) return { columns, rows: [] };
    const s = auxStream(sources, opt);
    scanners.push({ points: s.points, i: 0, keys: [null, ...auxKeys] });
  } else {
    const selector = mapper.calls.length === 1 && isSelector(mapper.calls[0].call.name);
    // The rows up to LIMIT + OFFSET of a series come from at most as many windows (each window
    // gives a row at most once filled), and a linear fill of one of them draws on a window within
    // that count too (an empty row leaves room for the point after it).
    const windowBudget = opt.limit > 0 && opt.interval.duration > 0n ? opt.limit + opt.offset : 0;
    for (const { call, symbol } of mapper.calls) {
      if (symbol.type === DT.Unknown) continue;
      let s: Stream = callStream(sources, call, opt, selector, windowBudget);
      s = limitIterator(s, opt.limit, opt.offset);
      scanners.push({ points: s.points, i: 0, keys: [symbol, ...auxKeys] });
    }
  }
  if (scanners.length === 0) return { columns, rows: [] };

  const evals: Evaluator<Value[]>[] = fields.map((f) =>
    compileExpr<Value[]>(f, (ref) => {
      if (ref.name.startsWith("\u0000")) {
        const idx = Number(ref.name.slice(1));
        return (m) => m[idx];
      }
      return () => null;
    }, { integerFloatDivision: true, math: true }),
  );
  const offset = stmt.omitTime ? 0 : 1;
  const rows: Row[] = [];
  const m: Value[] = new Array(mapper.symbols.size).fill(null);
  let curName: string | undefined;
  let curTags: string | undefined;
  const asc = opt.ascending;
  for (;;) {
    let best: Point | undefined;
    for (const s of scanners) {
      const p = s.points[s.i];
      if (p === undefined) continue;
      if (best === undefined || (asc ? before(p, best) : before(best, p))) best = p;
    }
    if (best === undefined) break;
    const { name, tags, time } = best;
    if (name !== curName || tags.id !== curTags) {
      m.fill(null);
      curName = name;
      curTags = tags.id;
    }
    for (const s of scanners) scanAt(s, name, tags, time, m, def);
    const values: Value[] = new Array(evals.length + offset);
    if (offset === 1) values[0] = time;
    for (let f = 0; f < evals.length; f++) values[f + offset] = asValue(evals[f](m));
    rows.push({ name, tags, time, values });
  }
  return { columns, rows };
}

/** Go's multi-scanner order: measurement, then tags, then time. */
function before(a: Point, b: Point): boolean {
  if (a.name !== b.name) return compareBytes(a.name, b.name) < 0;
  if (a.tags.id !== b.tags.id) return compareBytes(a.tags.id, b.tags.id) < 0;
  return a.time < b.time;
}

function isSelector(name: string): boolean {
  switch (name) {
    case "first":
    case "last":
    case "min":
    case "max":
    case "percentile":
    case "sample":
    case "top":
    case "bottom":
      return true;
    default:
      return false;
  }
}
