/**
 * Go's shortest float64 formatting, which InfluxQL uses when it prints numbers: `strconv`'s `'f'`
 * form for number literals and bound parameters, `fmt`'s `%v` for the value in `fill(...)`.
 * JavaScript finds the same shortest round-trip digits; only the layout differs.
 */

interface Digits {
  negative: boolean;
  /** Shortest significant digits, no leading zeros; empty for zero. */
  d: string;
  /** Position of the decimal point relative to the digits (Go's `dp`). */
  dp: number;
}

function shortestDigits(v: number): Digits {
  const negative = v < 0 || Object.is(v, -0);
  if (v === 0) return { negative, d: "", dp: 0 };
  const [mantissa, exponent] = Math.abs(v).toExponential().split("e");
  return { negative, d: mantissa.replace(".", ""), dp: Number(exponent) + 1 };
}

function special(v: number): string | null {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return null;
}

function layoutFixed({ negative, d, dp }: Digits, fraction: number): string {
  let out = negative ? "-" : "";
  if (dp > 0) out += d.slice(0, dp).padEnd(dp, "0");
  else out += "0";
  if (fraction > 0) {
    out += ".";
    for (let i = 0; i < fraction; i++) out += d[dp + i] ?? "0";
  }
  return out;
}

/** `strconv.FormatFloat(v, 'f', -1, 64)`. */
export function formatFloatF(v: number): string {
  const s = special(v);
  if (s !== null) return s;
  const digits = shortestDigits(v);
  return layoutFixed(digits, Math.max(digits.d.length - digits.dp, 0));
}

/** `fmt.Sprintf("%v", v)` for a float64: `%g` with the shortest digits. */
export function formatFloatV(v: number): string {
  const s = special(v);
  if (s !== null) return s;
  const digits = shortestDigits(v);
  const { negative, d, dp } = digits;
  const exp = dp - 1;
  // Go decides on exponent form with precision 6 whenever the digits are the shortest ones.
  if (d !== "" && (exp < -4 || exp >= 6)) {
    const mag = Math.abs(exp);
    return (
      (negative ? "-" : "") + d[0] + (d.length > 1 ? "." + d.slice(1) : "") + "e" + (exp < 0 ? "-" : "+") +
      (mag < 10 ? "0" : "") + mag
    );
  }
  return layoutFixed(digits, Math.max(d.length - dp, 0));
}
