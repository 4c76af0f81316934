/**
 * Exact decimal → 64-bit integer conversion into two 32-bit words (lo, hi), without BigInt.
 * The words are stored as int32 in the batch's `fieldWords`, little-endian, lo first.
 */

const TWO32 = 4294967296;

/**
 * Parses the digits in bytes[start, end) (optionally after one leading `-` when `signed`) and
 * writes the two's complement words to words[at], words[at + 1]. Returns false when the value is
 * outside int64 (signed) or uint64 (unsigned). Leading zeros are allowed, as in Go's ParseInt.
 */
export function parseIntegerWords(
  bytes: Uint8Array,
  start: number,
  end: number,
  signed: boolean,
  words: Int32Array,
  at: number,
): boolean {
  const negative = bytes[start] === 45;
  let i = negative ? start + 1 : start;
  while (i < end - 1 && bytes[i] === 48) i++;
  if (end - i <= 15) {
    let v = 0;
    for (; i < end; i++) v = v * 10 + (bytes[i] - 48);
    writeSafeInteger(negative ? -v : v, words, at);
    return true;
  }
  if (end - i > 20) return false;
  // Two limbs in doubles: every intermediate stays below 2^53, so all of it is exact.
  let lo = 0;
  let hi = 0;
  for (; i < end; i++) {
    lo = lo * 10 + (bytes[i] - 48);
    const carry = Math.floor(lo / TWO32);
    lo -= carry * TWO32;
    hi = hi * 10 + carry;
    if (hi >= TWO32) return false;
  }
  if (signed) {
    const limit = negative ? 0x80000000 : 0x7fffffff;
    if (hi > limit || (hi === limit && negative && lo !== 0)) return false;
    if (negative) {
      // Two's complement negation of the 64-bit magnitude.
      hi = lo === 0 ? (TWO32 - hi) % TWO32 : TWO32 - hi - 1;
      lo = lo === 0 ? 0 : TWO32 - lo;
    }
  }
  words[at] = lo | 0;
  words[at + 1] = hi | 0;
  return true;
}

/** Words of an integer with |v| < 2^53. */
export function writeSafeInteger(v: number, words: Int32Array, at: number): void {
  const hi = Math.floor(v / TWO32);
  words[at] = (v - hi * TWO32) | 0;
  words[at + 1] = hi | 0;
}
