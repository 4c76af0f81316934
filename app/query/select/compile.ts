/**
 * Statement validation and preprocessing, a port of InfluxDB 1.6.7's `query/compile.go`: the
 * time range and remaining condition, the GROUP BY interval, which functions are used and how
 * (selectors, aggregates, transforms), and every error a statement can fail with before any data
 * is read, with InfluxDB's messages.
 */
import { formatDuration } from "../../influxql/duration.ts";
import { StatementError } from "../statement-error.ts";
import { conditionExpr, intersect, MAX_TIME, MIN_TIME, type TimeRange } from "./condition.ts";
import { type CallQ, exprString, isLiteral, type QExpr } from "./expr.ts";
import { isMathFunction } from "./math-functions.ts";
import { reduce } from "./reduce-expr.ts";
import type { FieldQ, SelectQ } from "./select-statement.ts";
import { isTimeString, parseTimeString } from "./time-literal.ts";

export interface Interval {
  /** Nanoseconds; 0 when there is no GROUP BY time(). */
  duration: bigint;
  offset: bigint;
}

export interface CompiledStatement {
  stmt: SelectQ;
  /** Inclusive, with InfluxDB's sentinels where the statement gives no bound (now() for the upper bound of GROUP BY time). */
  timeRange: { min: bigint; max: bigint };
  interval: Interval;
  /** Intervals read before the range for derivative() and friends. */
  extraIntervals: number;
}

interface Compiler {
  now: bigint;
  ascending: boolean;
  limit: number;
  hasTarget: boolean;
  condition: QExpr | null;
  timeRange: TimeRange;
  interval: Interval;
  inheritedInterval: boolean;
  extraIntervals: number;
  functionCalls: CallQ[];
  onlySelectors: boolean;
  hasDistinct: boolean;
  fill: SelectQ["fill"];
  topBottomFunction: string;
  hasAuxiliaryFields: boolean;
  fields: number;
  timeFieldName: string;
}

function newCompiler(now: bigint): Compiler {
  return {
    now,
    ascending: true,
    limit: 0,
    hasTarget: false,
    condition: null,
    timeRange: { min: null, max: null },
    interval: { duration: 0n, offset: 0n },
    inheritedInterval: false,
    extraIntervals: 0,
    functionCalls: [],
    onlySelectors: true,
    hasDistinct: false,
    fill: "null",
    topBottomFunction: "",
    hasAuxiliaryFields: false,
    fields: 0,
    timeFieldName: "time",
  };
}

const fail = (message: string): never => {
  throw new StatementError(message);
};

/** Compiles `stmt` in place (Go clones first; callers pass a fresh copy). */
export function compile(stmt: SelectQ, now: bigint): CompiledStatement {
  const c = newCompiler(now);
  preprocess(c, stmt);
  compileStatement(c, stmt);
  stmt.timeAlias = c.timeFieldName === "time" ? "" : c.timeFieldName;
  stmt.condition = c.condition;
  rewriteDistinct(stmt);
  stmt.fields = stmt.fields.filter((f) => !(f.expr.kind === "varref" && f.expr.name === "time"));
  return {
    stmt,
    timeRange: { min: c.timeRange.min!, max: c.timeRange.max! },
    interval: c.interval,
    extraIntervals: c.extraIntervals,
  };
}

function preprocess(c: Compiler, stmt: SelectQ): void {
  c.ascending = stmt.ascending;
  c.limit = stmt.limit;
  c.hasTarget = stmt.hasTarget;
  const { condition, range } = conditionExpr(stmt.condition, { now: c.now, tz: stmt.timeZone });
  validateCondition(condition);
  c.condition = condition;
  c.timeRange = range;
  compileDimensions(c, stmt);
  c.fill = stmt.fill;
  if (c.timeRange.min === null) c.timeRange.min = MIN_TIME;
  if (c.timeRange.max === null) c.timeRange.max = c.interval.duration !== 0n ? c.now : MAX_TIME;
}

