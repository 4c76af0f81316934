/**
 * InfluxDB's math functions (`abs`, `sin`, `log`, ...), evaluated per row: Go's `MathValuer.Call`.
 * Integers pass through abs/floor/ceil/round unchanged; a non-numeric argument gives null.
 */
import { acos, asin, atan, atan2, exp, frexpExponent, frexpMantissa, ldexp, log, log10, log2 } from "./go-math.ts";
import type { Value } from "./value.ts";

const MATH = new Set(["abs", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "exp", "log", "ln", "log2", "log10", "sqrt", "pow", "floor", "ceil", "round"]);

export function isMathFunction(name: string): boolean {
  return MATH.has(name);
}

const asFloat = (v: Value): number | undefined => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : undefined);

/** Go's `round`: half away from zero. */
function goRound(x: number): number {
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + (x < 0 || Object.is(x, -0) ? -1 : 1) : t;
}

const UNARY: Record<string, (x: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin,
  acos,
  atan,
  exp,
  ln: log,
  log2,
  log10,
  sqrt: Math.sqrt,
};

export type CallResult = { ok: true; value: Value } | { ok: false };
const FAIL: CallResult = { ok: false };

export function mathCall(name: string, args: Value[]): CallResult {
  if (args.length === 1) {
    const a = args[0];
    switch (name) {
      case "abs":
      case "floor":
      case "ceil":
      case "round":
        if (typeof a === "bigint") return { ok: true, value: a };
        if (typeof a !== "number") return { ok: true, value: null };
        return { ok: true, value: name === "abs" ? Math.abs(a) : name === "floor" ? Math.floor(a) : name === "ceil" ? Math.ceil(a) : goRound(a) };
    }
    const fn = UNARY[name];
    if (fn === undefined) return FAIL;
    const x = asFloat(a);
    return { ok: true, value: x === undefined ? null : fn(x) };
  }
  if (args.length === 2 && (name === "atan2" || name === "log" || name === "pow")) {
    const x = asFloat(args[0]);
    const y = asFloat(args[1]);
    if (x === undefined || y === undefined) return { ok: true, value: null };
    return { ok: true, value: name === "atan2" ? atan2(x, y) : name === "log" ? log(x) / log(y) : goPow(x, y) };
  }
  return FAIL;
}

const INT32_LIMIT = 2 ** 31;

/**
 * Go's `math.Pow`: integer powers by repeated squaring of the mantissa (so `x^2` rounds as `x*x`),
 * square roots for ±0.5, and Go's special cases.
 */
export function goPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 || !Number.isFinite(y) || !Number.isFinite(x)) return Math.pow(x, y);
  if (y === 0.5) return Math.sqrt(x);
  if (y === -0.5) return 1 / Math.sqrt(x);
  let yi = Math.trunc(Math.abs(y));
  let yf = Math.abs(y) - yi;
  if (yf !== 0 && x < 0) return NaN;
  if (yi >= 2 ** 63) return Math.pow(x, y);
  let a1 = 1;
  let ae = 0;
  if (yf !== 0) {
    if (yf > 0.5) {
      yf--;
      yi++;
    }
    a1 = exp(yf * log(x));
  }
  let x1 = frexpMantissa(x);
  let xe = frexpExponent;
  // yi is an integer double: halving and flooring it stay exact, so no bigint is needed; below
  // 2^31 integer operations do it faster.
  for (let i = yi; i !== 0; i = i < INT32_LIMIT ? i >>> 1 : Math.floor(i / 2)) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if (i < INT32_LIMIT ? (i & 1) === 1 : i % 2 === 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}

/**
 * `goPow(x, t)` for every t in [0, count), computed together: Go squares the same mantissas for
 * every integer power, so they are squared once here and each power multiplies the ones of its
 * set bits in the same order, giving the same bits as `goPow` at a fraction of the cost.
 */
export function goPowers(x: number, count: number): Float64Array {
  const out = new Float64Array(count);
  if (x === 0 || x === 1 || !Number.isFinite(x)) {
    for (let t = 0; t < count; t++) out[t] = goPow(x, t);
    return out;
  }
  const mantissas: number[] = [];
  const exponents: number[] = [];
  let x1 = frexpMantissa(x);
  let xe = frexpExponent;
  for (let bits = Math.max(count - 1, 0); bits !== 0; bits >>>= 1) {
    mantissas.push(x1);
    exponents.push(xe);
    x1 *= x1;
    xe <<= 1;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (count > 0) out[0] = 1;
  if (count > 1) out[1] = x;
  for (let t = 2; t < count; t++) {
    let a1 = 1;
    let ae = 0;
    for (let k = 0, i = t; i !== 0; k++, i >>>= 1) {
      const e = exponents[k];
      if (e < -(1 << 12) || 1 << 12 < e) {
        ae += e;
        break;
      }
      if ((i & 1) === 1) {
        a1 *= mantissas[k];
        ae += e;
      }
    }
    out[t] = ldexp(a1, ae);
  }
  return out;
}
