/**
 * Go's `math` functions where they round differently from JavaScript's: InfluxDB's answers carry
 * Go's last digit. Ports of Go 1.19 on amd64: `Log` (FreeBSD's algorithm), `Exp` (the amd64
 * assembly, taking its FMA path as the recording CPU did), `Atan`/`Asin`/`Acos`/`Atan2` (Cephes),
 * `Log2`, `Log10`, and `Frexp`/`Ldexp`.
 */

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

const HIGH = new Uint32Array(F64.buffer);
/** Index of the word holding the sign, exponent and top of the mantissa (little-endian). */
const HI = 1;

/** The exponent `frexpMantissa` found, read right after calling it (spares an array per call). */
export let frexpExponent = 0;

/** Go's `Frexp` mantissa of a finite non-zero x, in [0.5, 1); its exponent goes to `frexpExponent`. */
export function frexpMantissa(x: number): number {
  F64[0] = x;
  let e = (HIGH[HI] >>> 20) & 0x7ff;
  let scaled = 0;
  if (e === 0) {
    // Subnormal: scale into the normal range first.
    F64[0] = x * 2 ** 54;
    e = (HIGH[HI] >>> 20) & 0x7ff;
    scaled = 54;
  }
  frexpExponent = e - 1022 - scaled;
  HIGH[HI] = (HIGH[HI] & 0x800fffff) | (1022 << 20);
  return F64[0];
}

/** Mantissa in [0.5, 1) and exponent. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  const m = frexpMantissa(x);
  return [m, frexpExponent];
}

export function ldexp(m: number, e: number): number {
  if (e > -900 && e < 900 && Math.abs(m) >= 2 ** -100 && Math.abs(m) <= 1) {
    // Far from the ends of the range the product with an exact power of two is exact: build 2^e from its bits.
    F64[0] = 0;
    HIGH[HI] = (e + 1023) << 20;
    return m * F64[0];
  }
  const half = Math.trunc(e / 2);
  return m * 2 ** half * 2 ** (e - half);
}

/** x = m * 2^e exactly. */
function decompose(x: number): [bigint, number] {
  F64[0] = x;
  const bits = U64[0];
  const sign = bits >> 63n ? -1n : 1n;
  const ex = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  if (ex === 0) return [sign * frac, -1074];
  return [sign * (frac | (1n << 52n)), ex - 1075];
}

/** a*b + c rounded once (the x86 FMA instructions Go's assembly uses). */
export function fma(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || a === 0 || b === 0) return a * b + c;
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  let s = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (s === 0n) return a * b + c;
  const negative = s < 0n;
  if (negative) s = -s;
  let exp = e;
  const bits = s.toString(2).length;
  if (bits > 64) {
    // Keep 64 bits plus a sticky bit so that Number() rounds exactly once, correctly.
    const k = BigInt(bits - 64);
    const sticky = (s & ((1n << k) - 1n)) !== 0n ? 1n : 0n;
    s = (s >> k) | sticky;
    exp += bits - 64;
  }
  const r = ldexp(Number(s), exp);
  return negative ? -r : r;
}

export function log(x: number): number {
  const Ln2Hi = 6.9314718036912381649e-1;
  const Ln2Lo = 1.90821492927058770002e-10;
  const L1 = 6.66666666666673513e-1;
  const L2 = 3.999999999940941908e-1;
  const L3 = 2.857142874366239149e-1;
  const L4 = 2.222219843214978396e-1;
  const L5 = 1.818357216161805012e-1;
  const L6 = 1.531383769920937332e-1;
  const L7 = 1.479819860511658591e-1;
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x < 0) return NaN;
  if (x === 0) return -Infinity;
  let [f1, ki] = frexp(x);
  if (f1 < Math.SQRT2 / 2) {
    f1 *= 2;
    ki--;
  }
  const f = f1 - 1;
  const k = ki;
  const s = f / (2 + f);
  const s2 = s * s;
  const s4 = s2 * s2;
  const t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
  const t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
  const R = t1 + t2;
  const hfsq = 0.5 * f * f;
  return k * Ln2Hi - (hfsq - (s * (hfsq + R) + k * Ln2Lo) - f);
}