function compileStatement(c: Compiler, stmt: SelectQ): void {
  compileFields(c, stmt);
  validateFields(c);
  for (const source of stmt.sources) {
    if (source.kind !== "subquery") continue;
    source.stmt.omitTime = true;
    compileSubquery(c, source.stmt);
  }
}

function compileFields(c: Compiler, stmt: SelectQ): void {
  for (const f of stmt.fields) {
    if (f.expr.kind === "varref" && f.expr.name === "time") {
      if (f.alias !== "") c.timeFieldName = f.alias;
      continue;
    }
    f.expr = reduce(f.expr, { math: true });
    c.fields++;
    compileExpr(c, f.expr, { allowWildcard: true });
  }
}

interface FieldState {
  allowWildcard: boolean;
}

function compileExpr(c: Compiler, e: QExpr, f: FieldState): void {
  switch (e.kind) {
    case "varref":
      c.hasAuxiliaryFields = true;
      return;
    case "wildcard":
      c.hasAuxiliaryFields = true;
      if (!f.allowWildcard) fail("unable to use wildcard in a binary expression");
      return;
    case "regex":
      if (!f.allowWildcard) fail("unable to use regex in a binary expression");
      c.hasAuxiliaryFields = true;
      return;
    case "call":
      if (isMathFunction(e.name)) return compileMathFunction(c, e, f);
      c.functionCalls.push(e);
      switch (e.name) {
        case "percentile":
          return compilePercentile(c, e, f);
        case "sample":
          return compileSample(c, e, f);
        case "distinct":
          return compileDistinct(c, e.args, false);
        case "top":
        case "bottom":
          return compileTopBottom(c, e);
        case "derivative":
        case "non_negative_derivative":
        case "elapsed":
          return compileDerivative(c, e, f);
        case "difference":
        case "non_negative_difference":
        case "cumulative_sum":
          return compileDifference(c, e, f);
        case "moving_average":
          return compileMovingAverage(c, e, f);
        case "integral":
          return compileIntegral(c, e, f);
        case "holt_winters":
        case "holt_winters_with_fit":
          return compileHoltWinters(c, e, f);
        case "exponential_moving_average":
        case "double_exponential_moving_average":
        case "triple_exponential_moving_average":
        case "relative_strength_index":
        case "triple_exponential_derivative":
          return compileTechnicalAnalysis(c, e, f, 4, ["exponential", "simple"]);
        case "kaufmans_efficiency_ratio":
        case "kaufmans_adaptive_moving_average":
          return compileTechnicalAnalysis(c, e, f, 3, []);
        case "chande_momentum_oscillator":
          return compileTechnicalAnalysis(c, e, f, 4, ["none", "exponential", "simple"]);
        default:
          return compileFunction(c, e, f);
      }
    case "distinct": {
      const call: CallQ = { kind: "call", name: "distinct", args: [{ kind: "varref", name: e.name, type: 0 }] };
      c.functionCalls.push(call);
      return compileDistinct(c, call.args, false);
    }
    case "binary":
      f.allowWildcard = false;
      if (isLiteral(e.lhs)) {
        if (isLiteral(e.rhs)) fail("cannot perform a binary expression on two literals");
        return compileExpr(c, e.rhs, f);
      }
      if (isLiteral(e.rhs)) return compileExpr(c, e.lhs, f);
      compileExpr(c, e.lhs, f);
      compileExpr(c, e.rhs, f);
      return;
    case "paren":
      return compileExpr(c, e.expr, f);
    default:
      fail("field must contain at least one variable");
  }
}

function compileNestedExpr(c: Compiler, e: QExpr, f: FieldState): void {
  if (e.kind === "call" && e.name === "distinct") return compileDistinct(c, e.args, true);
  if (e.kind === "distinct") return compileDistinct(c, [{ kind: "varref", name: e.name, type: 0 }], true);
  compileExpr(c, e, f);
}

