/**
 * Decimal text of an int64, as `bigint.toString()` writes it, faster where a double prints the
 * same digits (JSC prints a double in about half the time of a bigint; whether v is exactly a
 * double is one bigint/double comparison, cheaper than range or remainder tests on the bigint).
 *
 * A double holds v exactly when |v| < 2^53, or when |v| < 2^61 and v is a multiple of 2^8 (the
 * double's spacing there is at most 2^8). Its shortest round-trip digits are then v's own digits
 * if no shorter decimal lies within half a spacing (≤ 128) of v: true below 2^53 (spacing ≤ 1),
 * and for multiples of 1000 (any number with fewer significant digits is a multiple of 10^4 and so
 * at least 1000 from v). So nanosecond times on whole seconds (any multiple of 32 µs) until 2043,
 * and integers below 2^53, take the fast way.
 */
const SPACED = 2 ** 61;

export function integerText(v: bigint): string {
  const n = Number(v);
  // `==` between a bigint and a double compares their exact values: n is v itself, not a rounding.
  if ((v as unknown as number) == n && (Math.abs(n) <= Number.MAX_SAFE_INTEGER || (n % 1000 === 0 && Math.abs(n) < SPACED))) return String(n);
  return v.toString();
}