export function log2(x: number): number {
  const [frac, e] = frexp(x);
  if (frac === 0.5) return e - 1;
  return log(frac) * 1.4426950408889634073599246810018921 + e;
}

export function log10(x: number): number {
  return log(x) * 0.43429448190325182765112891891660508229439700580366656611445378316586464920887;
}

/** Go's amd64 `Exp` (Shibata's method), FMA variant. */
export function exp(x: number): number {
  const LOG2E = 1.442695040888963407359924681001892;
  const LN2U = 0.69314718055966295651160180568695068359375;
  const LN2L = 0.28235290563031577122588448175013436025525412068e-12;
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x > 7.09782712893384e2) return Infinity;
  const scaled = LOG2E * x;
  // CVTSD2SL rounds to nearest, ties to even.
  let k = Math.round(scaled);
  if (Math.abs(scaled - Math.trunc(scaled)) === 0.5) k = 2 * Math.round(scaled / 2);
  let r = fma(-LN2U, k, x);
  r = fma(-LN2L, k, r);
  r *= 0.0625;
  let p = 2.4801587301587301587e-5;
  for (const c of [1.984126984126984127e-4, 1.3888888888888888889e-3, 8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0]) p = fma(p, r, c);
  r *= p;
  for (let i = 0; i < 3; i++) r *= r + 2;
  r = fma(r, r + 2, 1);
  let bx = k + 0x3ff;
  if (bx <= 0) {
    if (bx < -52) return 0;
    bx += 0x3fe;
    r *= 2 ** (bx - 1023);
    bx = 1;
  } else if (bx >= 0x7ff) return Infinity;
  return r * 2 ** (bx - 1023);
}

function xatan(x: number): number {
  const P0 = -8.750608600031904122785e-1;
  const P1 = -1.615753718733365076637e1;
  const P2 = -7.50085579231470466734e1;
  const P3 = -1.22886668449013617341e2;
  const P4 = -6.485021904942025371773e1;
  const Q0 = 2.485846490142306297962e1;
  const Q1 = 1.650270098316988542046e2;
  const Q2 = 4.328810604912902668951e2;
  const Q3 = 4.853903996359136964868e2;
  const Q4 = 1.945506571482613964425e2;
  let z = x * x;
  z = (z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4)) / (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
  return x * z + x;
}

function satan(x: number): number {
  const Morebits = 6.12323399573676588613e-17;
  const Tan3pio8 = 2.4142135623730950488;
  if (x <= 0.66) return xatan(x);
  if (x > Tan3pio8) return Math.PI / 2 - xatan(1 / x) + Morebits;
  return Math.PI / 4 + xatan((x - 1) / (x + 1)) + 0.5 * Morebits;
}

export function atan(x: number): number {
  if (x === 0) return x;
  return x > 0 ? satan(x) : -satan(-x);
}

export function asin(x: number): number {
  if (x === 0) return x;
  let sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  if (x > 1) return NaN;
  let temp = Math.sqrt(1 - x * x);
  temp = x > 0.7 ? Math.PI / 2 - satan(temp / x) : satan(x / temp);
  return sign ? -temp : temp;
}

export function acos(x: number): number {
  return Math.PI / 2 - asin(x);
}

export function atan2(y: number, x: number): number {
  if (Number.isNaN(y) || Number.isNaN(x)) return NaN;
  if (y === 0) return x >= 0 && !Object.is(x, -0) ? (Object.is(y, -0) ? -0 : 0) : Object.is(y, -0) || y < 0 ? -Math.PI : Math.PI;
  if (x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return Math.atan2(y, x);
  const q = atan(y / x);
  if (x < 0) return q <= 0 ? q + Math.PI : q - Math.PI;
  return q;
}