function compileSymbol(c: Compiler, name: string, field: QExpr, f: FieldState): void {
  switch (field.kind) {
    case "varref":
      return;
    case "wildcard":
      if (!f.allowWildcard) fail(`unsupported expression with wildcard: ${name}()`);
      c.onlySelectors = false;
      return;
    case "regex":
      if (!f.allowWildcard) fail(`unsupported expression with regex field: ${name}()`);
      c.onlySelectors = false;
      return;
    default:
      fail(`expected field argument in ${name}()`);
  }
}

function compileFunction(c: Compiler, e: CallQ, f: FieldState): void {
  switch (e.name) {
    case "max":
    case "min":
    case "first":
    case "last":
      break;
    case "count":
    case "sum":
    case "mean":
    case "median":
    case "mode":
    case "stddev":
    case "spread":
      c.onlySelectors = false;
      break;
    default:
      fail(`undefined function ${e.name}()`);
  }
  if (e.args.length !== 1) fail(`invalid number of arguments for ${e.name}, expected 1, got ${e.args.length}`);
  if (e.name === "count") {
    const arg0 = e.args[0];
    if (arg0.kind === "call" && arg0.name === "distinct") return compileDistinct(c, arg0.args, true);
    if (arg0.kind === "distinct") return compileDistinct(c, [{ kind: "varref", name: arg0.name, type: 0 }], true);
  }
  compileSymbol(c, e.name, e.args[0], f);
}

function compilePercentile(c: Compiler, e: CallQ, f: FieldState): void {
  if (e.args.length !== 2) fail(`invalid number of arguments for percentile, expected 2, got ${e.args.length}`);
  if (e.args[1].kind !== "integer" && e.args[1].kind !== "number") fail("expected float argument in percentile()");
  compileSymbol(c, "percentile", e.args[0], f);
}

function compileSample(c: Compiler, e: CallQ, f: FieldState): void {
  if (e.args.length !== 2) fail(`invalid number of arguments for sample, expected 2, got ${e.args.length}`);
  const n = e.args[1];
  if (n.kind !== "integer") return fail("expected integer argument in sample()");
  if (n.value <= 0n) fail(`sample window must be greater than 1, got ${n.value}`);
  compileSymbol(c, "sample", e.args[0], f);
}

function positiveDuration(arg: QExpr, notDuration: () => string): void {
  if (arg.kind !== "duration") return fail(notDuration());
  if (arg.value <= 0n) fail(`duration argument must be positive, got ${formatDuration(arg.value)}`);
}

/** derivative, non_negative_derivative and elapsed: an optional duration unit. */
function compileDerivative(c: Compiler, e: CallQ, f: FieldState): void {
  const name = e.name;
  const got = e.args.length;
  if (got > 2 || got < 1) fail(`invalid number of arguments for ${name}, expected at least 1 but no more than 2, got ${got}`);
  if (got === 2) {
    positiveDuration(e.args[1], () =>
      name === "elapsed"
        ? `second argument to elapsed must be a duration, got ${goTypeOf(e.args[1])}`
        : `second argument to ${name} must be a duration, got ${goTypeOf(e.args[1])}`,
    );
  }
  transformArgument(c, name, e.args[0], f, 1);
}

/** difference, non_negative_difference and cumulative_sum: exactly one argument. */
function compileDifference(c: Compiler, e: CallQ, f: FieldState): void {
  if (e.args.length !== 1) fail(`invalid number of arguments for ${e.name}, expected 1, got ${e.args.length}`);
  transformArgument(c, e.name, e.args[0], f, 1);
}

function compileMovingAverage(c: Compiler, e: CallQ, f: FieldState): void {
  if (e.args.length !== 2) fail(`invalid number of arguments for moving_average, expected 2, got ${e.args.length}`);
  const n = e.args[1];
  if (n.kind !== "integer") return fail(`second argument for moving_average must be an integer, got ${goTypeOf(n)}`);
  if (n.value <= 1n) fail(`moving_average window must be greater than 1, got ${n.value}`);
  transformArgument(c, "moving_average", e.args[0], f, Number(n.value));
}

