/**
 * The points of one series for one expression, as InfluxDB's storage iterator yields them: times
 * come from the driving field (or, with none, from any of the auxiliary fields), auxiliary fields
 * and tags are read at those times, and the series' filter decides which points pass.
 */
import { blockExclusion, type BlockExclusion } from "./block-exclusion.ts";
import { ColumnCursor } from "./column-cursor.ts";
import { DT, storageFieldType } from "./data-type.ts";
import type { DataSource, SeriesInfo } from "./data-source.ts";
import { compileExpr, truthy, type Evaluator } from "./eval.ts";
import { exprNames, type QExpr, type VarRefQ } from "./expr.ts";
import { tagValue } from "./tags.ts";
import type { Value } from "./value.ts";

const INT64_MIN = -(2n ** 63n);

/** Go's float64 → int64 conversion on amd64: truncation, and MinInt64 when out of range. */
export function floatToInt64(v: number): bigint {
  if (!Number.isFinite(v) || v >= 9223372036854775808 || v < -9223372036854775808) return INT64_MIN;
  return BigInt(Math.trunc(v));
}

type Cast = ((v: Value) => Value) | null;

/** A cursor over a field read as `ref` asks (casts between numeric types), or null when it cannot be read so. */
export interface FieldRead {
  cursor: ColumnCursor;
  cast: Cast;
  type: DT;
}

export function openField(ds: DataSource, measurement: string, series: SeriesInfo, ref: VarRefQ, lo: bigint, hi: bigint, ascending: boolean): FieldRead | null {
  const ftype = ds.fieldTypes(measurement).get(ref.name);
  if (ftype === undefined) return null;
  let cast: Cast = null;
  let type: DT = ftype;
  if (ref.type !== DT.Unknown && ref.type !== DT.AnyField && ref.type !== ftype) {
    const numeric = ftype === DT.Float || ftype === DT.Integer || ftype === DT.Unsigned;
    if (!numeric) return null;
    if (ref.type === DT.Float) cast = (v) => (typeof v === "bigint" ? Number(v) : v);
    else if (ref.type === DT.Integer) cast = (v) => (typeof v === "number" ? floatToInt64(v) : typeof v === "bigint" ? BigInt.asIntN(64, v) : v);
    else if (ref.type === DT.Unsigned) cast = (v) => (typeof v === "number" ? BigInt.asUintN(64, floatToInt64(v)) : typeof v === "bigint" ? BigInt.asUintN(64, v) : v);
    else return null;
    type = ref.type;
  }
  const chunks = ds.scan(series.id, ref.name, lo, hi);
  return { cursor: new ColumnCursor(chunks, storageFieldType(ftype), ascending), cast, type };
}

/** An auxiliary or condition variable of one series: a field cursor, a tag value, or nothing. */
type Slot = { kind: "field"; read: FieldRead } | { kind: "const"; value: Value | undefined };

function openSlot(ds: DataSource, measurement: string, series: SeriesInfo, ref: VarRefQ, lo: bigint, hi: bigint, ascending: boolean): Slot {
  if (ref.type !== DT.Tag) {
    const read = openField(ds, measurement, series, ref, lo, hi, ascending);
    if (read !== null) return { kind: "field", read };
    if (ref.type !== DT.Unknown) return { kind: "const", value: undefined };
  }
  const v = tagValue(series.tags, ref.name);
  return { kind: "const", value: v === "" ? undefined : v };
}

function slotAt(slot: Slot, base: number, offset: number): Value | undefined {
  if (slot.kind === "const") return slot.value;
  const v = slot.read.cursor.valueAt(base, offset);
  return v !== undefined && slot.read.cast !== null ? slot.read.cast(v) : v;
}

export interface SeriesIteratorSpec {
  ds: DataSource;
  measurement: string;
  series: SeriesInfo;
  /** The driving field; null for raw queries, whose times come from the auxiliary fields. */
  main: VarRefQ | null;
  aux: readonly VarRefQ[];
  /** This series' filter (tags already resolved by the index), or null. */
  filter: QExpr | null;
  lo: bigint;
  hi: bigint;
  ascending: boolean;
}

/** Iterates the points of one series; after `next()` returns true, the fields describe the point. */
export class SeriesIterator {
  base = 0;
  offset = 0;
  value: Value = null;
  readonly aux: (Value | undefined)[];
  readonly type: DT;
  private readonly main: FieldRead | null;
  private readonly auxSlots: Slot[];
  private readonly auxFields: FieldRead[];
  private readonly condSlots: Slot[];
  private readonly condValues: (Value | undefined)[];
  private readonly condition: Evaluator<(Value | undefined)[]> | null;
  /**
   * For a raw read, a field the filter cannot pass without (see `requiredRefs`): its points are
   * the only candidates, so they drive the walk instead of every auxiliary field's points.
   */
  private readonly driver: ColumnCursor | null = null;
  /** Whether the filter rules out a whole block of the driver from its statistics, so it is skipped undecoded. */
  private readonly driverExclusion: BlockExclusion | null = null;