/** What derivative(), difference() and the like accept: a field, or an aggregate with GROUP BY time(). */
function transformArgument(c: Compiler, name: string, arg0: QExpr, f: FieldState, extra: number): void {
  c.onlySelectors = false;
  if (c.extraIntervals < extra) c.extraIntervals = extra;
  if (arg0.kind === "call") {
    if (c.interval.duration === 0n) fail(`${name} aggregate requires a GROUP BY interval`);
    return compileNestedExpr(c, arg0, f);
  }
  if (c.interval.duration !== 0n && !c.inheritedInterval) fail(`aggregate function required inside the call to ${name}`);
  compileSymbol(c, name, arg0, f);
}

/** The technical analysis functions: (field or aggregate, period[, hold period[, warm-up type]]). */
function compileTechnicalAnalysis(c: Compiler, e: CallQ, f: FieldState, maxArgs: number, warmups: string[]): void {
  const name = e.name;
  const got = e.args.length;
  if (got < 2 || got > maxArgs) fail(`invalid number of arguments for ${name}, expected at least 2 but no more than ${maxArgs}, got ${got}`);
  const period = e.args[1];
  if (period.kind !== "integer") return fail(`${name} period must be an integer`);
  if (period.value < 1n) fail(`${name} period must be greater than or equal to 1`);
  const hold = e.args[2];
  if (hold !== undefined) {
    if (hold.kind !== "integer") return fail(`${name} hold period must be an integer`);
    if (name === "triple_exponential_derivative" && hold.value < 1n && hold.value !== -1n) fail(`${name} hold period must be greater than or equal to 1`);
    if (hold.value < 0n && hold.value !== -1n) fail(`${name} hold period must be greater than or equal to 0`);
  }
  const warmup = e.args[3];
  if (warmup !== undefined) {
    if (warmup.kind !== "string") return fail(`${name} warmup type must be a string`);
    if (!warmups.includes(warmup.value)) fail(`${name} warmup type must be one of: ${warmups.map((w) => `'${w}'`).join(" ")}`);
  }
  transformArgument(c, name, e.args[0], f, Number(period.value));
}

function compileHoltWinters(c: Compiler, e: CallQ, f: FieldState): void {
  const name = e.name;
  if (e.args.length !== 3) fail(`invalid number of arguments for ${name}, expected 3, got ${e.args.length}`);
  const n = e.args[1];
  if (n.kind !== "integer") return fail(`expected integer argument as second arg in ${name}`);
  if (n.value <= 0n) fail(`second arg to ${name} must be greater than 0, got ${n.value}`);
  const s = e.args[2];
  if (s.kind !== "integer") return fail(`expected integer argument as third arg in ${name}`);
  if (s.value < 0n) fail(`third arg to ${name} cannot be negative, got ${s.value}`);
  c.onlySelectors = false;
  const call = e.args[0];
  if (call.kind !== "call") return fail(`must use aggregate function with ${name}`);
  if (c.interval.duration === 0n) fail(`${name} aggregate requires a GROUP BY interval`);
  compileNestedExpr(c, call, f);
}

function compileIntegral(c: Compiler, e: CallQ, f: FieldState): void {
  const got = e.args.length;
  if (got > 2 || got < 1) fail(`invalid number of arguments for integral, expected at least 1 but no more than 2, got ${got}`);
  if (got === 2) positiveDuration(e.args[1], () => "second argument must be a duration");
  c.onlySelectors = false;
  compileSymbol(c, "integral", e.args[0], f);
}

function compileDistinct(c: Compiler, args: QExpr[], nested: boolean): void {
  if (args.length === 0) fail("distinct function requires at least one argument");
  if (args.length !== 1) fail("distinct function can only have one argument");
  if (args[0].kind !== "varref") fail("expected field argument in distinct()");
  if (!nested) c.hasDistinct = true;
  c.onlySelectors = false;
}

function compileTopBottom(c: Compiler, call: CallQ): void {
  if (c.topBottomFunction !== "") fail(`selector function ${c.topBottomFunction}() cannot be combined with other functions`);
  if (call.args.length < 2) fail(`invalid number of arguments for ${call.name}, expected at least 2, got ${call.args.length}`);
  const limit = call.args[call.args.length - 1];
  if (limit.kind !== "integer") return fail(`expected integer as last argument in ${call.name}(), found ${exprString(limit)}`);
  if (limit.value <= 0n) fail(`limit (${limit.value}) in ${call.name} function must be at least 1`);
  if (c.limit > 0 && limit.value > BigInt(c.limit)) {
    fail(`limit (${limit.value}) in ${call.name} function can not be larger than the LIMIT (${c.limit}) in the select statement`);
  }
  if (call.args[0].kind !== "varref") fail(`expected first argument to be a field in ${call.name}(), found ${exprString(call.args[0])}`);
  for (const v of call.args.slice(1, -1)) {
    if (v.kind !== "varref") fail(`only fields or tags are allowed in ${call.name}(), found ${exprString(v)}`);
    if (!c.hasTarget) {
      c.fields++;
      compileExpr(c, v, { allowWildcard: false });
    }
  }
  c.topBottomFunction = call.name;
}

function compileMathFunction(c: Compiler, e: CallQ, f: FieldState): void {
  const nargs = e.name === "atan2" || e.name === "pow" || e.name === "log" ? 2 : 1;
  if (e.args.length !== nargs) fail(`invalid number of arguments for ${e.name}, expected ${nargs}, got ${e.args.length}`);
  for (const arg of e.args) if (!isLiteral(arg)) compileExpr(c, arg, f);
}

/** Go's `%T` of an argument, as the argument errors print it. */
function goTypeOf(e: QExpr): string {
  const names: Partial<Record<QExpr["kind"], string>> = {
    varref: "VarRef",
    call: "Call",
    binary: "BinaryExpr",
    paren: "ParenExpr",
    string: "StringLiteral",
    number: "NumberLiteral",
    integer: "IntegerLiteral",
    boolean: "BooleanLiteral",
    regex: "RegexLiteral",
    wildcard: "Wildcard",
    duration: "DurationLiteral",
  };
  return `*influxql.${names[e.kind] ?? "Expr"}`;
}

function compileDimensions(c: Compiler, stmt: SelectQ): void {
  stmt.dimensions = stmt.dimensions.map((d) => {
    const e = reduce(d, null);
    switch (e.kind) {
      case "varref":
        if (e.name.toLowerCase() === "time") fail("time() is a function and expects at least one argument");
        break;
      case "call": {
        if (e.name !== "time") fail("only time() calls allowed in dimensions");
        if (e.args.length < 1 || e.args.length > 2) fail("time dimension expected 1 or 2 arguments");
        const lit = e.args[0];
        if (lit.kind !== "duration") return fail("time dimension must have duration argument");
        if (c.interval.duration !== 0n) fail("multiple time dimensions not allowed");
        c.interval.duration = lit.value;
        if (e.args.length === 2) c.interval.offset = dimensionOffset(c, e, lit.value, stmt.timeZone);
        break;
      }
      case "wildcard":
      case "regex":
        break;
      default:
        fail("only time and tag dimensions allowed");
    }
    return e;
  });
}

/** Go's `%`: the sign follows the dividend. A zero duration has no offset (Go would panic). */
const goMod = (a: bigint, b: bigint) => (b === 0n ? 0n : a % b);

/** The remainder of a time since the epoch, for an offset given as a time (Go truncates from year 1; the difference does not matter for durations dividing a day). */
const sinceWindow = (t: bigint, d: bigint) => (d === 0n ? 0n : ((t % d) + d) % d);