  private constructor(spec: SeriesIteratorSpec, main: FieldRead | null) {
    const { ds, measurement, series, lo, hi, ascending } = spec;
    this.main = main;
    this.type = main?.type ?? DT.Float;
    this.auxSlots = spec.aux.map((r) => openSlot(ds, measurement, series, r, lo, hi, ascending));
    this.auxFields = this.auxSlots.flatMap((s) => (s.kind === "field" ? [s.read] : []));
    this.aux = new Array(spec.aux.length);
    const condRefs = exprNames(spec.filter);
    this.condSlots = condRefs.map((r) => openSlot(ds, measurement, series, r, lo, hi, ascending));
    this.condValues = new Array(condRefs.length);
    this.condition =
      spec.filter === null
        ? null
        : compileExpr<(Value | undefined)[]>(
            spec.filter,
            (ref) => {
              const idx = condRefs.findIndex((r) => r.name === ref.name && r.type === ref.type);
              return (vals) => vals[idx] as Value;
            },
            { integerFloatDivision: false, math: true },
          );
    this.ascending = ascending;
    if (main === null && spec.filter !== null) {
      for (const ref of requiredRefs(spec.filter)) {
        const slot = this.condSlots[condRefs.findIndex((r) => r.name === ref.name && r.type === ref.type)];
        if (slot.kind === "field") {
          this.driver = slot.read.cursor;
          const numeric = slot.read.type === DT.Float || slot.read.type === DT.Integer;
          if (slot.read.cast === null && numeric) this.driverExclusion = blockExclusion(spec.filter, ref);
          break;
        }
      }
    }
  }

  private readonly ascending: boolean;

  /** Null when the driving field cannot be read (no such field, or a cast that is not possible): the series yields nothing. */
  static open(spec: SeriesIteratorSpec): SeriesIterator | null {
    let main: FieldRead | null = null;
    if (spec.main !== null) {
      main = openField(spec.ds, spec.measurement, spec.series, spec.main, spec.lo, spec.hi, spec.ascending);
      if (main === null) return null;
    }
    return new SeriesIterator(spec, main);
  }

  next(): boolean {
    if (this.driver !== null) return this.nextDriven(this.driver);
    for (;;) {
      if (this.main !== null) {
        const c = this.main.cursor;
        if (c.done) return false;
        this.base = c.base;
        this.offset = c.offset;
        const v = c.value;
        this.value = this.main.cast !== null ? this.main.cast(v) : v;
        c.next();
      } else if (!this.seekAux()) return false;
      // The filter first: auxiliary values of a point it drops are never read, only walked past.
      if (this.condition !== null) {
        for (let i = 0; i < this.condSlots.length; i++) this.condValues[i] = slotAt(this.condSlots[i], this.base, this.offset);
        if (!truthy(this.condition(this.condValues))) {
          if (this.main === null) for (const f of this.auxFields) f.cursor.passAt(this.base, this.offset);
          continue;
        }
      }
      for (let i = 0; i < this.auxSlots.length; i++) this.aux[i] = slotAt(this.auxSlots[i], this.base, this.offset);
      return true;
    }
  }

  /** `next()` walking the driver's points: those passing the filter where an auxiliary field has a point too. */
  private nextDriven(driver: ColumnCursor): boolean {
    for (;;) {
      if (driver.done) return false;
      const stats = this.driverExclusion !== null ? driver.chunkStats : undefined;
      if (stats !== undefined && this.driverExclusion!(stats.min, stats.max)) {
        driver.skipChunk();
        continue;
      }
      this.base = driver.base;
      this.offset = driver.offset;
      // Reading the filter's values takes the driver past this point.
      for (let i = 0; i < this.condSlots.length; i++) this.condValues[i] = slotAt(this.condSlots[i], this.base, this.offset);
      if (!truthy(this.condition!(this.condValues))) continue;
      if (!this.auxFields.some((f) => f.cursor.has(this.base, this.offset))) continue;
      for (let i = 0; i < this.auxSlots.length; i++) this.aux[i] = slotAt(this.auxSlots[i], this.base, this.offset);
      return true;
    }
  }

  /** The earliest (latest when descending) time any auxiliary field has next. */
  private seekAux(): boolean {
    let found = false;
    for (const f of this.auxFields) {
      const c = f.cursor;
      if (c.done) continue;
      const b = c.base;
      const o = c.offset;
      if (!found || (this.ascending ? b < this.base || (b === this.base && o < this.offset) : b > this.base || (b === this.base && o > this.offset))) {
        this.base = b;
        this.offset = o;
        found = true;
      }
    }
    return found;
  }
}

const COMPARISONS = new Set(["=", "!=", "<", "<=", ">", ">=", "=~", "!~"]);

/**
 * Variables without whose value at a point `e` is never true there: a comparison of a variable
 * with a literal is false when the variable is missing (Go's typed nil compares false), an AND
 * needs what either side needs, an OR what both sides need.
 */
function requiredRefs(e: QExpr): VarRefQ[] {
  switch (e.kind) {
    case "paren":
      return requiredRefs(e.expr);
    case "binary": {
      if (e.op === "AND") return [...requiredRefs(e.lhs), ...requiredRefs(e.rhs)];
      if (e.op === "OR") {
        const r = requiredRefs(e.rhs);
        return requiredRefs(e.lhs).filter((a) => r.some((b) => a.name === b.name && a.type === b.type));
      }
      if (!COMPARISONS.has(e.op)) return [];
      const literal = (x: QExpr) => x.kind === "number" || x.kind === "integer" || x.kind === "unsigned" || x.kind === "string" || x.kind === "boolean" || x.kind === "regex";
      if (e.lhs.kind === "varref" && literal(e.rhs)) return [e.lhs];
      if (e.rhs.kind === "varref" && literal(e.lhs)) return [e.rhs];
      return [];
    }
    default:
      return [];
  }
}