function dimensionOffset(c: Compiler, e: CallQ, duration: bigint, tz: string | null): bigint {
  const arg = e.args[1];
  switch (arg.kind) {
    case "duration":
      return goMod(arg.value, duration);
    case "time":
      return sinceWindow(arg.value, duration);
    case "call": {
      if (arg.name !== "now") fail("time dimension offset function must be now()");
      if (arg.args.length !== 0) fail("time dimension offset now() function requires no arguments");
      const offset = sinceWindow(c.now, duration);
      e.args[1] = { kind: "duration", value: offset };
      return offset;
    }
    case "string":
      if (!isTimeString(arg.value)) fail("time dimension offset must be duration or now()");
      return sinceWindow(parseTimeString(arg.value, tz), duration);
    default:
      return fail("time dimension offset must be duration or now()");
  }
}

function validateFields(c: Compiler): void {
  if (c.fields === 0) fail("at least 1 non-time field must be queried");
  if (c.functionCalls.length > 1 && c.topBottomFunction !== "") {
    fail(`selector function ${c.topBottomFunction}() cannot be combined with other functions`);
  } else if (c.functionCalls.length === 0) {
    if (c.fill === "none") fail("fill(none) must be used with a function");
    if (c.fill === "linear") fail("fill(linear) must be used with a function");
    if (c.interval.duration !== 0n && !c.inheritedInterval) fail("GROUP BY requires at least one aggregate function");
  }
  if (c.hasDistinct && (c.functionCalls.length !== 1 || c.hasAuxiliaryFields)) {
    fail("aggregate function distinct() cannot be combined with other functions or fields");
  }
  if (c.hasAuxiliaryFields) {
    if (!c.onlySelectors) fail("mixing aggregate and non-aggregate queries is not supported");
    if (c.functionCalls.length > 1) fail("mixing multiple selector functions with tags or fields is not supported");
  }
}

function validateCondition(e: QExpr | null): void {
  if (e === null) return;
  switch (e.kind) {
    case "binary":
      validateCondition(e.lhs);
      validateCondition(e.rhs);
      return;
    case "call": {
      if (!isMathFunction(e.name)) fail(`invalid function call in condition: ${exprString(e)}`);
      const nargs = e.name === "atan2" || e.name === "pow" ? 2 : 1;
      if (e.args.length !== nargs) fail(`invalid number of arguments for ${e.name}, expected ${nargs}, got ${e.args.length}`);
      for (const a of e.args) validateCondition(a);
      return;
    }
  }
}

function compileSubquery(parent: Compiler, stmt: SelectQ): void {
  const c = newCompiler(parent.now);
  preprocess(c, stmt);
  if (stmt.condition !== null) stmt.condition = reduce(stmt.condition, { now: parent.now, math: true, tz: stmt.timeZone });
  if (stmt.hasSortFields && c.ascending !== parent.ascending) fail("subqueries must be ordered in the same direction as the query itself");
  c.ascending = parent.ascending;
  c.timeRange = intersect(c.timeRange, parent.timeRange);
  if (c.interval.duration !== 0n && c.fill === "null") c.fill = "none";
  if (parent.interval.duration !== 0n && c.interval.duration === 0n) {
    c.interval = { ...parent.interval };
    c.inheritedInterval = true;
  }
  compileStatement(c, stmt);
}

/** Go's `RewriteDistinct`: `DISTINCT x` becomes `distinct(x)`. */
function rewriteDistinct(stmt: SelectQ): void {
  const toCall = (e: QExpr): QExpr => (e.kind === "distinct" ? { kind: "call", name: "distinct", args: [{ kind: "varref", name: e.name, type: 0 }] } : e);
  stmt.fields = stmt.fields.map((f): FieldQ => {
    if (f.expr.kind === "distinct") {
      stmt.isRawQuery = false;
      return { ...f, expr: toCall(f.expr) };
    }
    if (f.expr.kind === "call") return { ...f, expr: { ...f.expr, args: f.expr.args.map(toCall) } };
    return f;
  });
}

